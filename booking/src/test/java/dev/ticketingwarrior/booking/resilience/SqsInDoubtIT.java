package dev.ticketingwarrior.booking.resilience;

import static dev.ticketingwarrior.booking.support.Players.awaitFinal;
import static dev.ticketingwarrior.booking.support.Players.book;
import static dev.ticketingwarrior.booking.support.Players.hold;
import static dev.ticketingwarrior.booking.support.Players.solveCaptcha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.SlowQueueProxy;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * SQS takes a confirmation but acknowledges it too late: the booking is answered 503 (no 202 without SQS's word), yet
 * nothing is undone, because the message may be (and here is) queued. The retry with the same key sends the same
 * booking again and gets its 202, so the player ends with exactly that one booking.
 */
class SqsInDoubtIT {

    @Test
    void aBookingWhoseQueueAnswersTooLateStaysSoldAndItsRetryGetsThatBooking() throws Exception {
        BookingStack world = BookingStack.get();
        Api healthy = world.api(world.first());
        try (SlowQueueProxy slow = new SlowQueueProxy(world.stack.sqsEndpoint(), 1, Duration.ofSeconds(3));
                ConfigurableApplicationContext cut = world.start(Map.of(
                        "spring.cloud.aws.sqs.endpoint", slow.endpoint(),
                        "spring.cloud.aws.sqs.listener.auto-startup", "false",
                        "ticketing.queue.send-timeout", "1s"))) {
            Api api = world.api(cut);
            Round round = world.freshRound();
            String token = world.token(round, BookingStack.ticket(), "late-ack", false);
            solveCaptcha(api, token);
            String holdId = hold(api, token, round, "D-2").json().path("holdId").asString();

            Api.Response unsure = book(api, token, holdId, "unsure");
            assertThat(unsure.status()).as(unsure.toString()).isEqualTo(503);
            assertThat(unsure.header("Retry-After")).isNotBlank();
            assertThat(slow.sends()).isEqualTo(1); // the queue has it

            // nothing undone: the seat stays sold (another player cannot take it meanwhile)
            assertThat(seatStatus(healthy, round, "D-2")).isEqualTo("SOLD");

            Api.Response retried = book(healthy, token, holdId, "unsure");
            assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
            assertThat(retried.json().path("seatId").asString()).isEqualTo("D-2");
            JsonNode booking =
                    awaitFinal(healthy, retried.json().path("bookingId").asString(), Duration.ofSeconds(20));
            assertThat(booking.path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(book(healthy, token, holdId, "unsure").json()).isEqualTo(retried.json());
            assertThat(book(healthy, token, holdId, "another-key").problemSlug())
                    .isEqualTo("already-booked");
        }
    }

    private static String seatStatus(Api api, Round round, String seatId) {
        for (JsonNode seat :
                api.get("/api/v1/rounds/" + round.id() + "/seats").json().path("seats")) {
            if (seat.path("id").asString().equals(seatId)) {
                return seat.path("status").asString();
            }
        }
        return "missing";
    }
}
