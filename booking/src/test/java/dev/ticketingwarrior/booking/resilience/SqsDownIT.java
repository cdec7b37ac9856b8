package dev.ticketingwarrior.booking.resilience;

import static dev.ticketingwarrior.booking.support.Players.book;
import static dev.ticketingwarrior.booking.support.Players.hold;
import static dev.ticketingwarrior.booking.support.Players.solveCaptcha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.shared.round.Round;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** With SQS unreachable a booking is refused with 503 + Retry-After, and the hold stays for a retry. */
class SqsDownIT {

    @Test
    void aBookingThatCannotBeQueuedIs503AndTheHoldStays() {
        BookingStack world = BookingStack.get();
        Api healthy = world.api(world.first());
        try (ConfigurableApplicationContext cut = world.start(Map.of(
                "spring.cloud.aws.sqs.endpoint", "http://127.0.0.1:9",
                "spring.cloud.aws.sqs.listener.auto-startup", "false",
                "ticketing.queue.send-timeout", "1s"))) {
            Api api = world.api(cut);
            Round round = world.freshRound();
            String token = world.token(round, BookingStack.ticket(), "unlucky", false);
            solveCaptcha(api, token);
            String holdId = hold(api, token, round, "D-1").json().path("holdId").asString();

            Api.Response refused = book(api, token, holdId, "retry-me");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.problemSlug()).isEqualTo("service-unavailable");
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.contentType()).startsWith("application/problem+json");

            // the hold survived: the same key on a healthy instance books it
            Api.Response retried = book(healthy, token, holdId, "retry-me");
            assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
            assertThat(retried.json().path("seatId").asString()).isEqualTo("D-1");
        }
    }
}
