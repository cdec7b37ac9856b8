package dev.ticketingwarrior.perf.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a simulation needs to know, read from {@code soak.*} system properties (Gatling instantiates simulations
 * itself, so they cannot take constructor arguments). {@code perf/soak} sets them; a perf engineer running one
 * simulation through the Gatling Maven plugin passes them with {@code -D}.
 *
 * @param admissionUrl base URL of admission ({@code /api/v1/queue}, {@code /api/v1/clock}); several, separated by
 *     commas, when several instances run side by side without a load balancer (players are spread over them)
 * @param bookingUrl base URL of booking (the same as admission behind one ALB or CloudFront); several likewise
 * @param rounds rounds to play back to back, the warm-up rounds included
 * @param warmUpRounds the first rounds, played to warm the services up: their requests are grouped under
 *     {@value Journeys#WARM_UP} in Gatling's report and left out of the per-step assertions
 * @param playersPerRound human players arriving at each round
 * @param period the deployment's round period
 * @param openFor how long a round stays open
 * @param firstOpen the open of the first round to play (empty: the next one after start-up)
 * @param sseShare share of players that wait on the event stream; the rest poll
 * @param letterKey the deployment's load-test key for security letters (empty: journeys stop at the letter)
 * @param letterLength letters per security letter
 * @param holdAttempts seats a player tries before giving up
 * @param confirmWait how long a player polls a PENDING booking before they stop looking (the soak's drain)
 * @param think how long players think, as a multiple of a human's (reading the letter: median 2.5 s; picking a seat:
 *     median 0.7 s; both log-normal); 0 plays at machine speed
 * @param arrivals when in a round the players arrive ({@code soak.arrivals}: {@code open}, the default, or
 *     {@code spread})
 */
public record JourneySettings(
        String admissionUrl,
        String bookingUrl,
        int rounds,
        int warmUpRounds,
        int playersPerRound,
        Duration period,
        Duration openFor,
        Optional<Instant> firstOpen,
        double sseShare,
        Optional<String> letterKey,
        int letterLength,
        int holdAttempts,
        Duration confirmWait,
        double think,
        ArrivalPattern arrivals) {

    public static JourneySettings fromSystemProperties() {
        String target = System.getProperty("soak.target", "");
        String admission = prop("soak.admissionUrl", target.isBlank() ? "http://127.0.0.1:8081" : target);
        String booking = prop("soak.bookingUrl", target.isBlank() ? "http://127.0.0.1:8082" : target);
        return new JourneySettings(
                trimSlash(admission),
                trimSlash(booking),
                Integer.parseInt(prop("soak.rounds", "30")),
                Integer.parseInt(prop("soak.warmUpRounds", "0")),
                Integer.parseInt(prop("soak.players", "100")),
                Duration.parse(prop("soak.period", "PT60S")),
                Duration.parse(prop("soak.openFor", "PT15S")),
                Optional.ofNullable(System.getProperty("soak.firstOpen"))
                        .filter(s -> !s.isBlank())
                        .map(Instant::parse),
                Double.parseDouble(prop("soak.sseShare", "0.8")),
                Optional.ofNullable(
                                System.getProperty("soak.letterKey", System.getenv("TICKETING_CAPTCHA_LOAD_TEST_KEY")))
                        .filter(s -> !s.isBlank()),
                Integer.parseInt(prop("soak.letterLength", "6")),
                Integer.parseInt(prop("soak.holdAttempts", "5")),
                Duration.parse(prop("soak.confirmWait", "PT60S")),
                Double.parseDouble(prop("soak.think", "1")),
                ArrivalPattern.parse(prop("soak.arrivals", "open")));
    }

    /** The admission instance player {@code n} plays against: round-robin over the list, the same one all along. */
    public String admissionUrlFor(long player) {
        return pick(admissionUrl, player);
    }

    /** The booking instance player {@code n} plays against, round-robin like {@link #admissionUrlFor}. */
    public String bookingUrlFor(long player) {
        return pick(bookingUrl, player);
    }

    private static String pick(String urls, long player) {
        String[] all = urls.split(",");
        return trimSlash(all[(int) Math.floorMod(player, (long) all.length)].strip());
    }

    /** The same settings for a different number of rounds. */
    public JourneySettings withRounds(int count) {
        return new JourneySettings(
                admissionUrl,
                bookingUrl,
                count,
                warmUpRounds,
                playersPerRound,
                period,
                openFor,
                firstOpen,
                sseShare,
                letterKey,
                letterLength,
                holdAttempts,
                confirmWait,
                think,
                arrivals);
    }

    /** The open of the first round after the warm-up, whose requests the assertions judge. */
    public Instant measuredFrom(Instant firstOpen) {
        return firstOpen.plus(period.multipliedBy(warmUpRounds));
    }

    /** The open of the first round to play: the configured one, else the next open at least {@code lead} away. */
    public Instant firstOpenAfter(Instant now, Duration lead) {
        if (firstOpen.isPresent()) {
            return firstOpen.get();
        }
        long periodMs = period.toMillis();
        long next = (now.plus(lead).toEpochMilli() / periodMs + 1) * periodMs;
        return Instant.ofEpochMilli(next);
    }

    private static String prop(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
