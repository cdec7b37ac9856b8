package dev.ticketingwarrior.booking.sale;

import static dev.ticketingwarrior.booking.support.Players.book;
import static dev.ticketingwarrior.booking.support.Players.hold;
import static dev.ticketingwarrior.booking.support.Players.solveCaptcha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.sale.domain.Holds;
import dev.ticketingwarrior.booking.sale.redis.RoundKeys;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.Players;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance whose holds last one second: an expired hold gives its seat back and cannot be booked, and a bot whose
 * hold ran out is reported abandoned to admission (the round's finished set), unless it booked.
 */
class HoldExpiryIT {

    private static final BookingStack world = BookingStack.get();
    private static ConfigurableApplicationContext shortHolds;

    @BeforeAll
    static void start() {
        shortHolds = world.start(Map.of("ticketing.hold.ttl", "1s", "ticketing.hold.abandoned-sweep", "200ms"));
    }

    @AfterAll
    static void stop() {
        shortHolds.close();
    }

    @Test
    void anExpiredHoldFreesTheSeatForTheNextPlayer() {
        Api api = world.api(shortHolds);
        Round round = world.freshRound();
        String slow = world.token(round, BookingStack.ticket(), "slow", false);
        String fast = world.token(round, BookingStack.ticket(), "fast", false);
        solveCaptcha(api, slow);
        solveCaptcha(api, fast);
        String holdId = hold(api, slow, round, "A-5").json().path("holdId").asString();
        assertThat(hold(api, fast, round, "A-5").status()).isEqualTo(409);

        Players.sleep(1600);

        assertThat(hold(api, fast, round, "A-5").status()).isEqualTo(201);
        Api.Response late = book(api, slow, holdId);
        assertThat(late.status()).isEqualTo(404);
        assertThat(late.problemSlug()).isEqualTo("unknown-hold");
    }

    /**
     * A bot whose hold ran out is gone: reported once, so admission's maxActive frees its slot. A human is not
     * reported: it may still hold again while the round is open, and its slot, given away meanwhile, would then put
     * admission over maxActive.
     */
    @Test
    void aBotWhoseHoldRunsOutUnbookedIsReportedAbandonedOnceAHumanIsNot() {
        Api api = world.api(shortHolds);
        Round round = world.freshRound();
        String stoppedBot = BookingStack.ticket();
        String walkedAway = BookingStack.ticket();
        String booked = BookingStack.ticket();
        String botToken = world.token(round, stoppedBot, "stopped", true);
        String leaver = world.token(round, walkedAway, "leaver", false);
        String buyer = world.token(round, booked, "buyer", false);
        solveCaptcha(api, leaver);
        solveCaptcha(api, buyer);
        RSet<String> finished = shortHolds
                .getBean(RedissonClient.class)
                .getSet(new RoundKeys(round.id()).finishedPlayers(), StringCodec.INSTANCE);

        assertThat(hold(api, leaver, round, "B-7").status()).isEqualTo(201);
        // the bot's hold, made last, runs out last: the sweep that reports the bot has seen the human's run out too
        assertThat(hold(api, botToken, round, "B-6", Map.of("X-Bot-Key", BookingStack.BOT_KEY))
                        .status())
                .isEqualTo(201);
        assertThat(finished.contains(stoppedBot))
                .as("a live hold is not abandoned")
                .isFalse();
        String buyerHold = hold(api, buyer, round, "B-8").json().path("holdId").asString();
        assertThat(book(api, buyer, buyerHold).status()).isEqualTo(202);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!finished.contains(stoppedBot) && System.nanoTime() < deadline) {
            Players.sleep(100);
        }
        assertThat(finished.readAll()).containsExactlyInAnyOrder(stoppedBot, booked);
        // counted once: the sweeps cleared both expired holds' pointers, the human's too
        assertThat(shortHolds
                        .getBean(Holds.class)
                        .reportAbandoned(round.id(), world.clock.instant(), Duration.ofHours(1)))
                .isZero();
        // the leaver comes back for another seat: it was never reported, so admission's count stayed right
        assertThat(hold(api, leaver, round, "B-7").status()).isEqualTo(201);
        assertThat(finished.readAll()).containsExactlyInAnyOrder(stoppedBot, booked);
    }
}
