package dev.ticketingwarrior.perf.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A deployment's round timing, as its {@code GET /api/v1/clock} announces it (SPEC §4: {@code {serverTime,
 * round:{id, opensAt, closesAt, phase}, nextRound:{id, opensAt}}}): the period is from the round's open to the next
 * one's, the open window from its open to its close. A {@code --target} run plays and audits these rounds; the
 * rounds of a period it assumed (20 s, where a deployment runs 60 s by default) would mostly not exist.
 */
record RoundTiming(Duration period, Duration openFor) {

    static final String CLOCK = "/api/v1/clock";

    /** How a run reads the deployment's clock ({@link OpsClient#read}). */
    interface Clock {
        JsonNode read(String url) throws IOException, InterruptedException;
    }

    /** The timing of a clock answer; an answer without it (or nonsense) is an {@link IllegalArgumentException}. */
    static RoundTiming of(JsonNode clock) {
        Instant opens = instant(clock.path("round").path("opensAt"), "round.opensAt");
        Instant closes = instant(clock.path("round").path("closesAt"), "round.closesAt");
        Instant next = instant(clock.path("nextRound").path("opensAt"), "nextRound.opensAt");
        Duration period = Duration.between(opens, next);
        Duration openFor = Duration.between(opens, closes);
        if (!period.isPositive() || !openFor.isPositive() || openFor.compareTo(period) > 0) {
            throw new IllegalArgumentException(
                    "the clock's rounds make no sense: opens " + opens + ", closes " + closes + ", next " + next);
        }
        return new RoundTiming(period, openFor);
    }

    /**
     * The options a run plays with: a local run's as given (they configure its services); a {@code --target} run's
     * with the deployment's timing, read from its clock. A given {@code --period} or {@code --open-for} that
     * disagrees with the deployment's is refused ({@link SoakMain.CannotStart}): the audit would judge windows that
     * are not its rounds. When the clock cannot be read the run does not start, unless both were given.
     */
    static SoakOptions resolve(SoakOptions options, Clock clock) throws InterruptedException {
        if (options.local()) {
            return options;
        }
        String url = options.admissionUrl() + CLOCK;
        RoundTiming deployment;
        try {
            deployment = of(clock.read(url));
        } catch (IOException | IllegalArgumentException e) {
            if (unreachable(e)) {
                throw new SoakMain.CannotStart("cannot reach " + url + " (" + e + "): is the deployment up, and is"
                        + " --target its address?");
            }
            if (options.periodGiven() && options.openForGiven()) {
                System.out.println("soak: could not read the deployment's clock (" + e.getMessage() + "): rounds of"
                        + " --period " + options.period().toSeconds() + "s open --open-for "
                        + options.openFor().toSeconds() + "s, as given, not checked against it");
                return options;
            }
            throw new SoakMain.CannotStart("could not read the round timing from " + url + " (" + e.getMessage()
                    + "); give --period and --open-for as the deployment runs them (TICKETING_ROUND_PERIOD,"
                    + " TICKETING_ROUND_OPEN_FOR)");
        }
        if (options.periodGiven() && !options.period().equals(deployment.period())) {
            throw new SoakMain.CannotStart("--period " + seconds(options.period()) + " disagrees with the deployment,"
                    + " whose clock has rounds every " + seconds(deployment.period()) + " (" + url + "): leave"
                    + " --period out to play its rounds");
        }
        if (options.openForGiven() && !options.openFor().equals(deployment.openFor())) {
            throw new SoakMain.CannotStart("--open-for " + seconds(options.openFor()) + " disagrees with the"
                    + " deployment, whose clock has rounds open for " + seconds(deployment.openFor()) + " (" + url
                    + "): leave --open-for out to play its rounds");
        }
        System.out.println("soak: the deployment's rounds, from its clock: every " + seconds(deployment.period())
                + ", open for " + seconds(deployment.openFor()));
        return options.withRoundTiming(deployment.period(), deployment.openFor());
    }

    /** Nobody answered: no connection, or no name for the host. */
    private static boolean unreachable(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Instant instant(JsonNode value, String name) {
        try {
            if (value.isNumber()) { // Jackson's timestamps: seconds with a fraction
                BigDecimal seconds = value.decimalValue();
                return Instant.ofEpochSecond(
                        seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            }
            if (value.isTextual()) {
                return Instant.parse(value.asText());
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("the clock's " + name + " is not an instant: " + value);
        }
        throw new IllegalArgumentException("the clock's answer has no " + name);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
