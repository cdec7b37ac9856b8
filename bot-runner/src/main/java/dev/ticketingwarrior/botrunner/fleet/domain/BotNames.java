package dev.ticketingwarrior.botrunner.fleet.domain;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Bot nicknames: {@code bot-<tag>-<slot>}, the tag four random characters per instance, the slot base 36. Slots are
 * unique per round, so no two bots of a round ever share a nickname (admission would give them one ticket). At most
 * 4 + 4 + 1 + 4 = 13 characters for any {@code perRound} up to 1.6 million — well within the nickname rule.
 */
public final class BotNames {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final String tag;

    public BotNames(String tag) {
        if (tag == null || !tag.matches("[a-z0-9]{1,6}")) {
            throw new IllegalArgumentException("tag must be 1-6 of [a-z0-9]: " + tag);
        }
        this.tag = tag;
    }

    public static BotNames random(RandomGenerator random) {
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            tag.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new BotNames(tag.toString());
    }

    public String tag() {
        return tag;
    }

    public String nickname(long slot) {
        return "bot-" + tag + "-" + Long.toString(slot, 36).toLowerCase(Locale.ROOT);
    }
}
