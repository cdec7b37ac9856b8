package dev.ticketingwarrior.perf.journey;

import io.gatling.javaapi.core.Simulation;

/** One round's surge: {@code soak.players} players arriving in its first seconds, each a whole journey. */
public class RoundSurge extends Simulation {

    public RoundSurge() {
        JourneySettings settings = JourneySettings.fromSystemProperties();
        JourneySettings oneRound = settings.withRounds(1);
        setUp(Journeys.players("RoundSurge", oneRound)).assertions(Journeys.assertions());
    }
}
