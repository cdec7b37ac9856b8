package dev.ticketingwarrior.perf.audit;

/** The confirmation queue and its dead-letter queue: how many messages each holds. */
interface DeadLetters {

    Depth deadLetters();

    Depth backlog();

    /** A queue's approximate depth: visible, in flight (received, not yet deleted) and delayed messages. */
    record Depth(String queue, long visible, long inFlight, long delayed) {

        long total() {
            return visible + inFlight + delayed;
        }
    }
}
