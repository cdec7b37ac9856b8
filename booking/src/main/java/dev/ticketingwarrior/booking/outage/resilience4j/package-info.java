/**
 * Every call to Redis, SQS and MySQL through its resilience4j circuit breaker: a dependency that fails or hangs is a
 * 503 with {@code Retry-After} at once, not a request held for its timeout.
 */
package dev.ticketingwarrior.booking.outage.resilience4j;
