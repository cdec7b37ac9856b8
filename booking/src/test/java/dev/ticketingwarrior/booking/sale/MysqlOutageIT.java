package dev.ticketingwarrior.booking.sale;

import static dev.ticketingwarrior.booking.support.Players.book;
import static dev.ticketingwarrior.booking.support.Players.hold;
import static dev.ticketingwarrior.booking.support.Players.solveCaptcha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.Players;
import dev.ticketingwarrior.localstack.LocalStack;
import dev.ticketingwarrior.shared.round.Round;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;

/**
 * A booking instance whose MySQL does not answer (Redis and SQS healthy; its confirmations on a queue of their own, so
 * no other instance's listener writes them meanwhile): bookings are still accepted, a lookup answers PENDING from Redis
 * instead of 503 (and CONFIRMED for a booking confirmed just before), and an instance stopping meanwhile hands its
 * waiting confirmations back to the queue at once.
 */
class MysqlOutageIT {

    private final BookingStack world = BookingStack.get();

    @Test
    void anAcceptedBookingIsAnsweredPendingWhileMysqlIsDown() {
        try (ConfigurableApplicationContext cut =
                startWithoutMysql(parkedQueue(), Map.of("spring.cloud.aws.sqs.listener.auto-startup", "false"))) {
            Api api = world.api(cut);
            Round round = world.freshRound();
            Api.Response accepted = accepted(api, round, "outage", "E-7");

            Api.Response pending = api.get(
                    "/api/v1/bookings/" + accepted.json().path("bookingId").asString());
            assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
            assertThat(pending.json().path("status").asString()).isEqualTo("PENDING");
            assertThat(pending.json().path("seatId").asString()).isEqualTo("E-7");

            // a booking Redis does not know may be final in MySQL: only MySQL can say, so it is the outage's 503
            Api.Response unknown = api.get("/api/v1/bookings/" + round.id() + "-" + "a".repeat(22));
            assertThat(unknown.status()).as(unknown.toString()).isEqualTo(503);
            assertThat(unknown.header("Retry-After")).isNotBlank();

            // ops see beside the waiting confirmations since when MySQL has failed this instance
            Api.Response backlog = api.send(
                    "GET",
                    "/api/v1/confirmations",
                    null,
                    null,
                    Map.of("Authorization", "Bearer " + BookingStack.OPS_TOKEN));
            assertThat(backlog.status()).as(backlog.toString()).isEqualTo(200);
            Instant failingSince =
                    Instant.parse(backlog.json().path("mysqlFailingSince").asString());
            assertThat(failingSince).as("the instance's clock").isBeforeOrEqualTo(world.clock.instant());
        }
    }

