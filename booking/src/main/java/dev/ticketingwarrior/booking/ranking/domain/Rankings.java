package dev.ticketingwarrior.booking.ranking.domain;

import java.time.LocalDate;
import java.util.List;

/** Counting queries over confirmed bookings, each answered from an index (no scans per request). */
public interface Rankings {

    /** Humans strictly faster than {@code durationMs} in the round, humans in total, bots slower, bots in total. */
    RoundCounts roundCounts(String roundId, long durationMs);

    /** Humans strictly faster in the week starting {@code monday}, and humans in total that week. */
    WeekCounts weekCounts(LocalDate monday, long durationMs);

    Summary summary(String roundId, boolean bots);

    long soldCount(String roundId);

    /** Number of bookings per histogram bucket, humans and bots apart. */
    List<BucketCount> histogram(String roundId, long bucketMs);

    List<Leader> fastestHumans(String roundId, int limit);

    List<Leader> fastestHumansOfDay(LocalDate day, int limit);

    List<Leader> fastestHumansOfWeek(LocalDate monday, int limit);

    record RoundCounts(long fasterHumans, long humans, long slowerBots, long bots) {}

    record WeekCounts(long fasterHumans, long humans) {}

    /** Count, best and median duration of humans or bots; best/median null when count is 0. */
    record Summary(long count, Long bestMs, Long medianMs, Long slowestMs) {}

    record BucketCount(long bucket, boolean bot, long count) {}

    record Leader(String bookingId, String roundId, String nickname, String seatId, long durationMs) {}
}
