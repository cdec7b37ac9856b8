package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The serving counter of a round as one instance's ticker saw it at {@code at}: the state, what the counter keeps
 * between advances ({@code accumulated} rate up to {@code integratedUntil}), and the round's seal once it has one.
 */
public record RoundSnapshot(
        Round round,
        ServingState state,
        Instant at,
        double accumulated,
        Instant integratedUntil,
        Optional<RoundSeal> seal) {

    /** Guards {@code floor} against binary fractions, as {@code serving.lua} does. */
    private static final double EPSILON = 1e-9;

    public static RoundSnapshot of(Round round, WaitingRoom.Advance advance, Instant at) {
        return new RoundSnapshot(
                round, advance.state(), at, advance.accumulated(), advance.integratedUntil(), advance.seal());
    }

    public boolean closed() {
        return !at.isBefore(round.closesAt());
    }

    /**
     * The served count an advance at {@code now} would reach, when this snapshot alone can tell it: the same maths as
     * {@code serving.lua}'s advance, from the kept accumulator. Not with a {@code maxActive} cap, which depends on who
     * left since. A ticket numbered {@code queueNumber} proves the round has at least that many entries.
     */
    public OptionalLong servedAt(Instant now, long queueNumber) {
        AdmissionSettings settings = state.settings();
        if (settings.maxActive() > 0) {
            return OptionalLong.empty();
        }
        long until = Math.min(now.toEpochMilli(), round.closesAt().toEpochMilli());
        long last = integratedUntil.toEpochMilli();
        if (until <= last || settings.paused()) {
            return OptionalLong.of(state.served());
        }
        double integrated = accumulated + settings.ratePerSecond() * (until - last) / 1000;
        long target = settings.openBatch() + (long) Math.floor(integrated + EPSILON);
        target = Math.min(target, Math.max(state.entered(), queueNumber));
        return OptionalLong.of(Math.max(state.served(), target));
    }

    /** This snapshot knowing of {@code entered} entries at least (entries this instance made since it was taken). */
    RoundSnapshot withEntered(long entered) {
        if (entered <= state.entered()) {
            return this;
        }
        ServingState more = new ServingState(
                state.served(), entered, state.newlyAdmitted(), state.newlyAdmittedBots(), state.settings());
        return new RoundSnapshot(round, more, at, accumulated, integratedUntil, seal);
    }
}
