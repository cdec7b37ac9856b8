/**
 * The SPEC §9 invariant auditor: reads Redis, MySQL and SQS after each round and at the end of a soak and says what was
 * violated; beside it, the heap sampler whose per-round readings give the soak's heap slope.
 */
package dev.ticketingwarrior.perf.audit;
