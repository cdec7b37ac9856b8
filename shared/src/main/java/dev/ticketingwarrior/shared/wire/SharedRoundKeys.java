package dev.ticketingwarrior.shared.wire;

import dev.ticketingwarrior.shared.round.RoundId;

/**
 * The few Valkey keys two services both touch. Everything else a service stores is its own. Every key carries the
 * round's hash tag, so multi-key scripts stay in one cluster slot and the key dies with its round.
 */
public final class SharedRoundKeys {

    private SharedRoundKeys() {}

    /**
     * A SET of ticket ids that left the drill (booked, or gave up: hold released without booking, token expired).
     * Booking adds to it; admission subtracts its size from the admitted count to know how many are still active,
     * which is what {@code maxActive} caps (SPEC §4).
     */
    public static String finishedPlayers(RoundId round) {
        return round.hashTag() + ":finished";
    }

    /**
     * A STRING counter of the round's entries (humans and bots): admission {@code INCR}s it once per new ticket and
     * hands out the result as the queue number ({@code qn}); booking reads it as "N of M entered" for the debrief
     * (SPEC §12). It expires with admission's other keys of the round.
     */
    public static String entrySequence(RoundId round) {
        return round.hashTag() + ":seq";
    }
}
