package dev.ticketingwarrior.botrunner.bot.http;

import io.netty.resolver.DefaultAddressResolverGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientConfig;
import reactor.netty.transport.AddressUtils;
import reactor.util.retry.Retry;

/**
 * Opens connections to one service ahead of a burst, without a single request: they are taken straight from the
 * client's connection pool (the same pool, under the same key, that the client's requests use), all held until the
 * last is open, then handed back idle. The service only sees TCP connects, not thousands of HTTP requests, and exactly
 * as many connections are opened as asked for (with requests, calls answered early free their connection for later
 * ones, so fewer are opened). At most {@code inFlight} connects are under way at once, so the service's accept queue
 * is not flooded, and a connect that fails is tried again until the deadline.
 *
 * <p>Handing a connection back without a request is what Reactor Netty itself does when an exchange ends ({@code
 * ChannelOperations#terminate}: its listener, the pool's connection, is told {@code DISCONNECTING}); a connection of
 * any other kind is closed instead. {@code ConnectionWarmUpTests} checks that requests then use these connections.
 */
final class ConnectionWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ConnectionWarmUp.class);

    private final HttpClientConfig config;
    private final InetSocketAddress address;
    private final Clock clock;
    private final int inFlight;
    private final Duration retryAfter;
    private final Scheduler timer;

    ConnectionWarmUp(
            HttpClient client, String baseUrl, Clock clock, int inFlight, Duration retryAfter, Scheduler timer) {
        this.config = client.configuration();
        URI uri = URI.create(baseUrl);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        // as the client's own requests name the address (an IP literal resolved, a host name not): the pool's key
        this.address = AddressUtils.createUnresolved(uri.getHost(), port);
        this.clock = clock;
        this.inFlight = inFlight;
        this.retryAfter = retryAfter;
        this.timer = timer;
    }

    /**
     * Opens (or finds idle) {@code connections} connections and leaves them idle in the pool; gives up on the rest at
     * {@code deadline}. Never fails.
     */
    Mono<Result> open(int connections, Instant deadline) {
        return Mono.defer(() -> {
            Duration left = Duration.between(clock.instant(), deadline);
            if (connections <= 0 || left.isNegative() || left.isZero()) {
                return Mono.just(new Result(connections, 0, 0, Duration.ZERO));
            }
            long started = System.nanoTime();
            AtomicInteger failedAttempts = new AtomicInteger();
            ConcurrentLinkedQueue<Connection> held = new ConcurrentLinkedQueue<>();
            return Flux.range(0, connections)
                    .flatMap(
                            i -> acquire()
                                    .doOnError(e -> failedAttempts.incrementAndGet())
                                    .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, retryAfter)
                                            .scheduler(timer))
                                    .doOnNext(held::add),
                            inFlight)
                    .take(left)
                    .then()
                    // whatever happens: every connection held goes back to the pool, idle
                    .onErrorComplete()
                    .then(Mono.fromCallable(() -> {
                        List<Connection> all = List.copyOf(held);
                        held.clear();
                        all.forEach(ConnectionWarmUp::release);
                        return new Result(
                                connections,
                                all.size(),
                                failedAttempts.get(),
                                Duration.ofNanos(System.nanoTime() - started));
                    }))
                    .doOnNext(result -> log.info(
                            "{} of {} connections to {} ready before the open in {} ms ({} connects failed and were"
                                    + " tried again)",
                            result.ready(),
                            result.wanted(),
                            address,
                            result.took().toMillis(),
                            result.failedAttempts()));
        });
    }

    private Mono<? extends Connection> acquire() {
        return config.connectionProvider()
                .acquire(
                        config,
                        ConnectionObserver.emptyListener(),
                        () -> address,
                        // the address is an IP literal or resolved once here: no DNS per connection
                        DefaultAddressResolverGroup.INSTANCE);
    }

    private static void release(Connection connection) {
        if (connection instanceof ChannelOperations<?, ?> operations
                && connection.channel().isActive()) {
            operations.listener().onStateChange(connection, ConnectionObserver.State.DISCONNECTING);
        } else {
            connection.dispose();
        }
    }

    /**
     * @param wanted connections asked for
     * @param ready connections open and idle in the pool afterwards (opened now or found idle)
     * @param failedAttempts connects that failed (each tried again while there was time)
     */
    record Result(int wanted, int ready, int failedAttempts, Duration took) {}
}
