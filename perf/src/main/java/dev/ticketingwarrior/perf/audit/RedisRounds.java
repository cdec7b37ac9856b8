package dev.ticketingwarrior.perf.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The rounds' keys in Redis (Valkey), read with Lettuce: sold seats and pending copies (booking), the serving
 * settings and admission instants (admission), and which round keys have no TTL. Connects on first use; once
 * connected, Lettuce reconnects by itself after a server restart, and a command meanwhile fails at once rather than
 * wait. Standalone servers only (ElastiCache here is one primary, not a cluster).
 */
final class RedisRounds implements SeatSales, AdmissionLog, KeyExpiry, AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final int SCAN_COUNT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    private RedisRounds(RedisClient client) {
        this.client = client;
    }

    static RedisRounds create(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(COMMAND_TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(
                        SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return new RedisRounds(client);
    }

    @Override
    public Optional<Map<String, String>> sold(String roundId) {
        Map<String, String> sold = call(redis -> redis.hgetall(RoundKeys.sold(roundId)));
        return sold.isEmpty() ? Optional.empty() : Optional.of(sold);
    }

    @Override
    public Set<String> pendingBookings(String roundId) {
        String prefix = RoundKeys.pendingBookingPrefix(roundId);
        Set<String> ids = new HashSet<>();
        scan(prefix + "*", keys -> keys.forEach(key -> ids.add(key.substring(prefix.length()))));
        return ids;
    }

    @Override
    public Map<String, PendingCopy> pendingCopies(String roundId, Collection<String> bookingIds) {
        String prefix = RoundKeys.pendingBookingPrefix(roundId);
        List<String> ids = List.copyOf(bookingIds);
        Map<String, PendingCopy> copies = new HashMap<>();
        for (int from = 0; from < ids.size(); from += SCAN_COUNT) {
            List<String> page = ids.subList(from, Math.min(ids.size(), from + SCAN_COUNT));
            List<KeyValue<String, String>> values = call(
                    redis -> redis.mget(page.stream().map(id -> prefix + id).toArray(String[]::new)));
            for (int i = 0; i < page.size(); i++) {
                String bookingId = page.get(i);
                KeyValue<String, String> value = values.get(i);
                if (value.hasValue()) {
                    copy(bookingId, value.getValue()).ifPresent(copy -> copies.put(bookingId, copy));
                }
            }
        }
        return copies;
    }

    @Override
    public Optional<Serving> serving(String roundId) {
        Map<String, String> serve = call(redis -> redis.hgetall(RoundKeys.serve(roundId)));
        if (serve.get("rate") == null) {
            return Optional.empty();
        }
        return Optional.of(new Serving(
                Double.parseDouble(serve.get("rate")),
                parseLong(serve.get("batch")),
                parseLong(serve.get("maxActive")),
                "1".equals(serve.get("paused"))));
    }

    @Override
    public List<Long> admittedAtMs(String roundId) {
        return call(redis -> redis.hvals(RoundKeys.admitted(roundId))).stream()
                .map(Long::parseLong)
                .toList();
    }

    @Override
    public List<String> roundKeysWithoutTtl() {
        List<String> persistent = new ArrayList<>();
        scan(RoundKeys.ANY_ROUND_KEY, keys -> {
            // one round trip for the TTLs of a whole SCAN page
            RedisAsyncCommands<String, String> async = connection().async();
            List<RedisFuture<Long>> ttls = keys.stream().map(async::ttl).toList();
            if (!LettuceFutures.awaitAll(
                    COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS, ttls.toArray(RedisFuture[]::new))) {
                throw new SourceFailure("redis", new IllegalStateException("TTL answers timed out"));
            }
            for (int i = 0; i < keys.size(); i++) {
                if (value(ttls.get(i)) == -1) {
                    persistent.add(keys.get(i));
                }
            }
        });
        return persistent;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private void scan(String pattern, java.util.function.Consumer<List<String>> page) {
        ScanArgs args = ScanArgs.Builder.matches(pattern).limit(SCAN_COUNT);
        KeyScanCursor<String> cursor = call(redis -> redis.scan(args));
        while (true) {
            if (!cursor.getKeys().isEmpty()) {
                try {
                    page.accept(cursor.getKeys());
                } catch (SourceFailure e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new SourceFailure("redis", e);
                }
            }
            if (cursor.isFinished()) {
                return;
            }
            KeyScanCursor<String> from = cursor;
            cursor = call(redis -> redis.scan(from, args));
        }
    }

    private <T> T call(Function<RedisCommands<String, String>, T> command) {
        try {
            return command.apply(connection().sync());
        } catch (RuntimeException e) {
            throw new SourceFailure("redis", e);
        }
    }

    private synchronized StatefulRedisConnection<String, String> connection() {
        if (connection == null) {
            connection = client.connect();
        }
        return connection;
    }

    private static long value(RedisFuture<Long> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new SourceFailure("redis", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceFailure("redis", e);
        }
    }

    /** The JSON of booking's pending copy ({@code PendingCopy}): its seat, ticket and whether a bot booked. */
    private static Optional<PendingCopy> copy(String bookingId, String json) {
        try {
            JsonNode message = JSON.readTree(json);
            if (!message.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new PendingCopy(
                    bookingId,
                    message.path("seatId").asText(null),
                    message.path("ticketId").asText(null),
                    message.path("bot").asBoolean(false)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static long parseLong(String text) {
        return text == null ? 0 : (long) Double.parseDouble(text);
    }
}
