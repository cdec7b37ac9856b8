package dev.ticketingwarrior.perf.audit;

/** What the auditor could read from one source: the value, or why not (not configured, not reachable). */
sealed interface Reading<T> {

    record Got<T>(T value) implements Reading<T> {}

    /** {@code why} names the source and the reason, e.g. {@code "mysql: not reachable (Connection refused)"}. */
    record Unavailable<T>(String why) implements Reading<T> {}

    static <T> Reading<T> got(T value) {
        return new Got<>(value);
    }

    static <T> Reading<T> unavailable(String why) {
        return new Unavailable<>(why);
    }
}
