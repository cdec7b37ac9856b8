package dev.ticketingwarrior.booking.player.http;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.ticketingwarrior.shared.token.KeysUnavailableException;
import dev.ticketingwarrior.shared.token.VerificationKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admission JWKS over HTTP, cached. An unknown {@code kid} (key rotation) triggers a refetch, but at most once
 * per {@code minRefresh} so a flood of forged kids cannot hammer admission; a failed fetch keeps the last good set.
 * A set older than {@code maxAge} is fetched again in the background at the next token check (the check itself is not
 * held up), and replaced whole: a key admission no longer publishes (withdrawn after a leak, or retired after a
 * rotation) stops verifying new tokens within about {@code maxAge}, not at booking's next restart.
 * While the last fetch failed, a kid the set does not have is {@link KeysUnavailableException unavailable} rather
 * than unknown: a new booking instance, or a rotation, that meets admission down must not turn valid tokens into
 * 401s, which a player's browser takes as final.
 * Single-flight without a monitor: the first caller fetches, callers meanwhile wait on that fetch's future (parking,
 * so a virtual thread never pins its carrier around the blocking HTTP call, as {@code synchronized} does on JDK 21).
 */
public final class JwksVerificationKeys implements VerificationKeys {

    private static final Logger log = LoggerFactory.getLogger(JwksVerificationKeys.class);

    private final HttpClient http;
    private final URI url;
    private final Duration timeout;
    private final Duration minRefresh;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicReference<CompletableFuture<Void>> inFlight = new AtomicReference<>();
    /** A background refetch is on its way: token checks that find the set old meanwhile start no other. */
    private final AtomicBoolean refreshing = new AtomicBoolean();

    private volatile Map<String, ECKey> keys = Map.of();
    private volatile Instant lastFetch = Instant.MIN;
    private volatile boolean lastFetchFailed;

    public JwksVerificationKeys(URI url, Duration timeout, Duration minRefresh, Duration maxAge, Clock clock) {
        if (maxAge.compareTo(minRefresh) < 0) {
            throw new IllegalArgumentException("maxAge " + maxAge + " is shorter than minRefresh " + minRefresh);
        }
        this.url = url;
        this.timeout = timeout;
        this.minRefresh = minRefresh;
        this.maxAge = maxAge;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Optional<ECKey> find(String keyId) {
        ECKey key = keys.get(keyId);
        if (key != null) {
            if (!clock.instant().isBefore(lastFetch.plus(maxAge)) && refreshing.compareAndSet(false, true)) {
                Thread.ofVirtual().name("jwks-refresh").start(() -> {
                    try {
                        refreshIfDue();
                    } finally {
                        refreshing.set(false);
                    }
                });
            }
            return Optional.of(key);
        }
        refreshIfDue();
        key = keys.get(keyId);
        if (key == null && lastFetchFailed) {
            Duration untilNext = Duration.between(clock.instant(), lastFetch.plus(minRefresh));
            throw new KeysUnavailableException(
                    "the token keys could not be fetched from " + url,
                    untilNext.compareTo(Duration.ofSeconds(1)) > 0 ? untilNext : Duration.ofSeconds(1));
        }
        return Optional.ofNullable(key);
    }

    private void refreshIfDue() {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            awaitFetch(running);
            return;
        }
        try {
            Instant now = clock.instant();
            if (lastFetch == Instant.MIN || !now.isBefore(lastFetch.plus(minRefresh))) {
                lastFetch = now;
                fetch();
            }
        } finally {
            inFlight.set(null);
            mine.complete(null);
        }
    }

    private void awaitFetch(CompletableFuture<Void> running) {
        try {
            running.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.debug("gave up waiting for the JWKS fetch in flight: {}", e.toString());
        }
    }

    private void fetch() {
        lastFetchFailed = true;
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("JWKS {} answered {}", url, response.statusCode());
                return;
            }
            Map<String, ECKey> fresh = new HashMap<>();
            for (JWK jwk : JWKSet.parse(response.body()).getKeys()) {
                if (jwk instanceof ECKey ec && ec.getKeyID() != null) {
                    fresh.put(ec.getKeyID(), ec.toPublicJWK());
                }
            }
            if (fresh.isEmpty()) {
                // admission always publishes the key it signs with: a set without one is a fault, not a withdrawal
                log.warn("JWKS {} holds no usable key: the last good set is kept", url);
                return;
            }
            keys = Map.copyOf(fresh);
            lastFetchFailed = false;
            log.info("loaded {} token key(s) from {}", fresh.size(), url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("cannot fetch JWKS from {}: {}", url, e.toString());
        }
    }
}
