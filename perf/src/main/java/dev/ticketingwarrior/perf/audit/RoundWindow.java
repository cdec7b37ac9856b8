package dev.ticketingwarrior.perf.audit;

import java.time.Instant;

/** One round as the clock announced it: its id, and when it opened and closed (SPEC §3). */
public record RoundWindow(String roundId, Instant opensAt, Instant closesAt) {}
