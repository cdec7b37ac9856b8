package dev.ticketingwarrior.perf.journey;

import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When players arrive: at each round's open most of them within the first second (they were watching the countdown),
 * then a tail to second 10 (late, slow, or retrying after a reload) — 60 % in [0, 1) s, 30 % in [1, 4) s, 10 % in
 * [4, 10) s — round after round.
 */
final class Arrivals {

    private static final Duration TAIL_END = Duration.ofSeconds(10);

    private Arrivals() {}

    static List<OpenInjectionStep> rounds(JourneySettings settings, Instant now, Instant firstOpen) {
        int players = settings.playersPerRound();
        int first = (int) Math.round(players * 0.6);
        int second = (int) Math.round(players * 0.3);
        int third = players - first - second;
        List<OpenInjectionStep> steps = new ArrayList<>();
        Duration lead = Duration.between(now, firstOpen).plusMillis(20);
        if (!lead.isNegative() && !lead.isZero()) {
            steps.add(nothingFor(lead));
        }
        Duration tail = settings.openFor().compareTo(TAIL_END) < 0 ? settings.openFor() : TAIL_END;
        Duration thirdFor = tail.minusSeconds(4).isNegative() ? Duration.ofMillis(500) : tail.minusSeconds(4);
        Duration rest = settings.period().minus(Duration.ofSeconds(4)).minus(thirdFor);
        for (int round = 0; round < settings.rounds(); round++) {
            steps.add(rampUsers(first).during(Duration.ofSeconds(1)));
            steps.add(rampUsers(second).during(Duration.ofSeconds(3)));
            steps.add(rampUsers(third).during(thirdFor));
            if (round < settings.rounds() - 1 && !rest.isNegative() && !rest.isZero()) {
                steps.add(nothingFor(rest));
            }
        }
        return steps;
    }
}
