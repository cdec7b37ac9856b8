/** The SPEC §9 invariant auditor: reads Redis, MySQL and SQS after each round and says what was violated. */
package dev.ticketingwarrior.perf.audit;
