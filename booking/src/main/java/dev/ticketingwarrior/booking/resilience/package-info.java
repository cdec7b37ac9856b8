/** Circuit breakers and the one exception that says a dependency (Redis, SQS, MySQL) is down. */
package dev.ticketingwarrior.booking.resilience;
