package dev.ticketingwarrior.booking.player.domain;

import dev.ticketingwarrior.shared.token.AdmissionClaims;
import dev.ticketingwarrior.shared.token.AdmissionTokenVerifier;
import dev.ticketingwarrior.shared.token.TokenRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission tokens verified once per player instead of once per request: the ES256 check is the largest CPU cost of
 * a hold or a booking, and a player sends the same token with every call of the round. A token string that verified
 * is remembered with its claims until its {@code exp} (plus the verifier's skew); after that it is refused as
 * expired, exactly as the verifier would. Only the exact string is remembered, so a changed (forged) token is never a
 * hit and goes through the full check. The expired ones go every twentieth of {@code capacity} new tokens, so the cache
 * holds about the players still in play rather than filling up over many rounds. At most {@code capacity} tokens are
 * kept: when full, the expired ones go, and if none have, the whole cache is dropped (a burst of new players just pays
 * the full check again).
 */
public final class VerifiedTokens {

    private final AdmissionTokenVerifier verifier;
    private final Clock clock;
    private final Duration allowedSkew;
    private final int capacity;
    private final int pruneEvery;
    private final AtomicInteger addedSincePrune = new AtomicInteger();
    private final Map<String, AdmissionClaims> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(AdmissionTokenVerifier verifier, Clock clock, Duration allowedSkew, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.verifier = verifier;
        this.clock = clock;
        this.allowedSkew = allowedSkew;
        this.capacity = capacity;
        this.pruneEvery = Math.max(1, capacity / 20);
    }

    /** The claims of a valid token; a {@link TokenRejectedException} with the reason otherwise. */
    public AdmissionClaims verify(String token) {
        AdmissionClaims known = token == null ? null : verified.get(token);
        if (known != null) {
            if (isLive(known, clock.instant())) {
                return known;
            }
            verified.remove(token, known);
            throw new TokenRejectedException(TokenRejectedException.Reason.EXPIRED, "expired at " + known.expiresAt());
        }
        AdmissionClaims claims = verifier.verify(token);
        int added = addedSincePrune.incrementAndGet();
        if (added >= pruneEvery && addedSincePrune.compareAndSet(added, 0)) {
            dropExpired();
        }
        if (verified.size() >= capacity) {
            makeRoom();
        }
        verified.put(token, claims);
        return claims;
    }

    /** How many verified tokens are remembered now. */
    int size() {
        return verified.size();
    }

    private boolean isLive(AdmissionClaims claims, Instant now) {
        // the verifier's own rule: refused from exp + skew on
        return now.isBefore(claims.expiresAt().plus(allowedSkew));
    }

    private synchronized void dropExpired() {
        Instant now = clock.instant();
        verified.values().removeIf(claims -> !isLive(claims, now));
    }

    private synchronized void makeRoom() {
        if (verified.size() < capacity) {
            return; // another caller made room meanwhile
        }
        dropExpired();
        if (verified.size() >= capacity) {
            verified.clear();
        }
    }
}
