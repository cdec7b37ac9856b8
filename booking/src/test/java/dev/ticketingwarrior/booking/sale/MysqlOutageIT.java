package dev.ticketingwarrior.booking.sale;

import static dev.ticketingwarrior.booking.support.Players.book;
import static dev.ticketingwarrior.booking.support.Players.hold;
import static dev.ticketingwarrior.booking.support.Players.solveCaptcha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.localstack.LocalStack;
import dev.ticketingwarrior.shared.round.Round;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A booking instance whose MySQL does not answer (Redis and SQS healthy; its confirmations parked on a queue of their
 * own, so no listener writes them meanwhile): bookings are still accepted, and a lookup answers PENDING from Redis
 * instead of 503.
 */
class MysqlOutageIT {

    private final BookingStack world = BookingStack.get();

    @Test
    void anAcceptedBookingIsAnsweredPendingWhileMysqlIsDown() {
        try (ConfigurableApplicationContext cut = world.start(Map.of(
                "spring.datasource.url", "jdbc:mysql://127.0.0.1:9/booking",
                "spring.flyway.enabled", "false",
                "ticketing.queue.name", parkedQueue(),
                "spring.cloud.aws.sqs.listener.auto-startup", "false"))) {
            Api api = world.api(cut);
            Round round = world.freshRound();
            String token = world.token(round, BookingStack.ticket(), "outage", false);
            solveCaptcha(api, token);
            String holdId = hold(api, token, round, "E-7").json().path("holdId").asString();
            Api.Response accepted = book(api, token, holdId);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);

            Api.Response pending = api.get(
                    "/api/v1/bookings/" + accepted.json().path("bookingId").asString());
            assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
            assertThat(pending.json().path("status").asString()).isEqualTo("PENDING");
            assertThat(pending.json().path("seatId").asString()).isEqualTo("E-7");

            // a booking Redis does not know may be final in MySQL: only MySQL can say, so it is the outage's 503
            Api.Response unknown = api.get("/api/v1/bookings/" + round.id() + "-" + "a".repeat(22));
            assertThat(unknown.status()).as(unknown.toString()).isEqualTo(503);
            assertThat(unknown.header("Retry-After")).isNotBlank();
        }
    }

    private String parkedQueue() {
        String name = "it-parked-" + UUID.randomUUID();
        try (SqsClient sqs = SqsClient.builder()
                .endpointOverride(URI.create(world.stack.sqsEndpoint()))
                .region(Region.of(LocalStack.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalStack.ACCESS_KEY, LocalStack.SECRET_KEY)))
                .build()) {
            sqs.createQueue(b -> b.queueName(name));
        }
        return name;
    }
}
