package dev.ticketingwarrior.booking.sale;

import static dev.ticketingwarrior.booking.support.Players.awaitFinal;
import static dev.ticketingwarrior.booking.support.Players.book;
import static dev.ticketingwarrior.booking.support.Players.hold;
import static dev.ticketingwarrior.booking.support.Players.solveCaptcha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.sale.redis.RoundKeys;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.Players;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import tools.jackson.databind.JsonNode;

/**
 * Redis loses its sold seats (a restart without persistence, a failover to a replica behind): the seats MySQL sold are
 * SOLD again in Redis within a few seconds, so the seat map shows them and nobody else is sold them.
 */
class SoldSeatRestoreIT {

    private final BookingStack world = BookingStack.get();
    private final Api api = world.api(world.first());

    @Test
    void seatsMysqlSoldAreSoldAgainAfterRedisLostThem() {
        Round round = world.freshRound();
        String token = world.token(round, BookingStack.ticket(), "survivor", false);
        solveCaptcha(api, token);
        String holdId = hold(api, token, round, "H-5").json().path("holdId").asString();
        String bookingId = book(api, token, holdId).json().path("bookingId").asString();
        assertThat(awaitFinal(api, bookingId, Duration.ofSeconds(20))
                        .path("status")
                        .asString())
                .isEqualTo("CONFIRMED");

        RoundKeys keys = new RoundKeys(round.id());
        world.first().getBean(RedissonClient.class).getKeys().delete(keys.soldSeats(), keys.ticketBookings());
        assertThat(seatStatus(round, "H-5")).as("Redis lost it").isEqualTo("AVAILABLE");

        Instant deadline = Instant.now().plusSeconds(15);
        while (!"SOLD".equals(seatStatus(round, "H-5")) && Instant.now().isBefore(deadline)) {
            Players.sleep(200);
        }
        assertThat(seatStatus(round, "H-5")).isEqualTo("SOLD");
        String rival = world.token(round, BookingStack.ticket(), "rival", false);
        solveCaptcha(api, rival);
        assertThat(hold(api, rival, round, "H-5").problemSlug()).isEqualTo("seat-taken");
    }

    /**
     * A restart without persistence takes the restorer's mark with the seats: its next pass reads all of the round's
     * rows, a seat sold long before the last seconds' read included (without the mark it would wait for the pass over
     * all rows that comes once a minute).
     */
    @Test
    void aSeatSoldBeforeTheLastSecondsIsSoldAgainAfterRedisCameBackEmpty() {
        Round round = world.freshRound();
        String token = world.token(round, BookingStack.ticket(), "veteran", false);
        solveCaptcha(api, token);
        String holdId = hold(api, token, round, "H-6").json().path("holdId").asString();
        String bookingId = book(api, token, holdId).json().path("bookingId").asString();
        assertThat(awaitFinal(api, bookingId, Duration.ofSeconds(20))
                        .path("status")
                        .asString())
                .isEqualTo("CONFIRMED");
        // past what a pass reads again of the rows before its previous read (6 s), and a pass (5 s) more
        Players.sleep(13_000);

        RoundKeys keys = new RoundKeys(round.id());
        world.first()
                .getBean(RedissonClient.class)
                .getKeys()
                .delete(keys.soldSeats(), keys.ticketBookings(), keys.soldRestored());
        assertThat(seatStatus(round, "H-6")).as("Redis lost it").isEqualTo("AVAILABLE");

        Instant deadline = Instant.now().plusSeconds(15);
        while (!"SOLD".equals(seatStatus(round, "H-6")) && Instant.now().isBefore(deadline)) {
            Players.sleep(200);
        }
        assertThat(seatStatus(round, "H-6")).isEqualTo("SOLD");
    }

    private String seatStatus(Round round, String seatId) {
        for (JsonNode seat : api.get("/api/v1/rounds/" + round.id() + "/seats", world.viewer(round))
                .json()
                .path("seats")) {
            if (seat.path("id").asString().equals(seatId)) {
                return seat.path("status").asString();
            }
        }
        return "missing";
    }
}
