package dev.ticketingwarrior.admission.ratelimit.domain;

import reactor.core.publisher.Mono;

/** Counts queue entries per client across all instances. */
public interface EntryRateLimiter {

    Mono<RateDecision> tryAcquire(String client);
}
