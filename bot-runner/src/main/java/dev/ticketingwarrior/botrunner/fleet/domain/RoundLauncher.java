package dev.ticketingwarrior.botrunner.fleet.domain;

import dev.ticketingwarrior.botrunner.bot.domain.BotEvents;
import dev.ticketingwarrior.botrunner.bot.domain.BotOutcome;
import dev.ticketingwarrior.botrunner.bot.domain.BotPlan;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Starts bots at their scheduled start and guarantees no bot outlives its round (SPEC §6: nothing leaks into the next
 * round): a bot whose start is at or after the close, or that finds the round closed or the fleet disabled when its
 * moment comes, is never launched; a launched bot is cut off at the close, whatever it is doing, and counts as lost.
 *
 * <p>One timer per batch of plans, not one per bot: the plans are sorted by start and a single task walks them, each
 * time it fires launching every bot whose start has come (in order, each with its own reading of the clock, so the
 * launch lag it reports is the bot's own), then sleeping until the next start. Nothing of a bot's pipeline exists
 * before its moment: thousands of bots planned ahead cost a sorted array, not thousands of pending timers and
 * subscriber chains for the collector to copy. Time is read from the injected {@link Clock}; the walks and the
 * close's cut-off run on the given {@link Scheduler}s.
 */
public final class RoundLauncher {

    private static final Logger log = LoggerFactory.getLogger(RoundLauncher.class);

    /**
     * Bots launched in one go before the timer lets other tasks of its thread run (and comes straight back): a
     * backlog after a stall does not hold up the bots' own timers on that thread.
     */
    static final int MAX_LAUNCHES_PER_FIRE = 64;

    private final Clock clock;
    private final Scheduler launches;
    private final Scheduler timer;
    private final BotEvents events;

    /**
     * @param launches where the walks over the plans run: best a thread of their own, so a bot's moment is not
     *     queued behind the other bots' timers
     * @param timer the close's cut-off
     */
    public RoundLauncher(Clock clock, Scheduler launches, Scheduler timer, BotEvents events) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.launches = Objects.requireNonNull(launches, "launches");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * Launches each bot of {@code plans} at (or, when the thread is late, right after) its scheduled start, in order
     * of start; {@code play} is only called for a launched bot, and its outcome is reported to the events. Disposing
     * the answer stops the launches still to come and cuts off the launched bots.
     *
     * @param enabled read at each bot's moment: ops may have switched the bots off since it was planned
     */
    public Disposable launchAll(
            List<BotPlan> plans, Function<BotPlan, Mono<BotOutcome>> play, BooleanSupplier enabled) {
        BotPlan[] due = plans.stream()
                .filter(plan -> plan.scheduledStart().isBefore(plan.round().closesAt()))
                .sorted(Comparator.comparing(BotPlan::scheduledStart))
                .toArray(BotPlan[]::new);
        Disposable.Composite handle = Disposables.composite();
        if (due.length == 0) {
            return handle;
        }
        Scheduler.Worker worker = launches.createWorker();
        handle.add(worker);
        new Walk(due, play, enabled, worker, handle).sleepUntilNext();
        return handle;
    }

    private Mono<BotOutcome> start(BotPlan plan, Instant now, Function<BotPlan, Mono<BotOutcome>> play) {
        Round round = plan.round();
        events.launched(round.id(), positive(Duration.between(plan.scheduledStart(), now)));
        return Mono.defer(() -> play.apply(plan))
                .timeout(
                        Duration.between(now, round.closesAt()),
                        Mono.fromSupplier(() -> new BotOutcome.Lost("cut off at the close")),
                        timer)
                .onErrorResume(e -> Mono.just(BotOutcome.Failed.of(e)))
                .doOnNext(outcome -> events.finished(round.id(), outcome));
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /** The walk over one batch's sorted plans; its tasks run one at a time on its worker. */
    private final class Walk {

        private final BotPlan[] plans;
        private final Function<BotPlan, Mono<BotOutcome>> play;
        private final BooleanSupplier enabled;
        private final Scheduler.Worker worker;
        private final Disposable.Composite bots;
        private int next;

        Walk(
                BotPlan[] plans,
                Function<BotPlan, Mono<BotOutcome>> play,
                BooleanSupplier enabled,
                Scheduler.Worker worker,
                Disposable.Composite bots) {
            this.plans = plans;
            this.play = play;
            this.enabled = enabled;
            this.worker = worker;
            this.bots = bots;
        }

        private void fire() {
            int launched = 0;
            while (next < plans.length && launched < MAX_LAUNCHES_PER_FIRE && !bots.isDisposed()) {
                BotPlan plan = plans[next];
                // read per bot: launching the ones before it took time, and its lag is its own
                Instant now = clock.instant();
                if (now.isBefore(plan.scheduledStart())) {
                    break;
                }
                plans[next++] = null;
                launched++;
                if (!now.isBefore(plan.round().closesAt()) || !enabled.getAsBoolean()) {
                    continue;
                }
                bots.add(start(plan, now, play)
                        .subscribe(
                                outcome -> {},
                                e -> log.warn(
                                        "round {}: a bot launch failed: {}",
                                        plan.round().id(),
                                        e.toString())));
            }
            sleepUntilNext();
        }

        private void sleepUntilNext() {
            if (next >= plans.length || bots.isDisposed()) {
                return;
            }
            long nanos = Duration.between(clock.instant(), plans[next].scheduledStart())
                    .toNanos();
            try {
                worker.schedule(this::fire, Math.max(0, nanos), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                // disposed meanwhile (the instance stops): nothing more to launch
            }
        }
    }
}
