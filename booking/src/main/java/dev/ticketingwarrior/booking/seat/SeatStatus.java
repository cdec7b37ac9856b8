package dev.ticketingwarrior.booking.seat;

/** What a seat shows on the map. */
public enum SeatStatus {
    AVAILABLE,
    HELD,
    SOLD
}
