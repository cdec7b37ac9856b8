package dev.ticketingwarrior.botrunner.fleet.domain;

import dev.ticketingwarrior.botrunner.bot.domain.BotEvents;
import dev.ticketingwarrior.botrunner.bot.domain.BotOutcome;
import dev.ticketingwarrior.botrunner.bot.domain.BotPlan;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Starts a bot at its scheduled start and guarantees no bot outlives its round (SPEC §6: nothing leaks into the next
 * round): a bot whose start is at or after the close, or that finds the round closed or the fleet disabled when its
 * timer fires, is never launched; a launched bot is cut off at the close, whatever it is doing, and counts as lost.
 * Time is read from the injected {@link Clock}; the waits run on the given {@link Scheduler}.
 */
public final class RoundLauncher {

    private final Clock clock;
    private final Scheduler timer;
    private final BotEvents events;

    public RoundLauncher(Clock clock, Scheduler timer, BotEvents events) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * The bot's outcome, or empty when it was never launched. {@code play} is only called for a launched bot.
     *
     * @param enabled read when the timer fires: ops may have switched the bots off since the bot was planned
     */
    public Mono<BotOutcome> launch(BotPlan plan, Function<BotPlan, Mono<BotOutcome>> play, BooleanSupplier enabled) {
        Round round = plan.round();
        if (!plan.scheduledStart().isBefore(round.closesAt())) {
            return Mono.empty();
        }
        return Mono.defer(() -> Mono.delay(positive(Duration.between(clock.instant(), plan.scheduledStart())), timer))
                .flatMap(fired -> {
                    Instant now = clock.instant();
                    if (!now.isBefore(round.closesAt()) || !enabled.getAsBoolean()) {
                        return Mono.empty();
                    }
                    events.launched(round.id(), positive(Duration.between(plan.scheduledStart(), now)));
                    return Mono.defer(() -> play.apply(plan))
                            .timeout(
                                    Duration.between(now, round.closesAt()),
                                    Mono.fromSupplier(() -> new BotOutcome.Lost("cut off at the close")),
                                    timer)
                            .onErrorResume(e -> Mono.just(BotOutcome.Failed.of(e)))
                            .doOnNext(outcome -> events.finished(round.id(), outcome));
                });
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
