package dev.ticketingwarrior.botrunner.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.botrunner.fleet.domain.FleetScheduler;
import dev.ticketingwarrior.botrunner.support.BotRunnerInstance;
import dev.ticketingwarrior.botrunner.support.StubPublicApi;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Two real bot-runner instances sharing one Redis launch exactly {@code perRound} bots per round between them, and
 * the survivor alone launches all of them once the other is gone. This test is about the launch and sharing logic
 * only: the "public API" is a small local stub that gives every queue entry a 201 ticket and reports every ticket
 * CLOSED (by event stream or by polling), so every bot ends lost right after entering. The real services are played
 * against in {@code BotsAgainstRealServicesIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedLaunchIT {

    private static final Duration PERIOD = Duration.ofSeconds(6);
    private static final Duration OPEN_FOR = Duration.ofSeconds(4);
    private static final int PER_ROUND = 100;
    /** Shares are claimed this long before the open (a round here is closed for only 2 s). */
    private static final Duration PREPARE_AHEAD = Duration.ofSeconds(1);

    private static final RoundClock ROUNDS = new RoundClock(Clock.systemUTC(), PERIOD, OPEN_FOR);

    private static StubPublicApi stub;
    private static BotRunnerInstance first;
    private static BotRunnerInstance second;

    @BeforeAll
    static void startStubAndTwoInstances() throws Exception {
        stub = new StubPublicApi(Clock.systemUTC());
        String namespace = "it-fleet-" + UUID.randomUUID();
        Map<String, Object> properties = Map.of(
                "ticketing.round.period",
                PERIOD.toSeconds() + "s",
                "ticketing.round.open-for",
                OPEN_FOR.toSeconds() + "s",
                "ticketing.bots.enabled",
                "true",
                "ticketing.bots.per-round",
                Integer.toString(PER_ROUND),
                "ticketing.bots.difficulty",
                "HARD",
                "ticketing.bots.sweep-after",
                "1s",
                "ticketing.bots.prepare-ahead",
                PREPARE_AHEAD.toMillis() + "ms",
                "ticketing.http.admission-url",
                stub.baseUrl(),
                "ticketing.http.poll-interval",
                "100ms");
        first = BotRunnerInstance.start(namespace, properties);
        second = BotRunnerInstance.start(namespace, properties);
    }

    @AfterAll
    static void stopAll() {
        for (AutoCloseable closeable : new AutoCloseable[] {second, first, stub}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    @Test
    @Order(1)
    void twoInstancesLaunchExactlyPerRoundBotsBetweenThem() throws InterruptedException {
        // both must have heartbeated before the shares of the round we watch are claimed (PREPARE_AHEAD before its
        // open): skip to a round whose shares are claimed > 2 s from now
        Round round = roundOpeningAfter(Instant.now().plusSeconds(2).plus(PREPARE_AHEAD));
        awaitEndOf(round);

        List<StubPublicApi.EntrySeen> entries = entriesOf(round);
        assertThat(entries).hasSize(PER_ROUND);
        assertThat(entries).extracting(StubPublicApi.EntrySeen::nickname).doesNotHaveDuplicates();
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.nickname()).matches("bot-[a-z0-9]{4}-[a-z0-9]+").hasSizeBetween(2, 20);
            assertThat(entry.botKey()).isEqualTo(BotRunnerInstance.BOT_KEY);
            assertThat(entry.at()).isBefore(round.closesAt());
        });
        Map<String, Long> perInstance = countByInstance(entries);
        assertThat(perInstance).hasSize(2);
        assertThat(perInstance.values()).allSatisfy(count -> assertThat(count).isPositive());

        // the statistics, summed in Redis over both instances, agree; every bot lost (the stub closes every ticket)
        JsonNode stats = settledStatsOf(first, round);
        assertThat(stats.get("launched").asLong()).isEqualTo(PER_ROUND);
        assertThat(stats.get("lost").asLong()).isEqualTo(PER_ROUND);
        assertThat(stats.get("errors").asLong()).isZero();
        // both ways of waiting were used: the event stream and, when it failed, polling
        assertThat(stub.streams()).isPositive();
        assertThat(stub.polls()).isPositive();
    }

    @Test
    @Order(2)
    void theSurvivorLaunchesThemAllWhenTheOtherInstanceIsGone() throws InterruptedException {
        // the second instance goes away: its fleet stops and leaves the membership, as on a shutdown. (Its context
        // stays up: closing one of two Spring contexts in one JVM disposes Reactor Netty's global event loops,
        // which the other context's server and bots share — something only a test with two contexts can hit.)
        second.bean(FleetScheduler.class).stop(Duration.ofSeconds(2));
        Round round = roundOpeningAfter(Instant.now().plusSeconds(1).plus(PREPARE_AHEAD));
        awaitEndOf(round);

        List<StubPublicApi.EntrySeen> entries = entriesOf(round);
        assertThat(entries).hasSize(PER_ROUND);
        assertThat(countByInstance(entries)).hasSize(1);
        assertThat(statsOf(first, round).get("launched").asLong()).isEqualTo(PER_ROUND);
    }

    private static Round roundOpeningAfter(Instant instant) {
        Round round = ROUNDS.nextAfter(instant);
        return round;
    }

    /** Waits until the round's next round opens (+ a margin for the last answers to be counted). */
    private static void awaitEndOf(Round round) throws InterruptedException {
        Duration wait = Duration.between(Instant.now(), round.endsAt().plusMillis(500));
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
    }

    private static List<StubPublicApi.EntrySeen> entriesOf(Round round) {
        return stub.entries().stream()
                .filter(entry ->
                        !entry.at().isBefore(round.opensAt()) && entry.at().isBefore(round.endsAt()))
                .toList();
    }

    private static Map<String, Long> countByInstance(List<StubPublicApi.EntrySeen> entries) {
        Function<StubPublicApi.EntrySeen, String> tag =
                entry -> entry.nickname().split("-")[1];
        return entries.stream().collect(Collectors.groupingBy(tag, Collectors.counting()));
    }

    /** The round's statistics once every bot has an outcome (a loaded machine may count the last ones late). */
    private static JsonNode settledStatsOf(BotRunnerInstance instance, Round round) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        JsonNode stats = statsOf(instance, round);
        while (stats.get("lost").asLong() + stats.get("errors").asLong() < PER_ROUND
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            stats = statsOf(instance, round);
        }
        return stats;
    }

    private static JsonNode statsOf(BotRunnerInstance instance, Round round) {
        JsonNode body = instance.web()
                .get()
                .uri("/api/v1/bots/stats")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + BotRunnerInstance.OPS_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        for (JsonNode stats : body.get("rounds")) {
            if (stats.get("roundId").asString().equals(round.id().value())) {
                return stats;
            }
        }
        throw new AssertionError("no stats for round " + round.id() + " in " + body);
    }
}
