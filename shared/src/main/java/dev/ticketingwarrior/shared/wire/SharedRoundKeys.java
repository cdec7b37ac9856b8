package dev.ticketingwarrior.shared.wire;

import dev.ticketingwarrior.shared.round.RoundId;

/**
 * The few Valkey keys two services both touch. Everything else a service stores is its own. Every key carries the
 * round's hash tag, so multi-key scripts stay in one cluster slot and the key dies with its round.
 */
public final class SharedRoundKeys {

    /** In {@link #serving}: the round's ticket key ({@link TicketSeals}), 32 hex digits, set by the first entry. */
    public static final String SEAL_FIELD = "seal";

    /** In {@link #serving}: how many of the round's queue numbers are admitted (1..served). */
    public static final String SERVED_FIELD = "served";

    /** In {@link #serving}: up to when (epoch ms) the counter has advanced; the round's close once it ran to the end. */
    public static final String ADVANCED_UNTIL_FIELD = "last";

    /** In {@link #serving}: the round's cap on active players (SPEC §4's maxActive; 0: none). */
    public static final String MAX_ACTIVE_FIELD = "maxActive";

    /** In {@link #serving}: how many bots were admitted. */
    public static final String ADMITTED_BOTS_FIELD = "admBots";

    private SharedRoundKeys() {}

    /**
     * A SET of ticket ids that left the drill (booked, or a bot that released its hold without booking). Booking adds
     * to it; admission subtracts its size from the admitted count to know how many are still active,
     * which is what {@code maxActive} caps (SPEC §4).
     */
    public static String finishedPlayers(RoundId round) {
        return round.hashTag() + ":finished";
    }

    /**
     * A ZSET queue number → an admitted player's last sign of life (epoch ms): admission adds the player at its
     * admission; booking moves the score on (never back) when the player answers a security letter or holds a seat,
     * and puts back one admission timed out ({@link #abandonedPlayers}). A player silent for admission's active timeout is taken to have left and no
     * longer holds a {@code maxActive} slot (SPEC §4).
     */
    public static String activePlayers(RoundId round) {
        return round.hashTag() + ":active";
    }

    /**
     * A SET of ticket ids admission timed out ({@link #activePlayers}) that never finished: they count as having left,
     * and their places went to the next in line. Booking takes a ticket out of it, and puts it back in the active set,
     * when its player shows a sign of life after all and the round has room for it under {@code maxActive} (read from
     * {@link #serving}); without room the player's move is refused, so coming back never takes the round past the cap.
     */
    public static String abandonedPlayers(RoundId round) {
        return round.hashTag() + ":abandoned";
    }

    /**
     * A STRING counter of the round's entries (humans and bots): admission {@code INCR}s it once per new ticket and
     * hands out the result as the queue number ({@code qn}); booking reads it as "N of M entered" for the debrief
     * (SPEC §12). It expires with admission's other keys of the round.
     */
    public static String entrySequence(RoundId round) {
        return round.hashTag() + ":seq";
    }

    /** A HASH queue number → {@link WaitingTicket} (its stored form), one per entry; written by admission. */
    public static String tickets(RoundId round) {
        return round.hashTag() + ":tickets";
    }

    /**
     * A HASH of the round's serving counter and settings, admission's; the fields another service reads are the
     * {@code *_FIELD} constants above.
     */
    public static String serving(RoundId round) {
        return round.hashTag() + ":serve";
    }

    /** A HASH queue number → admitted-at epoch ms, stamped once by the advance that admitted the ticket. */
    public static String admissions(RoundId round) {
        return round.hashTag() + ":adm";
    }
}
