package dev.ticketingwarrior.admission.queue.domain;

/** What the waiting room reports (SPEC §8): entries, admissions (each counted once, by the instance that made it). */
public interface QueueMetrics {

    void entered(boolean bot);

    void admitted(long count);

    void waiting(long count);

    /** For tests and tools that need no metrics. */
    QueueMetrics NONE = new QueueMetrics() {
        @Override
        public void entered(boolean bot) {}

        @Override
        public void admitted(long count) {}

        @Override
        public void waiting(long count) {}
    };
}
