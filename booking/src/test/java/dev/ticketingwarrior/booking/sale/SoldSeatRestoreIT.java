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
        soldAndConfirmed(round, "H-5", "survivor");

        RoundKeys keys = new RoundKeys(round.id());
        lose(round, "H-5", keys.soldSeats(), keys.ticketBookings());

        assertThat(awaitSeat(round, "H-5", "SOLD")).isEqualTo("SOLD");
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
        soldAndConfirmed(round, "H-6", "veteran");
        // past what a pass reads again of the rows before its previous read (6 s), and a pass (5 s) more
        Players.sleep(13_000);

        RoundKeys keys = new RoundKeys(round.id());
        lose(round, "H-6", keys.soldSeats(), keys.ticketBookings(), keys.soldRestored());

        assertThat(awaitSeat(round, "H-6", "SOLD")).isEqualTo("SOLD");
    }

    /**
     * A hold right after Redis came back empty does not wait for the restorer's next pass (it would be held, then its
     * booking accepted and rejected by MySQL): the round's sold seats are restored for it first.
     */
    @Test
    void aHoldJustAfterRedisCameBackEmptyFindsTheSeatMysqlSold() {
        Round round = world.freshRound();
        soldAndConfirmed(round, "H-7", "first");

        RoundKeys keys = new RoundKeys(round.id());
        lose(round, "H-7", keys.soldSeats(), keys.ticketBookings(), keys.soldRestored());
        String rival = world.token(round, BookingStack.ticket(), "quick", false);
        solveCaptcha(api, rival);

        assertThat(hold(api, rival, round, "H-7").problemSlug()).isEqualTo("seat-taken");
        assertThat(hold(api, rival, round, "H-8").status()).isEqualTo(201);
    }

    private void soldAndConfirmed(Round round, String seatId, String nickname) {
        String token = world.token(round, BookingStack.ticket(), nickname, false);
        solveCaptcha(api, token);
        String holdId = hold(api, token, round, seatId).json().path("holdId").asString();
        String bookingId = book(api, token, holdId).json().path("bookingId").asString();
        assertThat(awaitFinal(api, bookingId, Duration.ofSeconds(20))
                        .path("status")
                        .asString())
                .isEqualTo("CONFIRMED");
    }

    /** Redis loses {@code keys}: the seat shows AVAILABLE. */
    private void lose(Round round, String seatId, String... keys) {
        world.first().getBean(RedissonClient.class).getKeys().delete(keys);
        assertThat(seatStatus(round, seatId)).as("Redis lost it").isEqualTo("AVAILABLE");
    }

    /** The seat's status once it is {@code status}, or after 15 s. */
    private String awaitSeat(Round round, String seatId, String status) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!status.equals(seatStatus(round, seatId)) && Instant.now().isBefore(deadline)) {
            Players.sleep(200);
        }
        return seatStatus(round, seatId);
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
