package dev.ticketingwarrior.perf.journey;

import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When players arrive, round after round. {@link ArrivalPattern#OPEN}: most of them within the first second (they were
 * watching the countdown), then a tail to second 10 (late, slow, or retrying after a reload) — 60 % in [0, 1) s, 30 %
 * in [1, 4) s, 10 % in [4, 10) s. {@link ArrivalPattern#SPREAD}: evenly from the open to a second before the close.
 */
final class Arrivals {

    private static final Duration TAIL_END = Duration.ofSeconds(10);
    private static final Duration LAST_SECOND = Duration.ofSeconds(1);

    private Arrivals() {}

    /** One piece of the plan: {@code users} players arriving evenly over {@code during}, or a gap with none. */
    sealed interface Step {}

    record Ramp(int users, Duration during) implements Step {}

    record Gap(Duration length) implements Step {}

    static List<OpenInjectionStep> rounds(JourneySettings settings, Instant now, Instant firstOpen) {
        return plan(settings, now, firstOpen).stream()
                .map(step -> switch (step) {
                    case Ramp ramp -> rampUsers(ramp.users()).during(ramp.during());
                    case Gap gap -> nothingFor(gap.length());
                })
                .toList();
    }

    static List<Step> plan(JourneySettings settings, Instant now, Instant firstOpen) {
        List<Ramp> round = switch (settings.arrivals()) {
            case OPEN -> atTheOpen(settings);
            case SPREAD -> spread(settings);
        };
        Duration arriving = round.stream().map(Ramp::during).reduce(Duration.ZERO, Duration::plus);
        Duration rest = settings.period().minus(arriving);
        List<Step> steps = new ArrayList<>();
        Duration lead = Duration.between(now, firstOpen).plusMillis(20);
        if (lead.isPositive()) {
            steps.add(new Gap(lead));
        }
        for (int i = 0; i < settings.rounds(); i++) {
            steps.addAll(round);
            if (i < settings.rounds() - 1 && rest.isPositive()) {
                steps.add(new Gap(rest));
            }
        }
        return steps;
    }

    private static List<Ramp> atTheOpen(JourneySettings settings) {
        int players = settings.playersPerRound();
        int first = (int) Math.round(players * 0.6);
        int second = (int) Math.round(players * 0.3);
        int third = players - first - second;
        Duration tail = settings.openFor().compareTo(TAIL_END) < 0 ? settings.openFor() : TAIL_END;
        Duration thirdFor = tail.minusSeconds(4).isNegative() ? Duration.ofMillis(500) : tail.minusSeconds(4);
        return List.of(
                new Ramp(first, Duration.ofSeconds(1)),
                new Ramp(second, Duration.ofSeconds(3)),
                new Ramp(third, thirdFor));
    }

    private static List<Ramp> spread(JourneySettings settings) {
        Duration window = settings.openFor().minus(LAST_SECOND);
        return List.of(new Ramp(settings.playersPerRound(), window.isPositive() ? window : settings.openFor()));
    }
}
