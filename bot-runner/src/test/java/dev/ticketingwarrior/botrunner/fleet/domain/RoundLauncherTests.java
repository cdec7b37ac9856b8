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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class RoundLauncherTests {

    private static final Instant OPEN = Instant.parse("2031-03-01T10:00:00Z");

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final SchedulerClock clock = new SchedulerClock(time, OPEN.minusSeconds(1));
    private final RoundClock rounds = new RoundClock(clock, Duration.ofSeconds(60), Duration.ofSeconds(15));
    private final Round round = rounds.roundAt(OPEN);
    private final RecordingEvents events = new RecordingEvents();
    private final RoundLauncher launcher = new RoundLauncher(clock, time, events);
    private final AtomicInteger played = new AtomicInteger();

    @AfterEach
    void disposeTime() {
        time.dispose();
    }

    private BotPlan plannedAt(Instant start) {
        return new BotPlan(round, "bot-test-1", start, Difficulty.NORMAL.profile(), 0, 1);
    }

    private Mono<BotOutcome> booksAfter(Duration duration) {
        return Mono.delay(duration, time).map(tick -> {
            played.incrementAndGet();
            return new BotOutcome.Booked("A-5", "b-1");
        });
    }

    @Test
    void neverLaunchesABotScheduledAtTheClose() {
        StepVerifier.withVirtualTime(
                        () -> launcher.launch(
                                plannedAt(round.closesAt()), plan -> booksAfter(Duration.ZERO), () -> true),
                        () -> time,
                        Long.MAX_VALUE)
                .thenAwait(Duration.ofMinutes(2))
                .verifyComplete();

        assertThat(played).hasValue(0);
        assertThat(events.launches).isEmpty();
        assertThat(events.outcomes).isEmpty();
    }

    @Test
    void neverLaunchesABotScheduledAfterTheClose() {
        AtomicBoolean asked = new AtomicBoolean();

        StepVerifier.withVirtualTime(
                        () -> launcher.launch(
                                plannedAt(round.closesAt().plusSeconds(3)),
                                plan -> {
                                    asked.set(true);
                                    return booksAfter(Duration.ZERO);
                                },
                                () -> true),
                        () -> time,
                        Long.MAX_VALUE)
                .thenAwait(Duration.ofMinutes(2))
                .verifyComplete();

        assertThat(asked).isFalse();
        assertThat(events.launches).isEmpty();
    }

    @Test
    void doesNotLaunchWhenTheClockHasPassedTheCloseByTheTimeTheTimerFires() {
        // planned in time, but the host stalls (or its clock jumps) past the close before the timer fires
        StepVerifier.withVirtualTime(
                        () -> launcher.launch(
                                plannedAt(OPEN.plusSeconds(2)), plan -> booksAfter(Duration.ZERO), () -> true),
                        () -> time,
                        Long.MAX_VALUE)
                .then(() -> clock.jump(Duration.ofSeconds(20)))
                .thenAwait(Duration.ofSeconds(5))
                .verifyComplete();

        assertThat(played).hasValue(0);
        assertThat(events.launches).isEmpty();
    }

    @Test
    void launchesAtTheScheduledStartAndReportsTheOutcome() {
        StepVerifier.withVirtualTime(
                        () -> launcher.launch(
                                plannedAt(OPEN.plusMillis(600)), plan -> booksAfter(Duration.ofSeconds(3)), () -> true),
                        () -> time,
                        Long.MAX_VALUE)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(1000 + 600 + 3000 - 1))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(new BotOutcome.Booked("A-5", "b-1"))
                .verifyComplete();

        assertThat(events.launches).containsExactly(Duration.ZERO);
        assertThat(events.outcomes).containsExactly(new BotOutcome.Booked("A-5", "b-1"));
    }

    @Test
    void cutsOffARunningBotExactlyAtTheCloseAsLost() {
        AtomicBoolean cancelled = new AtomicBoolean();

        StepVerifier.withVirtualTime(
                        () -> launcher.launch(
                                plannedAt(OPEN.plusSeconds(1)),
                                plan -> Mono.<BotOutcome>never().doOnCancel(() -> cancelled.set(true)),
                                () -> true),
                        () -> time,
                        Long.MAX_VALUE)
                .expectSubscription()
                // one second before the open, the round is 15 s long
                .expectNoEvent(Duration.ofSeconds(16).minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .expectNextMatches(outcome -> outcome instanceof BotOutcome.Lost)
                .verifyComplete();

        assertThat(cancelled).isTrue();
        assertThat(clock.instant()).isEqualTo(round.closesAt());
        assertThat(events.outcomes).singleElement().isInstanceOf(BotOutcome.Lost.class);
    }

    @Test
    void doesNotLaunchWhenOpsSwitchedTheBotsOffMeanwhile() {
        AtomicBoolean enabled = new AtomicBoolean(true);

        StepVerifier.withVirtualTime(
                        () -> launcher.launch(
                                plannedAt(OPEN.plusSeconds(2)), plan -> booksAfter(Duration.ZERO), enabled::get),
                        () -> time,
                        Long.MAX_VALUE)
                .then(() -> enabled.set(false))
                .thenAwait(Duration.ofSeconds(5))
                .verifyComplete();

        assertThat(played).hasValue(0);
    }

    @Test
    void measuresTheLaunchLagAgainstTheScheduledStart() {
        // planned for a moment already past (a late claim): it starts at once, 2 s late
        clock.jump(Duration.ofSeconds(3));

        StepVerifier.withVirtualTime(
                        () -> launcher.launch(
                                plannedAt(OPEN.plusSeconds(0)), plan -> booksAfter(Duration.ZERO), () -> true),
                        () -> time,
                        Long.MAX_VALUE)
                .thenAwait()
                .expectNextCount(1)
                .verifyComplete();

        assertThat(events.launches).containsExactly(Duration.ofSeconds(2));
    }
}
