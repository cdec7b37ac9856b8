package dev.ticketingwarrior.booking.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.booking.sale.domain.SeatLocks;
import dev.ticketingwarrior.booking.sale.redis.RoundKeys;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.Budgets;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.shared.round.RoundId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Redis call whose reply does not come within the timeout is sent once, never again: the scripts that hold seats,
 * take fencing tokens and spend rate-limit budgets are not idempotent, and a command that timed out still runs when
 * Redis catches up (docs/decisions/0019). The call fails instead; the caller's 503 with Retry-After is the retry.
 */
class RedisTimeoutIT {

    /** Past this test's 300 ms timeout, short of the 2 s of the other booking instances sharing this Redis. */
    private static final Duration STALL = Duration.ofMillis(1_600);

    private final BookingStack world = BookingStack.get();

    @Test
    void aScriptWhoseReplyTimedOutRunsAtMostOnce() throws IOException, InterruptedException {
        try (ConfigurableApplicationContext app = world.start(Map.of("ticketing.redis.timeout", "300ms"))) {
            Budgets budgets = app.getBean(Budgets.class);
            Budget budget = new Budget(10, Duration.ofMinutes(1));
            String key = "limits:timeout-it:{" + UUID.randomUUID() + "}";
            budgets.look(key, budget); // the script is loaded and a connection is open before the stall

            URI redis = URI.create(world.stack.redisUrl());
            try (Socket blocker = new Socket(redis.getHost(), redis.getPort())) {
                blocker.setSoTimeout(30_000);
                stall(blocker.getOutputStream());
                awaitStalled(redis);
                assertThatThrownBy(() -> budgets.spend(key, budget)).isInstanceOf(DependencyUnavailableException.class);
                BufferedReader replies =
                        new BufferedReader(new InputStreamReader(blocker.getInputStream(), StandardCharsets.UTF_8));
                assertThat(replies.readLine()).as("the stalling script's reply").isEqualTo(":1");
                // a second send would have gone before the spend gave up: the GET below comes after it
                blocker.getOutputStream().write(command("GET", key));
                blocker.getOutputStream().flush();
                // once, or not yet: a command that reached Redis during the stall may run after this look (Redis takes
                // its clients' waiting commands in its own order), but never twice
                assertRanAtMostOnce(replies.readLine(), replies);
                // a second send, after the client's timeout has passed again, would show here
                Thread.sleep(STALL.toMillis());
                blocker.getOutputStream().write(command("GET", key));
                blocker.getOutputStream().flush();
                assertRanAtMostOnce(replies.readLine(), replies);
            }
        }
    }

    @Test
    void aSeatClaimWhoseReplyTimedOutGivesTheLockBack() throws IOException, InterruptedException {
        try (ConfigurableApplicationContext app = world.start(Map.of("ticketing.redis.timeout", "300ms"))) {
            SeatLocks locks = app.getBean(SeatLocks.class);
            RedissonClient redisson = app.getBean(RedissonClient.class);
            RoundId round = world.freshRound().id();
            String lock = new RoundKeys(round).seatLock("D-4");
            // the seat's counter is prepared and a connection is open before the stall
            assertThat(locks.tryLock(round, "D-4", Duration.ofSeconds(1))).isPresent();
            redisson.getKeys().delete(lock);

            URI redis = URI.create(world.stack.redisUrl());
            try (Socket blocker = new Socket(redis.getHost(), redis.getPort())) {
                blocker.setSoTimeout(30_000);
                stall(blocker.getOutputStream());
                awaitStalled(redis);
                assertThatThrownBy(() -> locks.tryLock(round, "D-4", Duration.ofMinutes(1)))
                        .isInstanceOf(RuntimeException.class);
                BufferedReader replies =
                        new BufferedReader(new InputStreamReader(blocker.getInputStream(), StandardCharsets.UTF_8));
                assertThat(replies.readLine()).as("the stalling script's reply").isEqualTo(":1");
                // the claim, then its give-back, ran behind the stall: a command sent now runs after both
                blocker.getOutputStream().write(command("EXISTS", lock));
                blocker.getOutputStream().flush();
                assertThat(replies.readLine())
                        .as("the seat's lock after the stall")
                        .isEqualTo(":0");
            }
            assertThat(locks.tryLock(round, "D-4", Duration.ofSeconds(1))).isPresent();
        }
    }

    /** Keeps Redis busy in one script for {@link #STALL}: every other client's command waits behind it. */
    private static void stall(OutputStream out) throws IOException {
        String busy =
                "local function ms() local t = redis.call('TIME') return t[1] * 1000 + math.floor(t[2] / 1000) end "
                        + "local stop = ms() + tonumber(ARGV[1]) repeat until ms() >= stop return 1";
        out.write(command("EVAL", busy, "0", Long.toString(STALL.toMillis())));
        out.flush();
    }

    /**
     * Waits until Redis no longer answers a PING within 100 ms, twice in a row: the stalling script is running (once
     * could be a loaded machine's slow answer).
     */
    private static void awaitStalled(URI redis) throws IOException, InterruptedException {
        int unanswered = 0;
        for (int tries = 0; unanswered < 2; tries++) {
            try (Socket probe = new Socket(redis.getHost(), redis.getPort())) {
                probe.setSoTimeout(100);
                probe.getOutputStream().write(command("PING"));
                probe.getOutputStream().flush();
                probe.getInputStream().read();
                unanswered = 0;
                if (tries > 50) {
                    throw new IllegalStateException("Redis never stalled");
                }
                Thread.sleep(10);
            } catch (SocketTimeoutException stalled) {
                unanswered++;
            }
        }
    }

    /** A GET's reply: nil (the spend has not run) or the counter at 1 (it ran once). */
    private static void assertRanAtMostOnce(String header, BufferedReader replies) throws IOException {
        if (!header.equals("$-1")) {
            assertThat(replies.readLine()).as("times the spend ran").isEqualTo("1");
        }
    }

    private static byte[] command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            resp.append('$').append(bytes.length).append("\r\n").append(part).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }
}
