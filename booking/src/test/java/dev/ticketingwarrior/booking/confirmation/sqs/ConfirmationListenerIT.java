package dev.ticketingwarrior.booking.confirmation.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.confirmation.message.BookingConfirmationMessage;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.Players;
import dev.ticketingwarrior.localstack.LocalStack;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;

class ConfirmationListenerIT {

    private final BookingStack world = BookingStack.get();
    private final Api api = world.api(world.first());
    private final JdbcTemplate jdbc = world.first().getBean(JdbcTemplate.class);

    @Test
    void theSameMessageDeliveredTwiceWritesOneRow() {
        Round round = world.freshRound();
        BookingConfirmationMessage message = message(round, "H-1", "t-dup", bookingId(round));
        send(message);
        send(message);

        awaitStatus(message.bookingId(), "CONFIRMED");
        Players.sleep(1500);
        assertThat(count("SELECT COUNT(*) FROM bookings WHERE booking_id = ?", message.bookingId()))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM rejected_bookings WHERE booking_id = ?", message.bookingId()))
                .isZero();
    }

    /**
     * A batch written again by another write (a redelivery, the reconciler's second send) finds every booking decided:
     * it is told so, so that the listener counts and times each booking once, by the write that decided it. A try of
     * the same write (after one that failed once its rows had landed) still owns them.
     */
    @Test
    void aBatchWrittenAgainByAnotherWriteIsToldItDecidedNothing() {
        Round round = world.freshRound();
        Bookings bookings = world.first().getBean(Bookings.class);
        AcceptedBooking winner =
                message(round, "K-1", "t-winner", bookingId(round)).booking().orElseThrow();
        AcceptedBooking loser =
                message(round, "K-1", "t-loser", bookingId(round)).booking().orElseThrow();

        Bookings.Confirmed first = bookings.confirm(List.of(winner, loser), "write-1");
        Bookings.Confirmed retried = bookings.confirm(List.of(winner, loser), "write-1");
        Bookings.Confirmed again = bookings.confirm(List.of(loser, winner), "write-2");

        assertThat(first.states())
                .containsEntry(winner.id(), StoredBooking.Status.CONFIRMED)
                .containsEntry(loser.id(), StoredBooking.Status.REJECTED);
        assertThat(first.decidedNow()).containsExactlyInAnyOrder(winner.id(), loser.id());
        assertThat(retried).as("the same write tried again").isEqualTo(first);
        assertThat(again.states()).isEqualTo(first.states());
        assertThat(again.decidedNow()).isEmpty();
    }

    @Test
    void aSecondBookingForASoldSeatIsRejectedByTheDatabase() {
        Round round = world.freshRound();
        String token = world.token(round, BookingStack.ticket(), "winner", false);
        Players.solveCaptcha(api, token);
        String holdId =
                Players.hold(api, token, round, "J-10").json().path("holdId").asString();
        String winner =
                Players.book(api, token, holdId).json().path("bookingId").asString();
        assertThat(Players.awaitFinal(api, winner, Duration.ofSeconds(20))
                        .path("status")
                        .asString())
                .isEqualTo("CONFIRMED");

        BookingConfirmationMessage forged = message(round, "J-10", "t-forger", bookingId(round));
        send(forged);
        JsonNode rejected = awaitStatus(forged.bookingId(), "REJECTED");
        assertThat(rejected.path("seatId").asString()).isEqualTo("J-10");
        assertThat(rejected.path("rank").isNull()).isTrue();
        assertThat(count(
                        "SELECT COUNT(*) FROM bookings WHERE round_id = ? AND seat_id = 'J-10'",
                        round.id().value()))
                .isEqualTo(1);
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueue() {
        String marker = "poison-" + UUID.randomUUID();
        try (SqsClient sqs = world.stack.sqsClient()) {
            sqs.sendMessage(b -> b.queueUrl(world.stack.queueUrl(LocalStack.CONFIRMATIONS_QUEUE))
                    .messageBody("{\"not\":\"a booking\",\"marker\":\"" + marker + "\"}"));
            Instant deadline = Instant.now().plusSeconds(60);
            boolean found = false;
            while (!found && Instant.now().isBefore(deadline)) {
                for (Message m : sqs.receiveMessage(b -> b.queueUrl(world.stack.queueUrl(LocalStack.CONFIRMATIONS_DLQ))
                                .waitTimeSeconds(2)
                                .maxNumberOfMessages(10))
                        .messages()) {
                    found |= m.body().contains(marker);
                }
            }
            assertThat(found).as("poison message moved to the DLQ").isTrue();
        }
    }

    private JsonNode awaitStatus(String bookingId, String status) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            Api.Response response = api.get("/api/v1/bookings/" + bookingId);
            if (response.status() == 200
                    && status.equals(response.json().path("status").asString())) {
                return response.json();
            }
            Players.sleep(100);
        }
        throw new AssertionError("booking " + bookingId + " never became " + status);
    }

    private void send(BookingConfirmationMessage message) {
        try (SqsClient sqs = world.stack.sqsClient()) {
            sqs.sendMessage(b -> b.queueUrl(world.stack.queueUrl(LocalStack.CONFIRMATIONS_QUEUE))
                    .messageBody(Api.JSON.writeValueAsString(message)));
        }
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    static String bookingId(Round round) {
        return round.id().value() + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    }

    static BookingConfirmationMessage message(Round round, String seat, String ticket, String bookingId) {
        Instant open = round.opensAt();
        return new BookingConfirmationMessage(
                bookingId,
                round.id().value(),
                seat,
                ticket + "-" + UUID.randomUUID(),
                "forged",
                false,
                99,
                open,
                open.plusMillis(100),
                open.plusMillis(200),
                open.plusMillis(300),
                open.plusMillis(4000),
                null);
    }
}
