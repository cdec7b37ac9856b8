package dev.ticketingwarrior.booking.sale.domain;

import static dev.ticketingwarrior.booking.sale.domain.Fakes.OPENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.round.RoundRetention;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbandonedHoldsTests {

    @Test
    void sweepsThePreviousAndTheCurrentRoundAndCountsWhoItReported() {
        Instant now = OPENS.plusSeconds(5);
        RoundClock clock = Fakes.clockAt(now);
        List<String> swept = new ArrayList<>();
        Fakes.HoldsInMemory holds = new Fakes.HoldsInMemory(new Fakes.SeatLocksInMemory()) {
            @Override
            public int reportAbandoned(RoundId round, Instant at, Duration retention) {
                swept.add(round + " at " + at + " kept " + retention);
                return 2;
            }
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AbandonedHolds abandoned =
                new AbandonedHolds(holds, clock, new RoundRetention(clock, Duration.ofMinutes(10)), meters);

        assertThat(abandoned.sweep()).isEqualTo(4);

        // the current round ends in 55 s, the previous one has ended: each keeps its keys 10 minutes after its end
        assertThat(swept)
                .containsExactly(
                        "20261124T101400Z at " + now + " kept PT10M", "20261124T101500Z at " + now + " kept PT10M55S");
        assertThat(meters.counter("ticketing.holds", "result", "abandoned").count())
                .isEqualTo(4);
    }
}
