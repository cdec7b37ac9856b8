package dev.ticketingwarrior.booking.ranking.domain;

import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.seat.domain.Venue;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Ranks, round results and leaderboards, among human bookings only (bots are the competition, not the field). */
public class RankingService {

    private final Rankings rankings;
    private final Venue venue;
    private final RoundClock clock;
    private final long bucketMs;
    private final int leaderboardSize;

    /** {@code histogramBucket}: the width of a results histogram bucket; {@code leaderboardSize}: its length. */
    public RankingService(
            Rankings rankings, Venue venue, RoundClock clock, Duration histogramBucket, int leaderboardSize) {
        this.rankings = rankings;
        this.venue = venue;
        this.clock = clock;
        this.bucketMs = Math.max(1, histogramBucket.toMillis());
        this.leaderboardSize = leaderboardSize;
    }

    /** The rank of a confirmed human booking; null for bots and rejected bookings. */
    public Rank rank(StoredBooking booking) {
        if (booking.bot() || booking.status() != StoredBooking.Status.CONFIRMED) {
            return null;
        }
        Rankings.RoundCounts round = rankings.roundCounts(booking.roundId(), booking.durationMs());
        Rankings.WeekCounts week = rankings.weekCounts(mondayOf(booking.bookedAt()), booking.durationMs());
        return new Rank(
                Rank.Standing.of(round.fasterHumans(), round.humans()),
                Rank.Standing.of(week.fasterHumans(), week.humans()),
                RankMaths.beatenPercent(round.slowerBots(), round.bots()));
    }

    public Results results(RoundId roundId) {
        Round round = clock.round(roundId);
        String id = roundId.value();
        long sold = rankings.soldCount(id);
        Rankings.Summary humans = rankings.summary(id, false);
        Rankings.Summary bots = rankings.summary(id, true);
        Long soldOutMs = null;
        if (sold >= venue.size() && sold > 0) {
            soldOutMs = max(humans.slowestMs(), bots.slowestMs());
        }
        TreeMap<Long, long[]> buckets = new TreeMap<>();
        for (Rankings.BucketCount count : rankings.histogram(id, bucketMs)) {
            buckets.computeIfAbsent(count.bucket(), b -> new long[2])[count.bot() ? 1 : 0] += count.count();
        }
        List<Results.Bucket> histogram = new ArrayList<>();
        if (!buckets.isEmpty()) {
            for (long b = 0; b <= buckets.lastKey(); b++) {
                long[] n = buckets.getOrDefault(b, new long[2]);
                histogram.add(new Results.Bucket(b * bucketMs, (b + 1) * bucketMs, n[0], n[1]));
            }
        }
        return new Results(
                id,
                new Results.Seats(venue.size(), sold),
                soldOutMs,
                soldOutMs == null ? null : round.opensAt().plusMillis(soldOutMs),
                Results.Group.of(humans),
                Results.Group.of(bots),
                new Results.Histogram(bucketMs, histogram),
                rankings.fastestHumans(id, 10));
    }

    public Leaderboard leaderboard(Period period) {
        LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        return switch (period) {
            case DAY -> new Leaderboard("day", today, rankings.fastestHumansOfDay(today, leaderboardSize));
            case WEEK -> {
                LocalDate monday = mondayOf(clock.now());
                yield new Leaderboard("week", monday, rankings.fastestHumansOfWeek(monday, leaderboardSize));
            }
        };
    }

    static LocalDate mondayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Long max(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }

    /** Leaderboard periods. */
    public enum Period {
        DAY,
        WEEK
    }

    /** {@code GET /api/v1/leaderboard}: the fastest humans of the day or week (UTC; weeks start on Monday). */
    public record Leaderboard(String period, LocalDate from, List<Rankings.Leader> entries) {}

    /** {@code GET /api/v1/rounds/{roundId}/results}. */
    public record Results(
            String roundId,
            Seats seats,
            Long soldOutMs,
            Instant soldOutAt,
            Group humans,
            Group bots,
            Histogram histogram,
            List<Rankings.Leader> topHumans) {

        public record Seats(long total, long sold) {}

        public record Group(long count, Long bestMs, Long medianMs) {

            static Group of(Rankings.Summary summary) {
                return new Group(summary.count(), summary.bestMs(), summary.medianMs());
            }
        }

        public record Histogram(long bucketMs, List<Bucket> buckets) {}

        public record Bucket(long fromMs, long toMs, long humans, long bots) {}
    }
}
