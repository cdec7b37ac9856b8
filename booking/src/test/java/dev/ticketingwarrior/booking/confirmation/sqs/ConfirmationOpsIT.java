package dev.ticketingwarrior.booking.confirmation.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.Players;
import dev.ticketingwarrior.localstack.LocalStack;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Ops see the confirmations on their way to MySQL and put dead-lettered ones back (SPEC §9: ops can redrive the DLQ);
 * each booking is still written once.
 */
class ConfirmationOpsIT {

    private static final Map<String, String> OPS = Map.of("Authorization", "Bearer " + BookingStack.OPS_TOKEN);

    private final BookingStack world = BookingStack.get();
    private final Api api = world.api(world.first());

    @Test
    void aDeadLetteredBookingIsRedrivenAndConfirmedOnce() {
        Round round = world.freshRound();
        BookingConfirmationMessage message =
                ConfirmationListenerIT.message(round, "G-2", "t-dead", ConfirmationListenerIT.bookingId(round));
        try (SqsClient sqs = world.stack.sqsClient()) {
            String dlq = world.stack.queueUrl(LocalStack.CONFIRMATIONS_DLQ);
            // twice, as a message can be in the DLQ twice (a redrive stopped between its send and its delete)
            for (int i = 0; i < 2; i++) {
                sqs.sendMessage(b -> b.queueUrl(dlq).messageBody(Api.JSON.writeValueAsString(message)));
            }
        }
        Api.Response counted = api.send("GET", "/api/v1/confirmations/dead-letters", null, null, OPS);
        assertThat(counted.status()).as(counted.toString()).isEqualTo(200);
        assertThat(counted.json().path("messages").asLong()).isGreaterThanOrEqualTo(2);

        Api.Response redriven = api.send("POST", "/api/v1/confirmations/dead-letters/redrive", null, null, OPS);

        assertThat(redriven.status()).as(redriven.toString()).isEqualTo(200);
        assertThat(redriven.json().path("moved").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(Players.awaitFinal(api, message.bookingId(), Duration.ofSeconds(20))
                        .path("status")
                        .asString())
                .isEqualTo("CONFIRMED");
        Players.sleep(1000);
        assertThat(world.first()
                        .getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                        .queryForObject(
                                "SELECT COUNT(*) FROM bookings WHERE booking_id = ?", Long.class, message.bookingId()))
                .isEqualTo(1);
    }

    /**
     * An instance whose listener is not running, on queues of its own: what waits on the queue, what a listener has
     * taken and not yet written (its visibility running), and what is dead-lettered, each counted where it is.
     */
    @Test
    void theBacklogCountsWhatWaitsWhatIsTakenAndWhatIsDeadLettered() {
        String queue = "it-backlog-" + UUID.randomUUID();
        String deadLetters = queue + "-dlq";
        try (SqsClient sqs = world.stack.sqsClient()) {
            String queueUrl = sqs.createQueue(b -> b.queueName(queue)).queueUrl();
            String dlqUrl = sqs.createQueue(b -> b.queueName(deadLetters)).queueUrl();
            for (int i = 0; i < 3; i++) {
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{}"));
            }
            sqs.sendMessage(b -> b.queueUrl(dlqUrl).messageBody("{}"));
            sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(1).visibilityTimeout(60));

            try (ConfigurableApplicationContext cut = world.start(Map.of(
                    "ticketing.queue.name", queue,
                    "ticketing.queue.dead-letter-name", deadLetters,
                    "spring.cloud.aws.sqs.listener.auto-startup", "false"))) {
                Api.Response backlog = world.api(cut).send("GET", "/api/v1/confirmations", null, null, OPS);

                assertThat(backlog.status()).as(backlog.toString()).isEqualTo(200);
                assertThat(backlog.json().path("waiting").asLong()).isEqualTo(2);
                assertThat(backlog.json().path("inFlight").asLong()).isEqualTo(1);
                assertThat(backlog.json().path("deadLetters").asLong()).isEqualTo(1);
                assertThat(backlog.json().path("mysqlFailingSince").isNull())
                        .as("MySQL answers this instance")
                        .isTrue();
            }
        }
    }

    /** Found by a probe: a max out of its documented range was taken as the nearest bound. */
    @Test
    void aRedriveOfAMaxOutOfRangeIsRefusedAndMovesNothing() {
        for (String max : new String[] {"0", "-1", "1001"}) {
            Api.Response refused =
                    api.send("POST", "/api/v1/confirmations/dead-letters/redrive?max=" + max, null, null, OPS);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.problemSlug()).isEqualTo("invalid-request");
        }
        // without the ops token the range is never looked at
        assertThat(api.send(
                                "POST",
                                "/api/v1/confirmations/dead-letters/redrive?max=0",
                                null,
                                null,
                                Map.of("Authorization", "Bearer not-the-token"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theConfirmationsAreForOpsOnly() {
        assertThat(api.get("/api/v1/confirmations").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/confirmations/dead-letters").status()).isEqualTo(401);
        assertThat(api.send(
                                "POST",
                                "/api/v1/confirmations/dead-letters/redrive",
                                null,
                                null,
                                Map.of("Authorization", "Bearer not-the-token"))
                        .problemSlug())
                .isEqualTo("unauthorized");
    }
}
