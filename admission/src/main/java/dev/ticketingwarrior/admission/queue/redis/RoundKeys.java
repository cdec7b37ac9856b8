package dev.ticketingwarrior.admission.queue.redis;

import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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

    /**
     * The round's keys for {@code enter.lua}: all of them, then {@code client}'s entry counter (under the round's hash
     * tag, so the entry and its limit are one script in one slot; a long or odd client text is hashed to keep it short).
     */
    List<String> forEntry(String client) {
        String safe = client.length() <= 64 && client.chars().allMatch(c -> c > 32 && c < 127 && c != '{' && c != '}')
                ? client
                : sha256(client);
        List<String> keys = new ArrayList<>(all.size() + 1);
        keys.addAll(all);
        keys.add(roundId.hashTag() + ":entries:" + safe);
        return keys;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
