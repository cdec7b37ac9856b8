package dev.ticketingwarrior.botrunner.bot.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One bot's round, as a player lives it (SPEC §4–§6): enter the queue, wait for admission, pay the security letter's
 * solving time (bots skip the letter itself with their key), then look at the seat map, think, hold the most wanted
 * seat and book it — with a fresh map after a {@code seat-taken}, up to {@code maxSeatAttempts} tries. With its cancel
 * probability it releases the hold instead of booking (취소표), so the seat comes back mid-round.
 *
 * <p>This class does not bound itself by the round's close; {@code RoundLauncher} does, for every bot alike.
 */
public final class Bot {

    private final PlayerApi api;
    private final SeatPreference preference;
    private final BotEvents events;
    private final Scheduler timer;
    private final int maxSeatAttempts;

    public Bot(PlayerApi api, SeatPreference preference, BotEvents events, Scheduler timer, int maxSeatAttempts) {
        this.api = Objects.requireNonNull(api, "api");
        this.preference = Objects.requireNonNull(preference, "preference");
        this.events = Objects.requireNonNull(events, "events");
        this.timer = Objects.requireNonNull(timer, "timer");
        if (maxSeatAttempts < 1) {
            throw new IllegalArgumentException("maxSeatAttempts must be >= 1");
        }
        this.maxSeatAttempts = maxSeatAttempts;
    }

    /** Gets {@code bots} bots of an upcoming round ready by its open (see {@link PlayerApi#prepare}). */
    public Mono<Void> prepare(int bots, Instant opensAt) {
        return api.prepare(bots, opensAt);
    }

    public Mono<BotOutcome> play(BotPlan plan) {
        Run run = new Run(plan, new SplittableRandom(plan.seed()));
        return Mono.defer(() -> api.enter(plan.nickname(), sent -> events.entered(run.round(), lagOf(plan, sent))))
                .flatMap(entry ->
                        api.awaitAdmission(entry.ticketId(), plan.round().closesAt()))
                .flatMap(admission -> switch (admission) {
                    case PlayerApi.Admission.Closed closed ->
                        Mono.<BotOutcome>just(new BotOutcome.Lost("round closed before admission"));
                    case PlayerApi.Admission.Admitted admitted -> {
                        events.admitted(run.round());
                        yield run.admitted(admitted.token());
                    }
                })
                .onErrorResume(RoundOverException.class, e -> Mono.just(new BotOutcome.Lost(e.getMessage())))
                .onErrorResume(e -> Mono.just(BotOutcome.Failed.of(e)));
    }

    private static Duration lagOf(BotPlan plan, Instant sentAt) {
        Duration lag = Duration.between(plan.scheduledStart(), sentAt);
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    /** The mutable part of one bot's round: its random source. */
    private final class Run {

        private final BotPlan plan;
        private final SplittableRandom random;

        Run(BotPlan plan, SplittableRandom random) {
            this.plan = plan;
            this.random = random;
        }

        RoundId round() {
            return plan.round().id();
        }

        Mono<BotOutcome> admitted(String token) {
            // the security letter comes before the first hold, as it does for a human
            return Mono.delay(plan.timing().solve().sample(random), timer).then(Mono.defer(() -> attempt(token, 1)));
        }

        private Mono<BotOutcome> attempt(String token, int attempt) {
            if (attempt > maxSeatAttempts) {
                return Mono.just(new BotOutcome.Lost("seat taken " + maxSeatAttempts + " times"));
            }
            return api.seats(round(), token)
                    .delayUntil(map -> Mono.delay(plan.timing().think().sample(random), timer))
                    .flatMap(map -> preference
                            .pick(map, random)
                            .map(seat -> hold(token, seat, attempt))
                            .orElseGet(() -> Mono.just(new BotOutcome.Lost("sold out"))));
        }

        private Mono<BotOutcome> hold(String token, Seat seat, int attempt) {
            return api.hold(round(), token, seat.id()).flatMap(result -> switch (result) {
                case PlayerApi.HoldResult.Taken taken -> attempt(token, attempt + 1);
                case PlayerApi.HoldResult.Held held ->
                    random.nextDouble() < plan.cancelProbability() ? cancel(token, held) : book(token, held, attempt);
            });
        }

        private Mono<BotOutcome> cancel(String token, PlayerApi.HoldResult.Held held) {
            // it sits on the seat for a moment of hesitation, then lets it go
            return Mono.delay(plan.timing().think().sample(random), timer)
                    .then(api.release(token, held.holdId()))
                    .thenReturn(new BotOutcome.Cancelled(held.seatId()));
        }

        private Mono<BotOutcome> book(String token, PlayerApi.HoldResult.Held held, int attempt) {
            String idempotencyKey = new UUID(random.nextLong(), random.nextLong()).toString();
            return api.book(token, held.holdId(), idempotencyKey).flatMap(result -> switch (result) {
                case PlayerApi.BookResult.Booked booked ->
                    Mono.<BotOutcome>just(new BotOutcome.Booked(booked.seatId(), booked.bookingId()));
                case PlayerApi.BookResult.HoldLost lost -> attempt(token, attempt + 1);
            });
        }
    }
}
