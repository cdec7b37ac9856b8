package dev.ticketingwarrior.botrunner.fleet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.botrunner.bot.domain.BotOutcome;
import dev.ticketingwarrior.botrunner.bot.domain.BotPlan;
import dev.ticketingwarrior.botrunner.bot.domain.Difficulty;
import dev.ticketingwarrior.botrunner.support.RecordingEvents;
import dev.ticketingwarrior.botrunner.support.SchedulerClock;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

class RoundLauncherTests {

    private static final Instant OPEN = Instant.parse("2031-03-01T10:00:00Z");

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final SchedulerClock clock = new SchedulerClock(time, OPEN.minusSeconds(1));
    private final RoundClock rounds = new RoundClock(clock, Duration.ofSeconds(60), Duration.ofSeconds(15));
    private final Round round = rounds.roundAt(OPEN);
    private final RecordingEvents events = new RecordingEvents();
    private final RoundLauncher launcher = new RoundLauncher(clock, time, time, events);
    private final AtomicInteger played = new AtomicInteger();

    @AfterEach
    void disposeTime() {
        time.dispose();
    }

    private BotPlan plannedAt(Instant start) {
        return plannedAt(start, "bot-test-1");
    }

    private BotPlan plannedAt(Instant start, String nickname) {
        return new BotPlan(round, nickname, start, Difficulty.NORMAL.profile(), 0, 1);
    }

    private Function<BotPlan, Mono<BotOutcome>> booksAfter(Duration duration) {
        return plan -> Mono.delay(duration, time).map(tick -> {
            played.incrementAndGet();
            return new BotOutcome.Booked("A-5", "b-1");
        });
    }

    private Disposable launch(BotPlan plan, Function<BotPlan, Mono<BotOutcome>> play) {
        return launcher.launchAll(List.of(plan), play, () -> true);
    }

    @Test
    void neverLaunchesABotScheduledAtTheClose() {
        launch(plannedAt(round.closesAt()), booksAfter(Duration.ZERO));
        time.advanceTimeBy(Duration.ofMinutes(2));

        assertThat(played).hasValue(0);
        assertThat(events.launches).isEmpty();
        assertThat(events.outcomes).isEmpty();
    }

    @Test
    void neverLaunchesABotScheduledAfterTheClose() {
        AtomicBoolean asked = new AtomicBoolean();

        launch(plannedAt(round.closesAt().plusSeconds(3)), plan -> {
            asked.set(true);
            return booksAfter(Duration.ZERO).apply(plan);
        });
        time.advanceTimeBy(Duration.ofMinutes(2));

        assertThat(asked).isFalse();
        assertThat(events.launches).isEmpty();
    }

    @Test
    void doesNotLaunchWhenTheClockHasPassedTheCloseByTheTimeTheTimerFires() {
        // planned in time, but the host stalls (or its clock jumps) past the close before the timer fires
        launch(plannedAt(OPEN.plusSeconds(2)), booksAfter(Duration.ZERO));
        clock.jump(Duration.ofSeconds(20));
        time.advanceTimeBy(Duration.ofSeconds(5));

        assertThat(played).hasValue(0);
        assertThat(events.launches).isEmpty();
    }

    @Test
    void launchesAtTheScheduledStartAndReportsTheOutcome() {
        launch(plannedAt(OPEN.plusMillis(600)), booksAfter(Duration.ofSeconds(3)));

        time.advanceTimeBy(Duration.ofMillis(1000 + 600 - 1));
        assertThat(events.launches).isEmpty();
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(events.launches).containsExactly(Duration.ZERO);

        time.advanceTimeBy(Duration.ofMillis(3000 - 1));
        assertThat(events.outcomes).isEmpty();
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(events.outcomes).containsExactly(new BotOutcome.Booked("A-5", "b-1"));
    }

