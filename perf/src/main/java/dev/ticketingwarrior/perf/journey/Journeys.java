package dev.ticketingwarrior.perf.journey;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What {@link RoundSurge} and {@link Soak} share: the population of players, the protocol, the assertions. */
final class Journeys {

    /** Steps whose error share and p99 the assertions bound (the report shows every request). */
    static final List<String> ASSERTED_STEPS = List.of("clock", "entry", "letter", "seats", "hold", "book");

    /** The group of the warm-up rounds' requests, which the per-step assertions do not see. */
    static final String WARM_UP = "warm-up";

    private Journeys() {}

    static PopulationBuilder players(String name, JourneySettings settings) {
        Instant now = Instant.now();
        Instant firstOpen = settings.firstOpenAfter(now, Duration.ofSeconds(2));
        Instant measured = settings.measuredFrom(firstOpen);
        ChainBuilder journey = new PlayerJourney(settings, Journal.shared()).chain();
        // a player arrives during the open of their round, so one arriving before the first measured open warms up
        return scenario(name)
                .doIfOrElse(session -> Instant.now().isBefore(measured))
                .then(group(WARM_UP).on(journey))
                .orElse(journey)
                .injectOpen(Arrivals.rounds(settings, now, firstOpen))
                .protocols(protocol());
    }

    static HttpProtocolBuilder protocol() {
        return http.acceptHeader("application/json")
                .userAgentHeader("ticketing-warrior-soak")
                // Gatling's default warm-up request goes to the internet; these loads stay on the target
                .disableWarmUp()
                .disableCaching();
    }

    /**
     * Per step: error share at most {@code soak.maxErrorPercent} (5) and p99 at most {@code soak.maxP99Ms} (5,000 ms);
     * generous on purpose — latency targets are the benchmarks' job, these catch a run that went wrong. A step's path
     * names only requests outside any group, so the warm-up rounds' (a JIT still compiling, pools still filling) do
     * not count; the error share over all requests counts them too.
     */
    static List<Assertion> assertions() {
        double maxErrors = Double.parseDouble(System.getProperty("soak.maxErrorPercent", "5"));
        int maxP99 = Integer.parseInt(System.getProperty("soak.maxP99Ms", "5000"));
        List<Assertion> assertions = new ArrayList<>();
        assertions.add(global().failedRequests().percent().lte(maxErrors));
        for (String step : ASSERTED_STEPS) {
            assertions.add(details(step).failedRequests().percent().lte(maxErrors));
            assertions.add(details(step).responseTime().percentile(99.0).lte(maxP99));
        }
        return assertions;
    }
}
