package dev.ticketingwarrior.booking.confirmation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A round's CONFIRMED seats as read from MySQL, and {@code asOf}: the database's time just before it read them, from
 * which a later read of the seats confirmed since can go on.
 */
public record SoldSeats(Instant asOf, List<SoldSeat> seats) {

    public SoldSeats {
        Objects.requireNonNull(asOf, "asOf");
        seats = List.copyOf(seats);
    }
}
