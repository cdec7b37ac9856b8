package dev.ticketingwarrior.perf.audit;

/**
 * The SPEC §9 invariants the auditor judges, in the order a verdict lists them; last, a source the run set up itself
 * that the final audit could not read (what it was to vouch for is unknown, so the run cannot pass).
 */
enum Invariant {
    LOST("lost"),
    CONFIRMED_AND_REJECTED("confirmed-and-rejected"),
    STATUS_MISMATCH("status-mismatch"),
    OVERSOLD("oversold"),
    REDIS_MYSQL_MISMATCH("redis-mysql-mismatch"),
    SOLD_WITHOUT_BOOKING("sold-without-booking"),
    ADMISSION_RATE("admission-rate"),
    MAX_ACTIVE("max-active"),
    DLQ("dlq"),
    NO_TTL("no-ttl"),
    UNREADABLE_SOURCE("unreadable-source");

    private final String code;

    Invariant(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
