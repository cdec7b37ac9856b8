package dev.ticketingwarrior.booking.player.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import dev.ticketingwarrior.edge.testing.SteppedClock;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import dev.ticketingwarrior.shared.token.AdmissionTokenIssuer;
import dev.ticketingwarrior.shared.token.AdmissionTokenVerifier;
import dev.ticketingwarrior.shared.token.TokenDefaults;
import dev.ticketingwarrior.shared.token.TokenKeys;
import dev.ticketingwarrior.shared.token.TokenRejectedException;
import dev.ticketingwarrior.shared.token.VerificationKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VerifiedTokensTests {

    private static final Instant OPEN = Instant.parse("2031-05-05T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(5);

    private final SteppedClock clock = new SteppedClock(OPEN.plusSeconds(1));
    private final TokenKeys keys = TokenKeys.of(List.of(TokenKeys.generate("k1", OPEN.minusSeconds(60))));
    private final AdmissionTokenIssuer issuer = new AdmissionTokenIssuer(keys, TokenDefaults.ISSUER);
    private final CountingKeys counting = new CountingKeys(keys);
    private final AdmissionTokenVerifier verifier =
            new AdmissionTokenVerifier(counting, TokenDefaults.ISSUER, clock, SKEW);

    @Test
    void verifiesATokenOnceAndAnswersItsRepeatsFromMemory() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, SKEW, 100);
        String token = token("t-1", OPEN.plusSeconds(75));

        AdmissionClaims first = tokens.verify(token);
        AdmissionClaims again = tokens.verify(token);

        assertThat(again).isEqualTo(first);
        assertThat(first.ticketId()).isEqualTo("t-1");
        assertThat(counting.lookups.get()).isEqualTo(1); // the signature was checked once
    }

    @Test
    void refusesARememberedTokenOnceItHasExpired() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, SKEW, 100);
        Instant exp = OPEN.plusSeconds(75);
        String token = token("t-1", exp);
        tokens.verify(token);

        clock.set(exp.plus(SKEW).minusMillis(1));
        assertThat(tokens.verify(token).ticketId()).isEqualTo("t-1"); // still within the verifier's skew
        clock.set(exp.plus(SKEW));
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(
                        TokenRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.EXPIRED));
        // and the full check agrees, once forgotten
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(
                        TokenRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.EXPIRED));
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsStillCheckedAndRefused() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, SKEW, 100);
        String token = token("t-1", OPEN.plusSeconds(75));
        tokens.verify(token);
        String[] parts = token.split("\\.");
        String otherPayload = token("t-2", OPEN.plusSeconds(75)).split("\\.")[1];
        String forged = parts[0] + "." + otherPayload + "." + parts[2];

        assertThatThrownBy(() -> tokens.verify(forged))
                .isInstanceOfSatisfying(
                        TokenRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.BAD_SIGNATURE));
    }

    @Test
    void keepsNoMoreThanItsCapacity() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, SKEW, 3);
        for (int i = 0; i < 10; i++) {
            tokens.verify(token("t-" + i, OPEN.plusSeconds(75)));
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
        String latest = token("t-latest", OPEN.plusSeconds(75));
        assertThat(tokens.verify(latest).ticketId()).isEqualTo("t-latest");
    }

    @Test
    void makesRoomByDroppingExpiredTokensFirst() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, SKEW, 3);
        String shortLived = token("t-short", OPEN.plusSeconds(10));
        String longLived1 = token("t-long-1", OPEN.plusSeconds(600));
        String longLived2 = token("t-long-2", OPEN.plusSeconds(600));
        tokens.verify(shortLived);
        tokens.verify(longLived1);
        tokens.verify(longLived2);
        clock.set(OPEN.plusSeconds(60)); // the short one has expired

        tokens.verify(token("t-new", OPEN.plusSeconds(600)));
        int before = counting.lookups.get();
        tokens.verify(longLived1);
        tokens.verify(longLived2);

        assertThat(counting.lookups.get()).isEqualTo(before); // both kept: only the expired one made room
        assertThat(tokens.size()).isEqualTo(3);
    }

    /** A token expires with its round: the cache holds the players still in play, not every round's since it began. */
    @Test
    void dropsExpiredTokensLongBeforeItIsFull() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, SKEW, 100); // looks every 5 new tokens
        for (int i = 0; i < 5; i++) {
            tokens.verify(token("t-last-round-" + i, OPEN.plusSeconds(10)));
        }
        clock.set(OPEN.plusSeconds(60));

        for (int i = 0; i < 5; i++) {
            tokens.verify(token("t-this-round-" + i, OPEN.plusSeconds(600)));
        }

        assertThat(tokens.size()).as("only this round's players").isEqualTo(5);
    }

    private String token(String ticketId, Instant expiresAt) {
        return issuer.issue(new AdmissionClaims(
                ticketId,
                RoundId.startingAt(OPEN),
                "nick",
                true,
                1,
                OPEN.plusMillis(200),
                OPEN.plusMillis(500),
                OPEN,
                expiresAt,
                UUID.randomUUID().toString()));
    }

    /** The real key set, counting how often a signature check needed a key. */
    private record CountingKeys(TokenKeys keys, AtomicInteger lookups) implements VerificationKeys {
        CountingKeys(TokenKeys keys) {
            this(keys, new AtomicInteger());
        }

        @Override
        public Optional<ECKey> find(String keyId) {
            lookups.incrementAndGet();
            return keys.find(keyId);
        }
    }
}
