package dev.ticketingwarrior.booking.player.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.ticketingwarrior.edge.testing.SteppedClock;
import dev.ticketingwarrior.shared.token.KeysUnavailableException;
import dev.ticketingwarrior.shared.token.TokenKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwksVerificationKeysTests {

    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final AtomicReference<String> jwks = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<Duration> slowAnswer = new AtomicReference<>(Duration.ZERO);
    private HttpServer server;
    private URI url;

    @BeforeEach
    void serve() {
        serve(0);
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
    }

    /** Serves {@link #jwks} on {@code port} (0: any free one). */
    private void serve(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            try {
                Thread.sleep(slowAnswer.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Fetches from {@link #url} with a 2 s timeout, at most every 5 s on an unknown kid, again once {@link #MAX_AGE} old. */
    private JwksVerificationKeys verificationOn(Clock clock) {
        return new JwksVerificationKeys(url, Duration.ofSeconds(2), Duration.ofSeconds(5), MAX_AGE, clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesOnceAndServesKnownKidsFromTheCache() {
        TokenKeys keys = TokenKeys.of(List.of(TokenKeys.generate("k1", Instant.now())));
        jwks.set(keys.publicJwksJson());
        JwksVerificationKeys verification = verificationOn(Clock.systemUTC());
        assertThat(verification.find("k1")).isPresent();
        assertThat(verification.find("k1")).isPresent();
        assertThat(fetches).hasValue(1);
    }

    /** A rotation seen by many requests at once: one fetch, the others wait for it, and every one finds the key. */
    @Test
    void concurrentCallersOfANewKidShareOneFetch() throws Exception {
        TokenKeys keys = TokenKeys.of(List.of(TokenKeys.generate("rotated", Instant.now())));
        jwks.set(keys.publicJwksJson());
        slowAnswer.set(Duration.ofMillis(300));
        // the fetch's timeout is not what this checks: a loaded machine's first HTTP call may take a while
        JwksVerificationKeys verification = new JwksVerificationKeys(
                url, Duration.ofSeconds(10), Duration.ofSeconds(5), MAX_AGE, Clock.systemUTC());

        List<Boolean> found;
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(callers.submit(() -> verification.find("rotated").isPresent()));
            }
            found = new ArrayList<>();
            for (Future<Boolean> call : calls) {
                found.add(call.get(20, TimeUnit.SECONDS));
            }
        }

        assertThat(found).hasSize(50).containsOnly(true);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void refetchesOnAnUnknownKidAtMostOncePerInterval() {
        SteppedClock clock = new SteppedClock(Instant.parse("2026-11-24T10:00:00Z"));
        jwks.set(TokenKeys.of(List.of(TokenKeys.generate("old", Instant.now()))).publicJwksJson());
        JwksVerificationKeys verification = verificationOn(clock);
        assertThat(verification.find("old")).isPresent();

        jwks.set(TokenKeys.of(List.of(TokenKeys.generate("new", Instant.now()))).publicJwksJson());
        assertThat(verification.find("new")).isEmpty(); // within the interval: no refetch
        assertThat(verification.find("forged")).isEmpty();
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofSeconds(6));
        assertThat(verification.find("new")).isPresent();
        assertThat(fetches).hasValue(2);
    }

    /** Admission down: an unknown kid proves nothing about the token, so it is unavailable, not unknown. */
    @Test
    void anUnreachableJwksMakesAnUnknownKidUnavailableUntilAFetchSucceeds() {
        SteppedClock clock = new SteppedClock(Instant.parse("2026-11-24T10:00:00Z"));
        TokenKeys keys = TokenKeys.of(List.of(TokenKeys.generate("k1", Instant.now())));
        jwks.set(keys.publicJwksJson());
        server.stop(0);
        JwksVerificationKeys verification = verificationOn(clock);

        assertThatThrownBy(() -> verification.find("k1"))
                .isInstanceOfSatisfying(
                        KeysUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
        clock.advance(Duration.ofSeconds(3));
        assertThatThrownBy(() -> verification.find("k1"))
                .as("no refetch within the interval, still unavailable")
                .isInstanceOfSatisfying(
                        KeysUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2)));

        serve(url.getPort());
        clock.advance(Duration.ofSeconds(3));
        assertThat(verification.find("k1")).isPresent();
        assertThat(verification.find("forged"))
                .as("fetched lately: a kid it lacks is unknown")
                .isEmpty();
    }

    /** A key leaked and withdrawn from admission's set: booking stops trusting it without a restart. */
    @Test
    void aKeyAdmissionWithdrewStopsVerifyingOnceTheSetIsOld() throws InterruptedException {
        SteppedClock clock = new SteppedClock(Instant.parse("2026-11-24T10:00:00Z"));
        jwks.set(TokenKeys.of(
                        List.of(TokenKeys.generate("leaked", Instant.now()), TokenKeys.generate("kept", Instant.now())))
                .publicJwksJson());
        JwksVerificationKeys verification = verificationOn(clock);
        assertThat(verification.find("leaked")).isPresent();
        jwks.set(
                TokenKeys.of(List.of(TokenKeys.generate("kept", Instant.now()))).publicJwksJson());

        clock.advance(MAX_AGE.minusSeconds(1));
        assertThat(verification.find("leaked")).as("the set is not old yet").isPresent();
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(verification.find("leaked"))
                .as("the check that finds the set old is answered from it, not held up by the fetch")
                .isPresent();
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (verification.find("leaked").isPresent()) {
            assertThat(System.nanoTime())
                    .as("the background fetch drops the withdrawn key")
                    .isLessThan(giveUp);
            Thread.sleep(20);
        }
        assertThat(verification.find("kept")).isPresent();
        assertThat(fetches).hasValue(2);
    }

    /** Admission down when the set is old: its keys keep verifying (tokens they signed are still good). */
    @Test
    void anOldSetIsKeptWhenItCannotBeFetchedAgain() {
        SteppedClock clock = new SteppedClock(Instant.parse("2026-11-24T10:00:00Z"));
        jwks.set(TokenKeys.of(List.of(TokenKeys.generate("k1", Instant.now()))).publicJwksJson());
        JwksVerificationKeys verification = verificationOn(clock);
        assertThat(verification.find("k1")).isPresent();
        server.stop(0);

        clock.advance(MAX_AGE);
        assertThat(verification.find("k1")).isPresent();
        assertThatThrownBy(() -> verification.find("other"))
                .as("the background fetch failed: a kid it lacks is unavailable, not unknown")
                .isInstanceOf(KeysUnavailableException.class);
        assertThat(verification.find("k1")).isPresent();
    }

    @Test
    void refusesAMaxAgeShorterThanTheRefreshInterval() {
        assertThatThrownBy(() -> new JwksVerificationKeys(
                        url, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(4), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
