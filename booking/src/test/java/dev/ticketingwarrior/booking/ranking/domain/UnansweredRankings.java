package dev.ticketingwarrior.booking.ranking.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.LocalDate;
import java.util.List;

/** A {@link Rankings} that answers nothing: a test's fake overrides the queries its test asks. */
public class UnansweredRankings implements Rankings {

    @Override
    public RoundCounts roundCounts(RoundId round, long durationMs) {
        throw new UnsupportedOperationException("roundCounts");
    }

    @Override
    public WeekCounts weekCounts(LocalDate monday, long durationMs) {
        throw new UnsupportedOperationException("weekCounts");
    }

    @Override
    public Summary summary(RoundId round, boolean bots) {
        throw new UnsupportedOperationException("summary");
    }

    @Override
    public long soldCount(RoundId round) {
        throw new UnsupportedOperationException("soldCount");
    }

    @Override
    public List<BucketCount> histogram(RoundId round, long bucketMs) {
        throw new UnsupportedOperationException("histogram");
    }

    @Override
    public List<Leader> fastestHumans(RoundId round, int limit) {
        throw new UnsupportedOperationException("fastestHumans");
    }

    @Override
    public List<Booked> humansOfDay(LocalDate day, Booked after, int limit) {
        throw new UnsupportedOperationException("humansOfDay");
    }

    @Override
    public List<Booked> humansOfWeek(LocalDate monday, Booked after, int limit) {
        throw new UnsupportedOperationException("humansOfWeek");
    }

    @Override
    public List<Leader> leaders(List<String> bookingIds) {
        throw new UnsupportedOperationException("leaders");
    }
}
