package dev.ticketingwarrior.booking.debrief.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.debrief.domain.Attempt;
import dev.ticketingwarrior.booking.debrief.domain.SeatResult;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisLiveAttemptsTests {

    @Test
    void readsASeatAttemptWithItsTaker() {
        assertThat(RedisLiveAttempts.seat("1700000000500|B-3|TAKEN|1700000000100|0|lee"))
                .contains(new Attempt.SeatAttempt(
                        Instant.ofEpochMilli(1_700_000_000_500L),
                        "B-3",
                        SeatResult.TAKEN,
                        Optional.of(new Attempt.Taker(
                                Optional.of("lee"), false, Instant.ofEpochMilli(1_700_000_000_100L)))));
    }

    @Test
    void aSeatIdWithTheSeparatorsReadsBackAsSent() {
        String sent = "A|B%7C|";

        Optional<Attempt.SeatAttempt> read =
                RedisLiveAttempts.seat("1700000000500|" + RedisLiveAttempts.field(sent) + "|UNKNOWN_SEAT|");

        assertThat(read).map(Attempt.SeatAttempt::seatId).contains(sent);
    }

    @Test
    void leavesOutALineThatDoesNotRead() {
        assertThat(RedisLiveAttempts.seat("1700000000500|A|B|UNKNOWN_SEAT|")).isEmpty();
        assertThat(RedisLiveAttempts.seat("garbage")).isEmpty();
    }
}
