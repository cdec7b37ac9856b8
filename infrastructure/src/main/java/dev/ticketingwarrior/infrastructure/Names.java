package dev.ticketingwarrior.infrastructure;

/**
 * Physical names that people, the services and the GitHub workflows refer to. Everything else keeps CloudFormation's
 * generated names. One environment per account and region, so these never collide.
 */
final class Names {

    static final String PREFIX = "ticketing-warrior";
    static final String CLUSTER = PREFIX;
    static final String SERVICE_NAMESPACE = "ticketing.internal";
    static final String CONFIRMATION_QUEUE = "booking-confirmations";
    static final String CONFIRMATION_DLQ = "booking-confirmations-dlq";
    static final String DATABASE_CLUSTER = PREFIX;
    static final String DATABASE_NAME = "ticketing";
    /** Aurora's master user: only the user bootstrap and the rotation Lambdas sign in with it, no service does. */
    static final String DATABASE_USER = "ticketing";
    /** booking at run time: rows only, no DDL. */
    static final String DATABASE_APP_USER = "booking";
    /** booking's Flyway migrations: the schema's DDL. */
    static final String DATABASE_MIGRATION_USER = "booking_flyway";
    /**
     * Secret names: the services' {@code aws} profile imports {@code <prefix>token-keys}, {@code <prefix>ops-token}
     * and {@code <prefix>bot-key}, each a JSON object keyed by the environment variable it stands for.
     */
    static final String SECRETS_PREFIX = PREFIX + "/";

    static final String DATABASE_SECRET = SECRETS_PREFIX + "database";
    static final String DATABASE_APP_SECRET = SECRETS_PREFIX + "database-booking";
    static final String DATABASE_MIGRATION_SECRET = SECRETS_PREFIX + "database-flyway";
    static final String OPS_TOKEN_SECRET = SECRETS_PREFIX + "ops-token";
    static final String BOT_KEY_SECRET = SECRETS_PREFIX + "bot-key";
    static final String TOKEN_KEYS_SECRET = SECRETS_PREFIX + "token-keys";
    /**
     * The services' Valkey user (ElastiCache RBAC) and its generated password:
     * {@code {"REDIS_USERNAME": "ticketing", "REDIS_PASSWORD": "..."}}, handed to every task by ECS.
     */
    static final String VALKEY_SECRET = SECRETS_PREFIX + "valkey";

    static final String VALKEY_USER = "ticketing";
    static final String VALKEY_USERNAME_ENV = "REDIS_USERNAME";
    static final String VALKEY_PASSWORD_ENV = "REDIS_PASSWORD";
    /** The value CloudFront adds to every request to the ALB, which the ALB requires: no way round CloudFront. */
    static final String ORIGIN_VERIFY_SECRET = SECRETS_PREFIX + "origin-verify";

    static final String ORIGIN_VERIFY_HEADER = "X-Origin-Verify";
    static final String OPS_TOKEN_ENV = "TICKETING_OPS_TOKEN";
    static final String BOT_KEY_ENV = "TICKETING_BOT_KEY";
    static final String TOKEN_KEYS_ENV = "TICKETING_TOKEN_KEYS";
    /** CloudWatch namespace of the application metrics (SPEC §8), published by the services' {@code aws} profile. */
    static final String METRICS_NAMESPACE = "TicketingWarrior";
    /**
     * {@code booking migrate}, the deploy's schema migration (docs/decisions/0017): its container's name (and log
     * stream prefix), its task definition's family, fixed so that the deploy workflow finds it by name, and its log
     * group.
     */
    static final String BOOKING_MIGRATION = TicketingService.BOOKING.id() + "-migration";

    static final String BOOKING_MIGRATION_FAMILY = TicketingService.BOOKING.taskFamily() + "-migration";
    static final String BOOKING_MIGRATION_LOG_GROUP = logGroup(TicketingService.BOOKING) + "-migration";

    private Names() {}

    static String logGroup(TicketingService service) {
        return "/" + PREFIX + "/" + service.id();
    }
}