    @Test
    void launchesEveryBotOfABatchAtOrAfterItsStartInOrderOfStart() {
        // starts in a random order, several sharing a millisecond, more than one timer firing launches at once
        Random random = new Random(7);
        List<BotPlan> plans = new ArrayList<>();
        for (int i = 0; i < 3 * RoundLauncher.MAX_LAUNCHES_PER_FIRE; i++) {
            plans.add(plannedAt(OPEN.plusMillis(random.nextInt(2000)), "bot-test-" + i));
        }
        plans.add(plannedAt(OPEN, "bot-test-first"));
        Collections.shuffle(plans, random);
        List<Instant> startedAt = new CopyOnWriteArrayList<>();
        List<Instant> scheduled = new CopyOnWriteArrayList<>();

        launcher.launchAll(
                plans,
                plan -> Mono.fromSupplier(() -> {
                    startedAt.add(clock.instant());
                    scheduled.add(plan.scheduledStart());
                    return new BotOutcome.Booked("A-5", plan.nickname());
                }),
                () -> true);
        time.advanceTimeBy(Duration.ofSeconds(5));

        assertThat(scheduled).hasSize(plans.size()).isSorted();
        for (int i = 0; i < scheduled.size(); i++) {
            // virtual time stands still while a task runs: each one starts exactly at its moment
            assertThat(startedAt.get(i)).isEqualTo(scheduled.get(i));
        }
        assertThat(events.launches).hasSize(plans.size()).containsOnly(Duration.ZERO);
        assertThat(events.outcomes).hasSize(plans.size());
    }

    @Test
    void stopsLaunchingAndCutsOffLaunchedBotsWhenDisposed() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Disposable handle = launcher.launchAll(
                List.of(plannedAt(OPEN.plusSeconds(1), "bot-test-early"), plannedAt(OPEN.plusSeconds(3))),
                plan -> Mono.<BotOutcome>never().doOnCancel(() -> cancelled.set(true)),
                () -> true);

        time.advanceTimeBy(Duration.ofSeconds(3));
        handle.dispose();
        time.advanceTimeBy(Duration.ofSeconds(5));

        assertThat(cancelled).isTrue();
        assertThat(events.launches).hasSize(1);
    }

    @Test
    void cutsOffARunningBotExactlyAtTheCloseAsLost() {
        AtomicBoolean cancelled = new AtomicBoolean();

        launch(plannedAt(OPEN.plusSeconds(1)), plan -> Mono.<BotOutcome>never().doOnCancel(() -> cancelled.set(true)));
        // one second before the open, the round is 15 s long
        time.advanceTimeBy(Duration.ofSeconds(16).minusMillis(1));
        assertThat(events.outcomes).isEmpty();
        time.advanceTimeBy(Duration.ofMillis(1));

        assertThat(cancelled).isTrue();
        assertThat(clock.instant()).isEqualTo(round.closesAt());
        assertThat(events.outcomes).singleElement().isInstanceOf(BotOutcome.Lost.class);
    }

    @Test
    void doesNotLaunchWhenOpsSwitchedTheBotsOffMeanwhile() {
        AtomicBoolean enabled = new AtomicBoolean(true);

        launcher.launchAll(List.of(plannedAt(OPEN.plusSeconds(2))), booksAfter(Duration.ZERO), enabled::get);
        enabled.set(false);
        time.advanceTimeBy(Duration.ofSeconds(5));

        assertThat(played).hasValue(0);
        assertThat(events.launches).isEmpty();
    }

    @Test
    void measuresTheLaunchLagAgainstTheScheduledStart() {
        // planned for a moment already past (a late claim, or a stalled timer): it starts at once, 2 s late
        clock.jump(Duration.ofSeconds(3));

        launch(plannedAt(OPEN), booksAfter(Duration.ZERO));
        time.advanceTimeBy(Duration.ZERO);

        assertThat(events.launches).containsExactly(Duration.ofSeconds(2));
        assertThat(played).hasValue(1);
    }
}
