package dev.ticketingwarrior.booking.seat.domain;

import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.List;

/** The seat map of a round: the venue's seats with their live status. */
public class SeatMapService {

    private final Venue venue;
    private final SeatStates live;
    private final SeatStates archived;
    private final RoundRetention retention;
    private final RoundClock clock;

    /**
     * {@code live}: the seats in Redis while the round's keys are kept ({@code retention}); {@code archived}: the
     * confirmed seats in MySQL, for a round whose keys are gone (an old round's map then still shows what was sold).
     */
    public SeatMapService(
            Venue venue, SeatStates live, SeatStates archived, RoundRetention retention, RoundClock clock) {
        this.venue = venue;
        this.live = live;
        this.archived = archived;
        this.retention = retention;
        this.clock = clock;
    }

    public SeatMap seatMap(RoundId round) {
        SeatStates.Snapshot snapshot =
                retention.kept(clock.round(round)) ? live.snapshot(round) : archived.snapshot(round);
        Instant now = clock.now();
        List<SeatMap.SeatView> seats = venue.seats().stream()
                .map(seat -> new SeatMap.SeatView(
                        seat.id(), seat.row(), seat.number(), seat.grade(), status(seat, snapshot, now)))
                .toList();
        return new SeatMap(round.value(), venue.rows(), venue.columns(), seats);
    }

    private static SeatStatus status(Seat seat, SeatStates.Snapshot snapshot, Instant now) {
        if (snapshot.sold().contains(seat.id())) {
            return SeatStatus.SOLD;
        }
        Instant heldUntil = snapshot.heldUntil().get(seat.id());
        return heldUntil != null && heldUntil.isAfter(now) ? SeatStatus.HELD : SeatStatus.AVAILABLE;
    }

    /** The body of {@code GET /api/v1/rounds/{roundId}/seats}. */
    public record SeatMap(String roundId, int rows, int columns, List<SeatView> seats) {

        public record SeatView(String id, String row, int number, Grade grade, SeatStatus status) {}
    }
}
