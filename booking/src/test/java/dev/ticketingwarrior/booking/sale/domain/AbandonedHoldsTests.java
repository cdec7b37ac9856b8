package dev.ticketingwarrior.booking.sale.domain;

import static dev.ticketingwarrior.booking.sale.domain.Fakes.OPENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbandonedHoldsTests {

    @Test
    void sweepsThePreviousAndTheCurrentRoundAndCountsWhatItCleared() {
        Instant now = OPENS.plusSeconds(5);
        RoundClock clock = Fakes.clockAt(now);
        List<String> swept = new ArrayList<>();
        Fakes.HoldsInMemory holds = new Fakes.HoldsInMemory(new Fakes.SeatLocksInMemory()) {
            @Override
            public int clearAbandoned(RoundId round, Instant at) {
                swept.add(round + " at " + at);
                return 2;
            }
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AbandonedHolds abandoned = new AbandonedHolds(holds, clock, meters);

        assertThat(abandoned.sweep()).isEqualTo(4);

        assertThat(swept).containsExactly("20261124T101400Z at " + now, "20261124T101500Z at " + now);
        assertThat(meters.counter("ticketing.holds", "result", "abandoned").count())
                .isEqualTo(4);
    }
}
