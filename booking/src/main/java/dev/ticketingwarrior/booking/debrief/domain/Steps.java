package dev.ticketingwarrior.booking.debrief.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * The five steps of an attempt in ms, each {@code null} when not reached (SPEC §12): {@code entryMs} open→entered,
 * {@code waitMs} entered→admitted, {@code letterMs} admitted→letter solved, {@code pickMs} letter solved→held (the hold
 * that was booked; without a booking, → the last seat attempt), {@code confirmMs} held→booked. Not the booking view's
 * splits, whose {@code seatMs} is admitted→held.
 */
public record Steps(Long entryMs, Long waitMs, Long letterMs, Long pickMs, Long confirmMs) {

    /** The steps by name, as the debrief's {@code costliest.step} names them. */
    public enum Step {
        ENTRY("entry"),
        WAIT("wait"),
        LETTER("letter"),
        PICK("pick"),
        CONFIRM("confirm");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The steps of {@code attempt} in a round that opened at {@code open}. */
    public static Steps of(Attempt attempt, Instant open) {
        Optional<Instant> letter = attempt.letterSolvedAt();
        Optional<Instant> picked = attempt.booked().map(Attempt.Booked::heldAt).or(attempt::lastSeatAt);
        return new Steps(
                ms(Optional.of(open), Optional.of(attempt.enteredAt())),
                ms(Optional.of(attempt.enteredAt()), attempt.admittedAt()),
                ms(attempt.admittedAt(), letter),
                ms(letter, picked),
                attempt.booked()
                        .map(b ->
                                Math.max(0, Duration.between(b.heldAt(), b.at()).toMillis()))
                        .orElse(null));
    }

    /**
     * The steps of an attempt the round closed on, for naming the step that cost most: the step an admitted player was
     * still on at {@code close} counts until then (a letter never solved: admitted→close; a letter solved and no seat
     * tried: solved→close). The player spent at least that on it, which is what the debrief must not call nothing.
     * Any other attempt's steps are {@link #of}'s.
     */
    public static Steps untilClose(Attempt attempt, Instant open, Instant close) {
        Steps steps = of(attempt, open);
        Optional<Step> still = stillOn(attempt);
        if (still.equals(Optional.of(Step.LETTER))) {
            return new Steps(steps.entryMs, steps.waitMs, ms(attempt.admittedAt(), Optional.of(close)), null, null);
        }
        if (still.equals(Optional.of(Step.PICK))) {
            return new Steps(
                    steps.entryMs,
                    steps.waitMs,
                    steps.letterMs,
                    ms(attempt.letterSolvedAt(), Optional.of(close)),
                    null);
        }
        return steps;
    }

    /**
     * The step {@link #untilClose} counts until the close: LETTER for a letter never solved, PICK for a solved letter
     * and no seat tried; empty otherwise.
     */
    public static Optional<Step> stillOn(Attempt attempt) {
        return caughtOn(attempt)
                .filter(step -> step == Step.LETTER
                        || (step == Step.PICK && attempt.lastSeatAt().isEmpty()));
    }

    /**
     * The step a round's close catches an attempt on, empty for one that booked: WAIT not admitted, LETTER not solved,
     * CONFIRM holding the seat it tried last, else PICK.
     */
    public static Optional<Step> caughtOn(Attempt attempt) {
        if (attempt.booked().isPresent()) {
            return Optional.empty();
        }
        if (attempt.admittedAt().isEmpty()) {
            return Optional.of(Step.WAIT);
        }
        if (attempt.letterSolvedAt().isEmpty()) {
            return Optional.of(Step.LETTER);
        }
        boolean holding = attempt.seats().stream()
                .max(Comparator.comparing(Attempt.SeatAttempt::at))
                .filter(last -> last.result() == SeatResult.HELD)
                .isPresent();
        return Optional.of(holding ? Step.CONFIRM : Step.PICK);
    }

    /** open→booked, the booking's {@code durationMs}; {@code null} without a booking. */
    public static Long totalMs(Attempt attempt, Instant open) {
        return attempt.booked()
                .map(b -> Math.max(0, Duration.between(open, b.at()).toMillis()))
                .orElse(null);
    }

    public Long of(Step step) {
        return switch (step) {
            case ENTRY -> entryMs;
            case WAIT -> waitMs;
            case LETTER -> letterMs;
            case PICK -> pickMs;
            case CONFIRM -> confirmMs;
        };
    }

    /** ms from one to the other, never negative; {@code null} when either is missing. */
    private static Long ms(Optional<Instant> from, Optional<Instant> to) {
        if (from.isEmpty() || to.isEmpty()) {
            return null;
        }
        return Math.max(0, Duration.between(from.get(), to.get()).toMillis());
    }
}
