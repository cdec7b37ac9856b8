package dev.ticketingwarrior.booking.ranking.domain;

import java.util.List;

/** The arithmetic of ranks (SPEC §5), kept apart from SQL so it can be checked on known numbers. */
public final class RankMaths {

    private RankMaths() {}

    /** 1 + how many were strictly faster: ties share the better position. */
    public static long position(long strictlyFaster) {
        return 1 + strictlyFaster;
    }

    /**
     * {@code 100 · position / total}, rounded up to one decimal so it never shows a player better than they are: 1st
     * of 2,001 is 0.1 (not "top 0.0 %"), 63rd of 1,250 (5.04 %) is 5.1, in the same tier as the exact share. 100 when
     * there is nobody to compare with.
     */
    public static double topPercent(long position, long total) {
        if (total <= 0) {
            return 100.0;
        }
        return Math.ceilDiv(1000 * position, total) / 10.0;
    }

    /** Share of bots that were slower, rounded down to one decimal (never "100 %" with one bot faster); null without. */
    public static Double beatenPercent(long slower, long total) {
        if (total <= 0) {
            return null;
        }
        return Math.floorDiv(1000 * slower, total) / 10.0;
    }

    /** The UI tier of {@code position} among {@code total}, from the exact share (the same as {@link #topPercent}'s). */
    public static String tier(long position, long total) {
        return tier(total <= 0 ? 100.0 : 100.0 * position / total);
    }

    /** The UI tier of a top percentage: ≤5 % 최상위권, ≤10 % 상위권, ≤20 % 중상위권, else none. */
    public static String tier(double topPercent) {
        if (topPercent <= 5) {
            return "최상위권";
        }
        if (topPercent <= 10) {
            return "상위권";
        }
        if (topPercent <= 20) {
            return "중상위권";
        }
        return null;
    }

    /** Median of ascending values: the middle one, or the mean of the two middle ones (rounded down). */
    public static Long median(List<Long> middle, long count) {
        if (count <= 0 || middle.isEmpty()) {
            return null;
        }
        if (count % 2 == 1 || middle.size() == 1) {
            return middle.getFirst();
        }
        return (middle.get(0) + middle.get(1)) / 2;
    }

    /** Zero-based offset of the first middle value among {@code count} sorted values. */
    public static long medianOffset(long count) {
        return count % 2 == 1 ? count / 2 : Math.max(0, count / 2 - 1);
    }

    /** How many middle values the median needs (1 for odd counts, 2 for even). */
    public static int medianWidth(long count) {
        return count % 2 == 1 ? 1 : 2;
    }

    /** The histogram bucket of a duration. */
    public static long bucket(long durationMs, long bucketMs) {
        return Math.floorDiv(Math.max(0, durationMs), bucketMs);
    }
}