    /**
     * The listener wrote the row, then MySQL stopped: the player still looking at the result reads CONFIRMED from the
     * copy Redis keeps beside the row for a while (without its rank, which only MySQL can give), not the outage's 503.
     */
    @Test
    void aBookingConfirmedJustBeforeTheOutageIsAnsweredConfirmed() {
        Api healthy = world.api(world.first());
        Round round = world.freshRound();
        String ticket = BookingStack.ticket();
        String token = world.token(round, ticket, "justbefore", false);
        // a human as the web app plays, with its device secret: its attempt is recorded for the debrief
        Map<String, String> device = Map.of("X-Player-Secret", Players.deviceSecret());
        solveCaptcha(healthy, token);
        String holdId =
                hold(healthy, token, round, "E-9", device).json().path("holdId").asString();
        Map<String, String> booking = new HashMap<>(device);
        booking.put("Idempotency-Key", UUID.randomUUID().toString());
        Api.Response accepted = healthy.post("/api/v1/bookings", token, "{\"holdId\":\"" + holdId + "\"}", booking);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String bookingId = accepted.json().path("bookingId").asString();
        JsonNode confirmed = Players.awaitFinal(healthy, bookingId, Duration.ofSeconds(20));
        assertThat(confirmed.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("rank").isObject()).as(confirmed.toString()).isTrue();

        try (ConfigurableApplicationContext cut =
                startWithoutMysql(parkedQueue(), Map.of("spring.cloud.aws.sqs.listener.auto-startup", "false"))) {
            Api.Response view = world.api(cut).get("/api/v1/bookings/" + bookingId);

            assertThat(view.status()).as(view.toString()).isEqualTo(200);
            assertThat(view.json().path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(view.json().path("seatId").asString()).isEqualTo("E-9");
            assertThat(view.json().path("durationMs").asLong())
                    .isEqualTo(confirmed.path("durationMs").asLong());
            assertThat(view.json().path("rank").isObject()).as(view.toString()).isFalse();

            Api.Response debrief = world.api(cut)
                    .send("GET", "/api/v1/rounds/" + round.id() + "/debriefs/" + ticket, null, null, device);
            assertThat(debrief.status()).as(debrief.toString()).isEqualTo(200);
            assertThat(debrief.json().path("outcome").asString())
                    .as("the debrief tells the same outcome, not PENDING")
                    .isEqualTo("CONFIRMED");
        }
    }

    /**
     * A deploy or a scale-in stops an instance in the middle of the outage. Its listener, waiting for MySQL with a
     * booking's confirmation, hands the message back at once (visible again for another instance 2 s later, not 30 s), and
     * the instance stops without waiting for it (the container would wait 20 s, then interrupt it).
     */
    @Test
    void anInstanceStoppingDuringTheOutageHandsItsConfirmationsBackAtOnce() {
        String queue = parkedQueue();
        ConfigurableApplicationContext cut =
                startWithoutMysql(queue, Map.of("ticketing.queue.visibility-seconds", "30"));
        Api.Response accepted = accepted(world.api(cut), world.freshRound(), "handback", "E-8");
        Counter waits = cut.getBean(MeterRegistry.class).counter("ticketing.confirmation.waits");
        Instant deadline = Instant.now().plusSeconds(20);
        while (waits.count() == 0 && Instant.now().isBefore(deadline)) {
            Players.sleep(100);
        }
        assertThat(waits.count())
                .as("the listener waits for MySQL with the confirmation")
                .isPositive();

        Instant closing = Instant.now();
        cut.close();
        Duration closed = Duration.between(closing, Instant.now());

        assertThat(closed).as("the shutdown did not wait for the listener").isLessThan(Duration.ofSeconds(10));
        try (SqsClient sqs = sqs()) {
            String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
            List<String> bodies = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(10)).messages().stream()
                    .map(Message::body)
                    .toList();
            assertThat(bodies)
                    .as("visible again within seconds, though its visibility had been extended to 30 s")
                    .singleElement()
                    .asString()
                    .contains(accepted.json().path("bookingId").asString());
        }
    }

    /** An instance whose MySQL does not answer (and no Flyway to wait for it), its confirmations on {@code queue}. */
    private ConfigurableApplicationContext startWithoutMysql(String queue, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(extra);
        properties.put("spring.datasource.url", "jdbc:mysql://127.0.0.1:9/booking");
        properties.put("spring.flyway.enabled", "false");
        properties.put("ticketing.queue.name", queue);
        return world.start(properties);
    }

    /** A player of {@code round} solves a letter, holds {@code seat} and books it: the 202. */
    private Api.Response accepted(Api api, Round round, String nickname, String seat) {
        String token = world.token(round, BookingStack.ticket(), nickname, false);
        solveCaptcha(api, token);
        String holdId = hold(api, token, round, seat).json().path("holdId").asString();
        Api.Response accepted = book(api, token, holdId);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted;
    }

    private String parkedQueue() {
        String name = "it-parked-" + UUID.randomUUID();
        try (SqsClient sqs = sqs()) {
            sqs.createQueue(b -> b.queueName(name));
        }
        return name;
    }

    private SqsClient sqs() {
        return SqsClient.builder()
                .endpointOverride(URI.create(world.stack.sqsEndpoint()))
                .region(Region.of(LocalStack.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalStack.ACCESS_KEY, LocalStack.SECRET_KEY)))
                .build();
    }
}
