package dev.ticketingwarrior.booking.seat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeatMapServiceTests {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:05Z");
    private static final RoundClock CLOCK =
            new RoundClock(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1), Duration.ofSeconds(45));
    private static final RoundRetention RETENTION = new RoundRetention(CLOCK, Duration.ofMinutes(10));
    private static final SeatStates NOTHING_ARCHIVED = round -> {
        throw new AssertionError("the archive is only for rounds whose keys are gone");
    };

    @Test
    void showsSoldSeatsSoldHeldSeatsHeldUntilTheirHoldRunsOutAndTheRestAvailable() {
        SeatStates states = round -> new SeatStates.Snapshot(
                Set.of("A-1"), Map.of("A-2", NOW.plusSeconds(5), "A-3", NOW.minusMillis(1), "A-1", NOW.plusSeconds(5)));
        SeatMapService seats = new SeatMapService(new Venue(2, 3, 1, 0), states, NOTHING_ARCHIVED, RETENTION, CLOCK);

        SeatMapService.SeatMap map = seats.seatMap(new RoundId("20261124T101500Z"));

        assertThat(map.roundId()).isEqualTo("20261124T101500Z");
        assertThat(map.rows()).isEqualTo(2);
        assertThat(map.columns()).isEqualTo(3);
        assertThat(map.seats())
                .extracting(SeatMapService.SeatMap.SeatView::id, SeatMapService.SeatMap.SeatView::status)
                .containsExactly(
                        tuple("A-1", SeatStatus.SOLD),
                        tuple("A-2", SeatStatus.HELD),
                        tuple("A-3", SeatStatus.AVAILABLE),
                        tuple("B-1", SeatStatus.AVAILABLE),
                        tuple("B-2", SeatStatus.AVAILABLE),
                        tuple("B-3", SeatStatus.AVAILABLE));
        assertThat(map.seats().getFirst().grade()).isEqualTo(Grade.VIP);
        assertThat(map.seats().getLast().grade()).isEqualTo(Grade.S);
    }

    @Test
    void showsARoundWhoseKeysAreGoneFromTheArchiveAndTheCurrentOneFromRedis() {
        SeatStates live = round -> new SeatStates.Snapshot(Set.of("A-3"), Map.of());
        SeatStates archived = round -> new SeatStates.Snapshot(Set.of("A-1", "B-2"), Map.of());
        SeatMapService seats = new SeatMapService(new Venue(2, 3, 1, 0), live, archived, RETENTION, CLOCK);

        // ended 10:01:00, kept until 10:11:00: gone by 10:15:05
        assertThat(seats.seatMap(new RoundId("20261124T100000Z")).seats())
                .filteredOn(seat -> seat.status() == SeatStatus.SOLD)
                .extracting(SeatMapService.SeatMap.SeatView::id)
                .containsExactly("A-1", "B-2");
        // ended 10:06:00, still kept
        assertThat(seats.seatMap(new RoundId("20261124T100500Z")).seats())
                .filteredOn(seat -> seat.status() == SeatStatus.SOLD)
                .extracting(SeatMapService.SeatMap.SeatView::id)
                .containsExactly("A-3");
    }
}
