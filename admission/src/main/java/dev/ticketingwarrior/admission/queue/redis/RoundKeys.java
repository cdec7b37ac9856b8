package dev.ticketingwarrior.admission.queue.redis;

import dev.ticketingwarrior.edge.limit.LimitKeys;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;
import java.util.ArrayList;
import java.util.List;

/** The keys of one round in the order {@code scripts/queue/serving.lua} expects them; all share the round's hash tag. */
record RoundKeys(RoundId roundId, List<String> all) {

    static RoundKeys of(RoundId roundId) {
        String tag = roundId.hashTag();
        return new RoundKeys(
                roundId,
                List.of(
                        SharedRoundKeys.entrySequence(roundId),
                        tag + ":queue",
                        SharedRoundKeys.tickets(roundId),
                        tag + ":nicks",
                        SharedRoundKeys.serving(roundId),
                        SharedRoundKeys.admissions(roundId),
                        SharedRoundKeys.activePlayers(roundId),
                        SharedRoundKeys.abandonedPlayers(roundId),
                        SharedRoundKeys.finishedPlayers(roundId),
                        tag + ":tokens"));
    }

    String tokens() {
        return all.get(9);
    }

    /**
     * The round's keys for {@code enter.lua}: all of them, then {@code client}'s entry counter (under the round's hash
     * tag, so the entry and its limit are one script in one slot), then the entry keys of the round's nicknames.
     */
    List<String> forEntry(String client) {
        List<String> keys = new ArrayList<>(all.size() + 2);
        keys.addAll(all);
        keys.add(roundId.hashTag() + ":entries:" + LimitKeys.client(client));
        keys.add(roundId.hashTag() + ":entry-keys");
        return keys;
    }
}
