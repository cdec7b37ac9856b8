package dev.ticketingwarrior.booking.ranking.domain;

import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Counting queries over confirmed bookings, each answered from an index (no scans per request). */
public interface Rankings {

    /** Humans strictly faster than {@code durationMs} in the round, humans in total, bots slower, bots in total. */
    RoundCounts roundCounts(RoundId round, long durationMs);

    /** Humans strictly faster in the week starting {@code monday}, and humans in total that week. */
    WeekCounts weekCounts(LocalDate monday, long durationMs);

    Summary summary(RoundId round, boolean bots);

    long soldCount(RoundId round);

    /** Number of bookings per histogram bucket, humans and bots apart. */
    List<BucketCount> histogram(RoundId round, long bucketMs);

    List<Leader> fastestHumans(RoundId round, int limit);

    /**
     * The human bookings of the UTC day {@code day} in leaderboard order (duration, then booking id) that come after
     * {@code after} (null: from the fastest), at most {@code limit}: one page of the leaderboard's walk.
     */
    List<Booked> humansOfDay(LocalDate day, Booked after, int limit);

    /** {@link #humansOfDay} for the ISO week starting {@code monday}. */
    List<Booked> humansOfWeek(LocalDate monday, Booked after, int limit);

    /** The leaderboard rows of these bookings, in the order given. */
    List<Leader> leaders(List<String> bookingIds);

    record RoundCounts(long fasterHumans, long humans, long slowerBots, long bots) {}

    record WeekCounts(long fasterHumans, long humans) {}

    /** Count, best and median duration of humans or bots; best/median null when count is 0. */
    record Summary(long count, Long bestMs, Long medianMs, Long slowestMs) {}

    record BucketCount(long bucket, boolean bot, long count) {}

    record Leader(String bookingId, String roundId, String nickname, String seatId, long durationMs) {}

    /**
     * A human booking as a leaderboard walks them: where it stands, and who booked it ({@code playerId}: empty for a
     * human that sent no device secret). The player stays inside booking: a leaderboard shows {@link Leader}s.
     */
    record Booked(String bookingId, long durationMs, Optional<PlayerId> playerId) {

        public Booked {
            Objects.requireNonNull(bookingId, "bookingId");
            Objects.requireNonNull(playerId, "playerId");
        }
    }
}
