package dev.ticketingwarrior.botrunner.fleet.domain;

import java.util.random.RandomGenerator;

/**
 * Bot nicknames: {@code bot-<tag>-<slot>}, the tag four random characters per instance, the slot in decimal. Slots are
 * unique per round, so no two bots of a round ever share a nickname, nor one that looks like it (admission keeps a
 * nickname's owner under its look-alike key: {@code 1} and {@code l}, {@code rn} and {@code m} would be one nickname,
 * so the slot has digits only and the tag none of those letters). At most 4 + 4 + 1 + 7 = 16 characters for any
 * {@code perRound} up to 10 million — within the nickname rule.
 */
public final class BotNames {

    /** No two characters that look alike ({@code 0}/{@code o}, {@code 1}/{@code l}/{@code i}) nor {@code m}/{@code rn}. */
    static final String ALPHABET = "abcdefghjknpqrstuvwxyz23456789";

    private final String tag;

    public BotNames(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > 6 || !tag.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("tag must be 1-6 of " + ALPHABET + ": " + tag);
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
        return "bot-" + tag + "-" + slot;
    }
}
