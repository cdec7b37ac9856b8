package dev.ticketingwarrior.booking.confirmation.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.confirmation.domain.UnstorableBookingException;
import dev.ticketingwarrior.booking.outage.domain.MysqlOutage;
import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.Players;
import dev.ticketingwarrior.localstack.LocalStack;
import dev.ticketingwarrior.shared.round.Round;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
            assertThat(inDeadLetterQueue(sqs, marker))
                    .as("poison message moved to the DLQ")
                    .isTrue();
        }
    }

    /**
     * A booking MySQL refuses as it is (here a time past year 9999, which JSON and Java take and DATETIME does not) is the
     * data's fault: it is not an outage, and the good bookings written with it are not held back by it.
     */
    @Test
    void aBookingTheDatabaseRefusesIsNotAnOutageAndHoldsNoOtherBack() {
        Round round = world.freshRound();
        Bookings bookings = world.first().getBean(Bookings.class);
        MysqlOutage outage = world.first().getBean(MysqlOutage.class);
        CircuitBreaker mysql =
                world.first().getBean(CircuitBreakerRegistry.class).circuitBreaker(Dependencies.MYSQL);
        long failedBefore = mysql.getMetrics().getNumberOfFailedCalls();
        AcceptedBooking good =
                message(round, "L-1", "t-good", bookingId(round)).booking().orElseThrow();
        AcceptedBooking unstorable = farFuture(message(round, "L-2", "t-far", bookingId(round)))
                .booking()
                .orElseThrow();

        assertThatThrownBy(() -> bookings.confirm(List.of(good, unstorable), "write-L"))
                .isInstanceOf(UnstorableBookingException.class);
        assertThat(outage.since()).as("MySQL answered: no outage to show ops").isEmpty();
        assertThat(mysql.getMetrics().getNumberOfFailedCalls())
                .as("nor a failure for MySQL's circuit")
                .isEqualTo(failedBefore);
        assertThat(mysql.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(bookings.confirm(List.of(good), "write-L").states())
                .containsEntry(good.id(), StoredBooking.Status.CONFIRMED);
    }

    @Test
    void aConfirmationTheDatabaseRefusesEndsInTheDeadLetterQueueAndTheOnesBesideItAreConfirmed() {
        Round round = world.freshRound();
        BookingConfirmationMessage good = message(round, "M-1", "t-good", bookingId(round));
        BookingConfirmationMessage unstorable = farFuture(message(round, "M-2", "t-far", bookingId(round)));
        try (SqsClient sqs = world.stack.sqsClient()) {
            // one batch, so that one poll is likely to take both
            sqs.sendMessageBatch(b -> b.queueUrl(world.stack.queueUrl(LocalStack.CONFIRMATIONS_QUEUE))
                    .entries(
                            e -> e.id("good").messageBody(Api.JSON.writeValueAsString(good)),
                            e -> e.id("far").messageBody(Api.JSON.writeValueAsString(unstorable))));

            awaitStatus(good.bookingId(), "CONFIRMED");
            assertThat(inDeadLetterQueue(sqs, unstorable.bookingId()))
                    .as("the refused confirmation moved to the DLQ")
                    .isTrue();
        }
    }

    /** The same confirmation, booked in year 10000. */
    private static BookingConfirmationMessage farFuture(BookingConfirmationMessage message) {
        ObjectNode json = Api.JSON.valueToTree(message);
        json.put("bookedAt", "+10000-01-01T00:00:00Z");
        return Api.JSON.treeToValue(json, BookingConfirmationMessage.class);
    }

    private boolean inDeadLetterQueue(SqsClient sqs, String marker) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(world.stack.queueUrl(LocalStack.CONFIRMATIONS_DLQ))
                            .waitTimeSeconds(2)
                            .maxNumberOfMessages(10))
                    .messages()) {
                if (m.body().contains(marker)) {
                    return true;
                }
            }
        }
        return false;
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
