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
import org.redisson.api.RMap;
import org.redisson.api.RSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance whose holds last one second: an expired hold gives its seat back and cannot be booked, and is cleared by
 * the sweep without reporting its player finished to admission.
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
     * A player whose hold ran out, bot or human, is not reported finished (admission's maxActive): it may still hold
     * again while the round is open, and its slot, given away meanwhile, would then put admission over maxActive. The
     * sweep clears the expired hold once; a booked player is reported finished by its booking.
     */
    @Test
    void aPlayerWhoseHoldRunsOutIsNotReportedGoneForItMayHoldAgain() {
        Api api = world.api(shortHolds);
        Round round = world.freshRound();
        String bot = BookingStack.ticket();
        String walkedAway = BookingStack.ticket();
        String booked = BookingStack.ticket();
        Map<String, String> botKey = Map.of("X-Bot-Key", BookingStack.BOT_KEY);
        String botToken = world.token(round, bot, "slow_bot", true);
        String leaver = world.token(round, walkedAway, "leaver", false);
        String buyer = world.token(round, booked, "buyer", false);
        solveCaptcha(api, leaver);
        solveCaptcha(api, buyer);
        RedissonClient redis = shortHolds.getBean(RedissonClient.class);
        RoundKeys keys = new RoundKeys(round.id());
        RSet<String> finished = redis.getSet(keys.finishedPlayers(), StringCodec.INSTANCE);
        RMap<String, String> ticketHolds = redis.getMap(keys.ticketHolds(), StringCodec.INSTANCE);

        assertThat(hold(api, botToken, round, "B-6", botKey).status()).isEqualTo(201);
        assertThat(hold(api, leaver, round, "B-7").status()).isEqualTo(201);
        String buyerHold = hold(api, buyer, round, "B-8").json().path("holdId").asString();
        assertThat(book(api, buyer, buyerHold).status()).isEqualTo(202);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((ticketHolds.containsKey(bot) || ticketHolds.containsKey(walkedAway)) && System.nanoTime() < deadline) {
            Players.sleep(100);
        }
        assertThat(ticketHolds.keySet())
                .as("the sweep cleared both expired holds")
                .doesNotContain(bot, walkedAway);
        assertThat(finished.readAll()).containsExactly(booked);
        assertThat(shortHolds.getBean(Holds.class).clearAbandoned(round.id(), world.clock.instant()))
                .as("cleared once")
                .isZero();
        // both come back for another seat: never reported, so admission's count of who plays stayed right
        assertThat(hold(api, botToken, round, "B-6", botKey).status()).isEqualTo(201);
        assertThat(hold(api, leaver, round, "B-7").status()).isEqualTo(201);
        assertThat(finished.readAll()).containsExactly(booked);
    }
}
