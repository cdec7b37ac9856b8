/** Gatling (Java DSL) player journeys: one round's surge and a soak of many rounds, with their recorded outcomes. */
package dev.ticketingwarrior.perf.journey;
