package dev.ticketingwarrior.booking.sale;

import static dev.ticketingwarrior.booking.support.Players.awaitFinal;
import static dev.ticketingwarrior.booking.support.Players.book;
import static dev.ticketingwarrior.booking.support.Players.hold;
import static dev.ticketingwarrior.booking.support.Players.solveCaptcha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.booking.sale.domain.SaleReconciler;
import dev.ticketingwarrior.booking.sale.domain.Sales;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.Players;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * SPEC §9: a seat sold in Redis always has a booking behind it. A booking service killed between the sale and the
 * confirmation's send leaves the seat SOLD with nothing on its way to MySQL (the kill-booking drill found one); the
 * reconciler of any instance sends it again once the sale is older than its grace, and the player's retry with the
 * same Idempotency-Key then learns that booking.
 */
class OpenSaleReconcilerIT {

    private final BookingStack world = BookingStack.get();

    @Test
    void aSaleLeftOpenByAKilledRequestEndsConfirmedAndItsKeyAnswersIt() {
        ConfigurableApplicationContext app = world.first();
        Api api = world.api(app);
        Round round = world.freshRound();
        String ticket = BookingStack.ticket();
        String token = world.token(round, ticket, "orphan", false);
        solveCaptcha(api, token);
        String holdId = hold(api, token, round, "E-1").json().path("holdId").asString();

        PlayerId player = PlayerId.of("orphan", Players.deviceSecret());
        // what a kill -9 right after the sale leaves: the seat sold, the key in progress, no confirmation sent
        BookingId bookingId = BookingId.next(round.id());
        Sales.Attempt sold = app.getBean(Sales.class)
                .sell(
                        round.id(),
                        new Sales.KeyedRequest(ticket, "orphan-key", "holdId=" + holdId),
                        holdId,
                        new Sales.Buyer(
                                bookingId,
                                "orphan",
                                false,
                                round.opensAt(),
                                round.opensAt().plusMillis(200),
                                round.opensAt().plusMillis(500),
                                world.clock.instant(),
                                Optional.of(player)),
                        new Sales.Retention(Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(3)));
        assertThat(sold).isInstanceOf(Sales.Sold.class);
        assertThat(api.get("/api/v1/bookings/" + bookingId.value()).status())
                .as("nothing behind the sold seat yet")
                .isEqualTo(404);
        // the client's retry meanwhile: its key is still in progress, a client matter, not a server error (SPEC §9)
        Api.Response early = book(api, token, holdId, "orphan-key");
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.problemSlug()).isEqualTo("idempotency-key-in-progress");
        assertThat(early.header("Retry-After")).isEqualTo("1");

        world.clock.set(world.clock.instant().plusSeconds(31));
        app.getBean(SaleReconciler.class).reconcile();

        JsonNode confirmed = awaitFinal(api, bookingId.value(), Duration.ofSeconds(30));
        assertThat(confirmed.path("status").asString()).as(confirmed.toString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("seatId").asString()).isEqualTo("E-1");
        // the open sale's record kept the player for the booking sent again (the leaderboards count it)
        assertThat(app.getBean(JdbcTemplate.class)
                        .queryForObject(
                                "SELECT player_id FROM bookings WHERE booking_id = ?", String.class, bookingId.value()))
                .isEqualTo(player.value());

        Api.Response retry = book(api, token, holdId, "orphan-key");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(retry.json().path("bookingId").asString()).isEqualTo(bookingId.value());
    }
}
