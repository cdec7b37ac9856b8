package dev.ticketingwarrior.perf.journey;

import io.gatling.javaapi.core.Simulation;

/**
 * One round's surge: {@code soak.players} players arriving in its first seconds, each a whole journey (after
 * {@code soak.warmUpRounds} rounds of the same, when the run asks for a warm-up).
 */
public class RoundSurge extends Simulation {

    public RoundSurge() {
        JourneySettings settings = JourneySettings.fromSystemProperties();
        JourneySettings oneRound = settings.withRounds(settings.warmUpRounds() + 1);
        setUp(Journeys.players("RoundSurge", oneRound)).assertions(Journeys.assertions());
    }
}
