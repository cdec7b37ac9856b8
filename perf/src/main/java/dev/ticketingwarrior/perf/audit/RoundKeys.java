package dev.ticketingwarrior.perf.audit;

import dev.ticketingwarrior.shared.round.RoundId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few keys of a round the auditor reads, named as booking ({@code booking/sale/redis/RoundKeys}) and admission
 * ({@code scripts/queue/serving.lua}) write them. Every one starts with the round's hash tag {@code {r:<roundId>}}.
 */
final class RoundKeys {

    /** Matches any key carrying a round's hash tag, wherever it sits (Redisson puts a prefix before it). */
    static final String ANY_ROUND_KEY = "*{r:*";

    private static final Pattern TAG = Pattern.compile("\\{r:([^}]*)}");

    private RoundKeys() {}

    static String tag(String roundId) {
        return "{r:" + roundId + "}";
    }

    /** HASH seatId → bookingId of the seats sold. */
    static String sold(String roundId) {
        return tag(roundId) + ":sold";
    }

    /** STRING per accepted booking: the pending copy booking answers PENDING from until MySQL has the row. */
    static String pendingBookingPrefix(String roundId) {
        return tag(roundId) + ":booking:";
    }

    /** HASH of admission's serving counter and settings: rate, batch, maxActive, paused, served, … */
    static String serve(String roundId) {
        return tag(roundId) + ":serve";
    }

    /** HASH ticketId → admitted at (epoch ms). */
    static String admitted(String roundId) {
        return tag(roundId) + ":adm";
    }

    /** The round a key belongs to, if it carries a well-formed round hash tag. */
    static Optional<RoundId> roundOf(String key) {
        Matcher m = TAG.matcher(key);
        while (m.find()) {
            Optional<RoundId> round = RoundId.parse(m.group(1));
            if (round.isPresent()) {
                return round;
            }
        }
        return Optional.empty();
    }
}
