package dev.ticketingwarrior.perf.journey;

import io.gatling.javaapi.core.Simulation;

/**
 * {@code soak.rounds} rounds back to back, {@code soak.players} players each, so the system lives through many opens,
 * closes and key expiries. Bots are switched on by whoever starts the run ({@code perf/soak --bots}), through the
 * bot-runner's control API, so they compete exactly as they do in production.
 */
public class Soak extends Simulation {

    public Soak() {
        setUp(Journeys.players("Soak", JourneySettings.fromSystemProperties())).assertions(Journeys.assertions());
    }
}
