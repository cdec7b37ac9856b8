package dev.ticketingwarrior.perf.audit;

import java.util.List;
import java.util.Optional;

/** What admission recorded of a round: its serving settings and the instant each ticket was admitted. */
interface AdmissionLog {

    /** The round's settings, or empty when admission kept none (nobody entered, or they expired). */
    Optional<Serving> serving(String roundId);

    /** The admission instant (epoch ms) of every ticket admitted in the round, in no particular order. */
    List<Long> admittedAtMs(String roundId);

    /** Admission's settings of a round: {@code rate} per second from the open, on top of {@code openBatch}. */
    record Serving(double rate, long openBatch, long maxActive, boolean paused) {}
}
