package dev.ticketingwarrior.booking.ranking.domain;

import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ranks, round results and leaderboards, among human bookings only (bots are the competition, not the field).
 *
 * <p>The day's and week's leaderboards list each player once, at its best booking (SPEC §5, "best humans"): a player
 * is its {@link PlayerId} where the booking has one, otherwise the booking itself (a human that sent no device secret:
 * one row per booking, as before). The board walks the period's human bookings in board order (duration, then booking
 * id: the rank index's own order, read from the index alone) a page at a time and skips a player already listed, so
 * the first booking met of each player is its best; it stops at {@code leaderboardSize} players, then reads those
 * rows. The first page holds four boards' worth of bookings, enough unless a few players fill the top with many rounds
 * each; each further page is twice as long (up to {@value #LONGEST_PAGE}), so even a period of few players and many
 * bookings takes a few reads. A period with fewer players than the board has rows would be walked to its end: the walk
 * stops after {@value #LONGEST_WALK} bookings and shows the players met by then (on a board that short, every one of
 * them is met long before). One SQL query (each player's minimum) would have to group every player of the period
 * before it could sort them; the walk reads little more than the board. The round's top 10 needs none of this: a
 * ticket books once per round.
 */
public class RankingService {

    /** The first page of a leaderboard's walk, in boards. */
    private static final int FIRST_PAGE_BOARDS = 4;

    private static final int LONGEST_PAGE = 1000;

    /** The most bookings one leaderboard read walks: a few index-only pages, whatever the period holds. */
    static final int LONGEST_WALK = 5000;

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
        Rankings.RoundCounts round = rankings.roundCounts(booking.round(), booking.durationMs());
        Rankings.WeekCounts week = rankings.weekCounts(mondayOf(booking.bookedAt()), booking.durationMs());
        return new Rank(
                Rank.Standing.of(round.fasterHumans(), round.humans()),
                Rank.Standing.of(week.fasterHumans(), week.humans()),
                RankMaths.beatenPercent(round.slowerBots(), round.bots()));
    }

    public Results results(RoundId roundId) {
        Round round = clock.round(roundId);
        long sold = rankings.soldCount(roundId);
        Rankings.Summary humans = rankings.summary(roundId, false);
        Rankings.Summary bots = rankings.summary(roundId, true);
        Long soldOutMs = null;
        if (sold >= venue.size() && sold > 0) {
            soldOutMs = max(humans.slowestMs(), bots.slowestMs());
        }
        TreeMap<Long, long[]> buckets = new TreeMap<>();
        for (Rankings.BucketCount count : rankings.histogram(roundId, bucketMs)) {
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
                roundId.value(),
                new Results.Seats(venue.size(), sold),
                soldOutMs,
                soldOutMs == null ? null : round.opensAt().plusMillis(soldOutMs),
                Results.Group.of(humans),
                Results.Group.of(bots),
                new Results.Histogram(bucketMs, histogram),
                rankings.fastestHumans(roundId, 10));
    }

    public Leaderboard leaderboard(Period period) {
        LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        return switch (period) {
            case DAY ->
                new Leaderboard("day", today, bestOfEachPlayer((after, n) -> rankings.humansOfDay(today, after, n)));
            case WEEK -> {
                LocalDate monday = mondayOf(clock.now());
                yield new Leaderboard(
                        "week", monday, bestOfEachPlayer((after, n) -> rankings.humansOfWeek(monday, after, n)));
            }
        };
    }

    /** The first {@code leaderboardSize} players met on {@code walk}, each at the first (best) booking met. */
    private List<Rankings.Leader> bestOfEachPlayer(Walk walk) {
        Set<PlayerId> listed = new HashSet<>();
        List<String> board = new ArrayList<>();
        Rankings.Booked after = null;
        int page = Math.min(LONGEST_PAGE, FIRST_PAGE_BOARDS * leaderboardSize);
        int walked = 0;
        while (board.size() < leaderboardSize && walked < LONGEST_WALK) {
            List<Rankings.Booked> bookings = walk.page(after, Math.min(page, LONGEST_WALK - walked));
            walked += bookings.size();
            for (Rankings.Booked booked : bookings) {
                // the first booking met of a player is its best; a booking of no known player is its own row
                if (booked.playerId().map(listed::add).orElse(true)) {
                    board.add(booked.bookingId());
                    if (board.size() == leaderboardSize) {
                        break;
                    }
                }
            }
            if (bookings.size() < page) {
                break; // the period has no more
            }
            after = bookings.getLast();
            page = Math.min(LONGEST_PAGE, page * 2);
        }
        return board.isEmpty() ? List.of() : rankings.leaders(board);
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

    /** One page of a leaderboard's bookings, after {@code after} (null: the first page). */
    @FunctionalInterface
    private interface Walk {
        List<Rankings.Booked> page(Rankings.Booked after, int size);
    }

    /** Leaderboard periods. */
    public enum Period {
        DAY,
        WEEK
    }

    /**
     * {@code GET /api/v1/leaderboard}: the fastest humans of the day or week (UTC; weeks start on Monday), each player
     * once at its best booking.
     */
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
