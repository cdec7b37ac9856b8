package dev.ticketingwarrior.perf.audit;

import java.time.Instant;

/** One reading of admission's {@code GET /api/v1/admin/stats} for a round, taken by the runner while it ran. */
public record AdmissionSample(String roundId, Instant at, long admitted, long active, long maxActive) {}
