package dev.ticketingwarrior.admission.queue.redis;

import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;
import java.util.List;

/** The keys of one round in the order {@code scripts/serving.lua} expects them; all share the round's hash tag. */
record RoundKeys(RoundId roundId, List<String> all) {

    static RoundKeys of(RoundId roundId) {
        String tag = roundId.hashTag();
        return new RoundKeys(
                roundId,
                List.of(
                        SharedRoundKeys.entrySequence(roundId),
                        tag + ":queue",
                        tag + ":tickets",
                        tag + ":nicks",
                        tag + ":serve",
                        tag + ":adm",
                        tag + ":active",
                        tag + ":abandoned",
                        SharedRoundKeys.finishedPlayers(roundId),
                        tag + ":tokens"));
    }

    String tokens() {
        return all.get(9);
    }
}
