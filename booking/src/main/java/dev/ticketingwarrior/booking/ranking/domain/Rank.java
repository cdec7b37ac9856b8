package dev.ticketingwarrior.booking.ranking.domain;

/** A human booking's standing: in its round, in its week, and against the round's bots. */
public record Rank(Standing round, Standing week, Double botsBeatenPercent) {

    /** {@code position = 1 + strictly faster}, {@code topPercent = 100·position/total}, and the UI tier. */
    public record Standing(long position, long total, double topPercent, String tier) {

        public static Standing of(long strictlyFaster, long total) {
            long position = RankMaths.position(strictlyFaster);
            long all = Math.max(total, position);
            double top = RankMaths.topPercent(position, all);
            return new Standing(position, all, top, RankMaths.tier(position, all));
        }
    }
}
