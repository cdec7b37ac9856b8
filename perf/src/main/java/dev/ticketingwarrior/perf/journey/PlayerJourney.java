package dev.ticketingwarrior.perf.journey;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketingwarrior.perf.journey.Journal.Outcome;
import dev.ticketingwarrior.shared.letter.LoadTestLetters;
import dev.ticketingwarrior.shared.round.RoundId;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One human player's whole round, as the web app plays it: clock → entry → event stream (or polling) until admitted →
 * security letter → seat map → hold (another seat after {@code seat-taken}, from a fresh map) → booking with an
 * Idempotency-Key → the booking polled until CONFIRMED or REJECTED (for up to {@link JourneySettings#confirmWait()}).
 * Every step's latency and outcome goes to the {@link Journal} under the player's round, and every 202 is recorded
 * there for the auditor.
 */
public final class PlayerJourney {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong PLAYERS = new AtomicLong();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 46_656, 36);
    private static final Duration POLL_EVERY = Duration.ofSeconds(1);
    /** As the web app polls a PENDING booking: often while the confirmation is a moment away, then gently. */
    private static final Duration BOOKING_POLL_EVERY = Duration.ofMillis(250);

    private static final int FAST_BOOKING_POLLS = 60;
    private static final Duration BOOKING_POLL_LATER = Duration.ofSeconds(2);
    private static final int BOOK_TRIES = 3;
    private static final int ENTRY_TRIES = 3;
    private static final Duration ENTRY_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration LETTER_MEDIAN = Duration.ofMillis(2500);
    private static final Duration PICK_MEDIAN = Duration.ofMillis(700);
    private static final double THINK_SIGMA = 0.5;

    private final JourneySettings settings;
    private final Journal journal;

    public PlayerJourney(JourneySettings settings, Journal journal) {
        this.settings = settings;
        this.journal = journal;
    }

    public ChainBuilder chain() {
        return exec(this::newPlayer)
                .exec(step(
                        "clock",
                        http("clock").get("#{admissionUrl}/api/v1/clock").header("X-Forwarded-For", "#{xff}"),
                        List.of(
                                jsonPath("$.round.id").saveAs("clockRound"),
                                jsonPath("$.round.phase").saveAs("phase")),
                        200))
                .exec(session -> {
                    journal.round(roundOf(session)).player();
                    return session;
                })
                .exec(entry())
                .doIf(session -> session.contains("ticketId"))
                .then(exec(session -> {
                            journal.round(session.getString("roundId")).entered();
                            return session.set("enteredAt", System.nanoTime());
                        })
                        .exec(waitForAdmission())
                        .exec(this::admittedOrNot)
                        .doIf(session -> session.contains("token"))
                        .then(letter().exec(seat()).exec(book())))
                .exec(this::finish);
    }

    /**
     * The entry, with the player's entry key, tried again as the web app does after a 5xx or no answer (up to {@value
     * ENTRY_TRIES} tries, {@link #ENTRY_RETRY_AFTER} apart): a try whose answer was lost but whose ticket was made is
     * answered 200 with that ticket, any other 409 means the nickname is taken.
     */
    private ChainBuilder entry() {
        return exec(session -> session.set("entryTries", 0).set("entryDone", false))
                .asLongAs(session -> !session.getBoolean("entryDone"))
                .on(exec(step(
                                "entry",
                                http("entry")
                                        .post("#{admissionUrl}/api/v1/queue")
                                        .header("X-Forwarded-For", "#{xff}")
                                        .header("Content-Type", "application/json")
                                        .body(StringBody("{\"nickname\":\"#{nick}\",\"entryKey\":\"#{entryKey}\"}")),
                                List.of(
                                        jsonPath("$.ticketId").optional().saveAs("ticketId"),
                                        jsonPath("$.roundId").optional().saveAs("roundId")),
                                201,
                                200,
                                409))
                        .exec(PlayerJourney::afterEntry)
                        .doIf(session -> !session.getBoolean("entryDone"))
                        .then(pause(ENTRY_RETRY_AFTER)));
    }

    private static Session afterEntry(Session session) {
        int tries = session.getInt("entryTries") + 1;
        boolean retry = !session.contains("ticketId") && noAnswer(session.getInt("lastCode")) && tries < ENTRY_TRIES;
        return session.set("entryTries", tries).set("entryDone", !retry).set("entryCode", session.getInt("lastCode"));
    }

    private Session newPlayer(Session session) {
        long n = PLAYERS.incrementAndGet();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // the number in decimal: admission takes look-alikes for one nickname, and base 36 writes both 1 and l
        return session.set("nick", "p" + RUN + "_" + n)
                .set("xff", "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)))
                .set("idem", UUID.randomUUID().toString())
                .set("entryKey", UUID.randomUUID().toString().replace("-", ""))
                .set("sse", random.nextDouble() < settings.sseShare())
                .set("plannedRound", roundAt(Instant.now()))
                // with several instances of a service (two-of-each), each player sticks to one of each
                .set("admissionUrl", settings.admissionUrlFor(n))
                .set("bookingUrl", settings.bookingUrlFor(n));
    }

    /** The event stream until {@code admitted} or {@code closed}; a share of players polls the status instead. */
    private ChainBuilder waitForAdmission() {
        Duration streamFor = settings.openFor().plusSeconds(5);
        ChainBuilder stream = exec(sse("wait (stream)")
                        .get("#{admissionUrl}/api/v1/queue/#{ticketId}/events")
                        .header("X-Forwarded-For", "#{xff}")
                        .await(streamFor)
                        .on(sse.checkMessage("admitted or closed")
                                .matching(jsonPath("$.event").in("admitted", "closed"))
                                .check(jsonPath("$.data").saveAs("waitData"))))
                .exec(sse("stream close").close())
                .exec(session -> {
                    if (!session.contains("waitData")) {
                        return session;
                    }
                    JsonNode data = parse(session.getString("waitData"));
                    Session next = session.set("waitStatus", data.path("status").asText());
                    return data.hasNonNull("token")
                            ? next.set("token", data.get("token").asText())
                            : next;
                });
        ChainBuilder poll = exec(session -> session.set("waitStatus", "WAITING"))
                .asLongAs(session -> "WAITING".equals(session.getString("waitStatus"))
                        && elapsedMs(session, "enteredAt") < streamFor.toMillis())
                .on(pause(POLL_EVERY)
                        .exec(step(
                                "status",
                                http("status")
                                        .get("#{admissionUrl}/api/v1/queue/#{ticketId}")
                                        .header("X-Forwarded-For", "#{xff}"),
                                List.of(
                                        jsonPath("$.status").saveAs("waitStatus"),
                                        jsonPath("$.token").optional().saveAs("token")),
                                200)));
        return doIf(session -> session.getBoolean("sse"))
                .then(stream)
                .exec(doIf(session -> !session.getBoolean("sse")).then(poll));
    }

    private Session admittedOrNot(Session session) {
        Journal.RoundLog round = journal.round(session.getString("roundId"));
        if (session.contains("token")) {
            round.admitted(admittedAt(session.getString("token")));
            round.sample("wait", elapsedMs(session, "enteredAt"), true);
            return session;
        }
        boolean closed = "CLOSED".equals(session.getString("waitStatus"));
        round.sample("wait", elapsedMs(session, "enteredAt"), closed);
        return session.set("outcome", closed ? Outcome.NOT_ADMITTED.name() : Outcome.ERROR.name());
    }

    /**
     * The security letter: issued, then answered with the text only the load-test key can derive from its id. A 403
     * (the round closed while the player was still on its way) ends the journey as a late player, not an error; a 403
     * place-released (quiet too long while the round was full under maxActive) as a player whose place was released.
     */
    private ChainBuilder letter() {
        return exec(step(
                        "letter",
                        http("letter").post("#{bookingUrl}/api/v1/captcha").header("Authorization", "Bearer #{token}"),
                        List.of(jsonPath("$.captchaId").optional().saveAs("captchaId")),
                        201,
                        403))
                .doIf(session -> session.contains("captchaId"))
                .then(pause(session -> think(LETTER_MEDIAN))
                        .exec(session -> session.set("answer", answer(session.getString("captchaId"))))
                        .exec(step(
                                "letter answer",
                                http("letter answer")
                                        .post("#{bookingUrl}/api/v1/captcha/#{captchaId}")
                                        .header("Authorization", "Bearer #{token}")
                                        .header("Content-Type", "application/json")
                                        .body(StringBody("{\"answer\":\"#{answer}\"}")),
                                List.of(bodyString().saveAs("lastBody")),
                                204,
                                403))
                        .exec(session -> session.set("solved", session.getInt("lastCode") == 204)))
                .exec(session -> session.getInt("lastCode") == 403 ? refused(session) : session);
    }

    private String answer(String captchaId) {
        return settings.letterKey()
                .map(key -> LoadTestLetters.answer(key, captchaId, settings.letterLength()))
                .orElse("NOKEY");
    }

    /** Seat map → hold a random available seat; on {@code seat-taken} another one from a fresh map. */
    private ChainBuilder seat() {
        return doIf(session ->
                        session.contains("solved") && session.getBoolean("solved") && !session.contains("outcome"))
                .then(exec(session -> session.set("attempts", 0).set("seatDone", false))
                        .asLongAs(session -> !session.getBoolean("seatDone"))
                        .on(exec(session -> session.remove("available"))
                                .exec(step(
                                        "seats",
                                        http("seats")
                                                .get("#{bookingUrl}/api/v1/rounds/#{roundId}/seats")
                                                .header("Authorization", "Bearer #{token}")
                                                // after the close the map is public, counted per address
                                                .header("X-Forwarded-For", "#{xff}"),
                                        List.of(jsonPath("$.seats[?(@.status == 'AVAILABLE')].id")
                                                .findAll()
                                                .optional()
                                                .saveAs("available")),
                                        200))
                                .exec(this::pickSeat)
                                .pause(session -> session.contains("seatId") ? think(PICK_MEDIAN) : Duration.ZERO)
                                .doIf(session -> session.contains("seatId") && !session.getBoolean("seatDone"))
                                .then(exec(step(
                                                "hold",
                                                http("hold")
                                                        .post("#{bookingUrl}/api/v1/rounds/#{roundId}/holds")
                                                        .header("Authorization", "Bearer #{token}")
                                                        .header("Content-Type", "application/json")
                                                        .body(StringBody("{\"seatId\":\"#{seatId}\"}")),
                                                List.of(
                                                        jsonPath("$.holdId")
                                                                .optional()
                                                                .saveAs("holdId"),
                                                        bodyString().saveAs("lastBody")),
                                                201,
                                                409,
                                                403))
                                        .exec(this::afterHold))));
    }

    /** A 403 on a letter answer or a hold ends the journey, as {@link #refusal} says. */
    private static Session refused(Session session) {
        String body = session.contains("lastBody") ? session.getString("lastBody") : "";
        return session.set("outcome", refusal(body).name()).remove("lastBody");
    }

    /** What a 403 to a letter answer or a hold ended: the player's place released (maxActive), or the round. */
    static Outcome refusal(String problem) {
        return problem != null && problem.contains("/place-released") ? Outcome.PLACE_RELEASED : Outcome.ROUND_CLOSED;
    }

    private Session pickSeat(Session session) {
        if (session.getInt("lastCode") != 200) {
            return session.set("seatDone", true).set("outcome", Outcome.ERROR.name());
        }
        List<Object> available = session.contains("available") ? session.getList("available") : List.of();
        if (available.isEmpty()) {
            return session.set("seatDone", true).set("outcome", Outcome.NO_SEAT.name());
        }
        Object seat = available.get(ThreadLocalRandom.current().nextInt(available.size()));
        return session.set("seatId", String.valueOf(seat));
    }

    private Session afterHold(Session session) {
        int code = session.getInt("lastCode");
        int attempts = session.getInt("attempts") + 1;
        Session next = session.set("attempts", attempts);
        if (code == 201 && next.contains("holdId")) {
            return next.set("seatDone", true);
        }
        if (code == 403) {
            return refused(next.set("seatDone", true));
        }
        if (code == 409 && attempts < settings.holdAttempts()) {
            return next.remove("seatId");
        }
        return next.set("seatDone", true).set("outcome", code == 409 ? Outcome.NO_SEAT.name() : Outcome.ERROR.name());
    }

    /**
     * The booking with an Idempotency-Key (tried again with the same key on a 5xx, or a second later while booking
     * says the key's first request is still in progress), then polled until settled.
     */
    private ChainBuilder book() {
        return doIf(session -> session.contains("holdId") && !session.contains("outcome"))
                .then(exec(session -> session.set("bookTries", 0).set("bookDone", false))
                        .asLongAs(session -> !session.getBoolean("bookDone"))
                        .on(exec(step(
                                        "book",
                                        http("book")
                                                .post("#{bookingUrl}/api/v1/bookings")
                                                .header("Authorization", "Bearer #{token}")
                                                .header("Idempotency-Key", "#{idem}")
                                                .header("Content-Type", "application/json")
                                                .body(StringBody("{\"holdId\":\"#{holdId}\"}")),
                                        List.of(
                                                jsonPath("$.bookingId")
                                                        .optional()
                                                        .saveAs("bookingId"),
                                                jsonPath("$.type").optional().saveAs("bookProblem")),
                                        202,
                                        403,
                                        409))
                                .exec(this::afterBook)
                                .doIf(session -> session.contains("bookInProgress"))
                                .then(pause(Duration.ofSeconds(1)).exec(session -> session.remove("bookInProgress"))))
                        .doIf(session -> session.contains("bookingId"))
                        .then(exec(session -> session.set("bookingStatus", "PENDING")
                                        .set("polls", 0)
                                        .set("bookedAt", System.nanoTime()))
                                .asLongAs(session -> "PENDING".equals(session.getString("bookingStatus"))
                                        && elapsedMs(session, "bookedAt")
                                                < settings.confirmWait().toMillis())
                                .on(pause(session -> session.getInt("polls") < FAST_BOOKING_POLLS
                                                ? BOOKING_POLL_EVERY
                                                : BOOKING_POLL_LATER)
                                        .exec(step(
                                                "booking status",
                                                http("booking status")
                                                        .get("#{bookingUrl}/api/v1/bookings/#{bookingId}")
                                                        .header("X-Forwarded-For", "#{xff}"),
                                                List.of(jsonPath("$.status")
                                                        .optional()
                                                        .saveAs("bookingStatus")),
                                                200))
                                        // a 5xx (MySQL or its circuit not back yet) or no answer says nothing of the
                                        // booking: poll again, as the web app does, rather than read the problem's
                                        // "status" as the booking's
                                        .exec(session -> session.set("polls", session.getInt("polls") + 1)
                                                .set(
                                                        "bookingStatus",
                                                        noAnswer(session.getInt("lastCode"))
                                                                ? "PENDING"
                                                                : session.getString("bookingStatus"))))
                                .exec(this::settled)));
    }

    /**
     * A player the entry gave no ticket: the round was not open (admission's 409 {@code round-not-open}; the journey's
     * nicknames are never taken), so not admitted; anything else (no answer after the tries, a 5xx, a 429) is an
     * error, not the system being slow for its rounds.
     */
    static Outcome withoutTicket(int entryCode) {
        return entryCode == 409 ? Outcome.NOT_ADMITTED : Outcome.ERROR;
    }

    /** A status that says nothing of what was asked: a server error, or none at all (the connection failed). */
    static boolean noAnswer(int code) {
        return code >= 500 || code == 0;
    }

    /** Booking's 409 for a key whose first request has not finished: the same key again after Retry-After (1 s). */
    static boolean keyInProgress(int code, String problemType) {
        return code == 409 && problemType != null && problemType.endsWith("/idempotency-key-in-progress");
    }

    private Session afterBook(Session session) {
        int code = session.getInt("lastCode");
        int tries = session.getInt("bookTries") + 1;
        boolean inProgress =
                keyInProgress(code, session.contains("bookProblem") ? session.getString("bookProblem") : null);
        Session next = session.set("bookTries", tries).remove("bookProblem");
        if (code == 202 && next.contains("bookingId")) {
            journal.round(next.getString("roundId"))
                    .accepted(next.getString("bookingId"), next.getString("seatId"), next.getString("ticketId"));
            return next.set("bookDone", true);
        }
        boolean retry = (noAnswer(code) || inProgress) && tries < BOOK_TRIES;
        if (retry) {
            return inProgress ? next.set("bookInProgress", true) : next;
        }
        return next.set("bookDone", true)
                .set("outcome", code == 403 ? Outcome.ROUND_CLOSED.name() : Outcome.ERROR.name());
    }

    private Session settled(Session session) {
        String status = session.getString("bookingStatus");
        Journal.RoundLog round = journal.round(session.getString("roundId"));
        round.settled(session.getString("bookingId"), status);
        boolean ok = "CONFIRMED".equals(status) || "REJECTED".equals(status);
        round.sample("confirm", elapsedMs(session, "bookedAt"), ok);
        Outcome outcome = ok ? Outcome.BOOKED : "PENDING".equals(status) ? Outcome.STILL_PENDING : Outcome.ERROR;
        return session.set("outcome", outcome.name());
    }

    private Session finish(Session session) {
        String roundId = roundOf(session);
        Outcome outcome = session.contains("outcome")
                ? Outcome.valueOf(session.getString("outcome"))
                : session.contains("ticketId") ? Outcome.ERROR : withoutTicket(session.getInt("entryCode"));
        journal.round(roundId).outcome(outcome);
        return session;
    }

    /**
     * One request, its latency and status recorded for the player's round. Gatling fails the request (KO in its
     * report) unless the status is one of {@code expected}; the caller reads the status from {@code lastCode}.
     */
    private ChainBuilder step(
            String name, HttpRequestActionBuilder request, List<CheckBuilder> checks, int... expected) {
        Integer[] codes = Arrays.stream(expected).boxed().toArray(Integer[]::new);
        // a request that gets no answer saves no status: the last step's must not stand in for it
        return exec(session -> session.remove("lastCode"))
                .exec(request.check(responseTimeInMillis().saveAs("lastMillis"), status().saveAs("lastCode"))
                        .check(status().in(codes))
                        .check(checks))
                .exec(session -> {
                    int code = session.contains("lastCode") ? session.getInt("lastCode") : 0;
                    long millis = session.contains("lastMillis") ? session.getInt("lastMillis") : -1;
                    boolean ok = Arrays.stream(expected).anyMatch(c -> c == code);
                    String roundId = roundOf(session);
                    journal.round(roundId).sample(name, millis, ok);
                    return session.set("lastCode", code).remove("lastMillis").markAsSucceeded();
                });
    }

    /**
     * The round a player's records go to: the one admission gave its ticket, else the one the clock said, else the
     * one open when it arrived (a player who never got an answer still counts, in the round it came for).
     */
    private static String roundOf(Session session) {
        for (String key : List.of("roundId", "clockRound", "plannedRound")) {
            if (session.contains(key)) {
                return session.getString(key);
            }
        }
        return "unknown";
    }

    private String roundAt(Instant now) {
        long period = settings.period().toMillis();
        return RoundId.startingAt(Instant.ofEpochMilli(now.toEpochMilli() / period * period))
                .value();
    }

    /** A human's thinking time: log-normal around {@code median}, scaled by {@code soak.think}. */
    private Duration think(Duration median) {
        if (settings.think() <= 0) {
            return Duration.ZERO;
        }
        double factor = Math.exp(THINK_SIGMA * ThreadLocalRandom.current().nextGaussian());
        return Duration.ofMillis(Math.round(median.toMillis() * factor * settings.think()));
    }

    private static long elapsedMs(Session session, String startKey) {
        return session.contains(startKey) ? (System.nanoTime() - session.getLong(startKey)) / 1_000_000 : -1;
    }

    /** The {@code adm} claim of a token (epoch ms), read without verifying it: the auditor counts what players hold. */
    static Long admittedAt(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode adm = parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                    .path("adm"); // SPEC §4: admitted, epoch ms
            return adm.canConvertToLong() ? adm.asLong() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
