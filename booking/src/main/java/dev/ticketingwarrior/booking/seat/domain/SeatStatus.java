package dev.ticketingwarrior.booking.seat.domain;

/** What a seat shows on the map. */
public enum SeatStatus {
    AVAILABLE,
    HELD,
    SOLD
}
