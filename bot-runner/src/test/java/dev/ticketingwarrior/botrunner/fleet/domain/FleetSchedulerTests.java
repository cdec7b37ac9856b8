package dev.ticketingwarrior.botrunner.fleet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.botrunner.bot.domain.Bot;
import dev.ticketingwarrior.botrunner.bot.domain.Difficulty;
import dev.ticketingwarrior.botrunner.bot.domain.PlayerApi;
import dev.ticketingwarrior.botrunner.bot.domain.SeatMap;
import dev.ticketingwarrior.botrunner.bot.domain.SeatPreference;
import dev.ticketingwarrior.botrunner.control.domain.BotSettings;
import dev.ticketingwarrior.botrunner.support.RecordingEvents;
import dev.ticketingwarrior.botrunner.support.SchedulerClock;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.edge.testing.InMemorySettingsStore;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

class FleetSchedulerTests {

    private static final Instant OPEN = Instant.parse("2031-03-01T10:01:00Z");
    private static final Duration TICK = Duration.ofMillis(100);

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final SchedulerClock clock = new SchedulerClock(time, OPEN.minusSeconds(11));
    private final RoundClock rounds = new RoundClock(clock, Duration.ofSeconds(60), Duration.ofSeconds(15));
    private final RecordingEvents events = new RecordingEvents();
    private final List<Instant> settledAt = new CopyOnWriteArrayList<>();
    private final List<RoundId> settledRounds = new CopyOnWriteArrayList<>();

    @AfterEach
    void disposeTime() {
        time.dispose();
    }

    private FleetScheduler fleet(int perRound) {
        LiveSettings<BotSettings> settings = new LiveSettings<>(
                "bot settings", new InMemorySettingsStore<>(), new BotSettings(true, perRound, Difficulty.NORMAL, 0));
        Consumer<Round> beforeOpen = round -> {
            settledAt.add(clock.instant());
            settledRounds.add(round.id());
        };
        return new FleetScheduler(
                "abcd-1",
                rounds,
                new AloneInTheFleet(),
                new EverySlotGranted(),
                settings,
                new Bot(new SilentApi(), new SeatPreference(0), events, time, 3),
                new RoundLauncher(clock, time, time, events),
                new BotNames("abcd"),
                new FleetScheduler.Timing(
                        TICK,
                        Duration.ofSeconds(1),
                        Duration.ofMillis(1500),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(3)),
                time,
                1,
                beforeOpen);
    }

    /** Ticks as the fleet's loop does, from 11 s before the open until {@code until}. */
    private void tickUntil(FleetScheduler fleet, Instant until) {
        while (clock.instant().isBefore(until)) {
            fleet.tick().block(Duration.ofSeconds(1));
            time.advanceTimeBy(TICK);
        }
    }

    @Test
    void callsTheBeforeOpenHookOnceSettleAheadBeforeAnOpenItHasBotsFor() {
        FleetScheduler fleet = fleet(20);

        tickUntil(fleet, OPEN.plusSeconds(5));

        assertThat(settledAt).containsExactly(OPEN.minusSeconds(3));
        assertThat(settledRounds).containsExactly(rounds.roundAt(OPEN).id());
        // and the bots it was for were launched
        assertThat(events.launches).hasSize(20);
    }

    @Test
    void neverCallsTheBeforeOpenHookWithoutBotsForTheRound() {
        FleetScheduler fleet = fleet(0);

        tickUntil(fleet, OPEN.plusSeconds(5));

        assertThat(settledAt).isEmpty();
    }

    private static final class AloneInTheFleet implements FleetMembership {
        @Override
        public Mono<List<String>> heartbeat(String instanceId) {
            return Mono.just(List.of(instanceId));
        }

        @Override
        public Mono<Void> leave(String instanceId) {
            return Mono.empty();
        }
    }

    private static final class EverySlotGranted implements LaunchSlots {
        private final Map<RoundId, Long> launched = new ConcurrentHashMap<>();

        @Override
        public Mono<SlotClaim> claim(RoundId round, int wanted, int divisor, int perRound) {
            long before = launched.getOrDefault(round, 0L);
            int granted = (int) Math.min(wanted, perRound - before);
            launched.put(round, before + granted);
            return Mono.just(new SlotClaim(granted, before + 1, before + granted, perRound));
        }
    }

    /** Bots that enter and then wait in the queue until they are cut off at the close. */
    private static final class SilentApi implements PlayerApi {
        @Override
        public Mono<Void> prepare(int players, Instant by) {
            return Mono.empty();
        }

        @Override
        public Mono<Entry> enter(String nickname, Consumer<Instant> sent) {
            return Mono.never();
        }

        @Override
        public Mono<Admission> awaitAdmission(String ticketId, Instant deadline) {
            return Mono.never();
        }

        @Override
        public Mono<SeatMap> seats(RoundId round, String token) {
            return Mono.never();
        }

        @Override
        public Mono<HoldResult> hold(RoundId round, String token, String seatId) {
            return Mono.never();
        }

        @Override
        public Mono<Void> release(String token, String holdId) {
            return Mono.never();
        }

        @Override
        public Mono<BookResult> book(String token, String holdId, String idempotencyKey) {
            return Mono.never();
        }
    }
}
