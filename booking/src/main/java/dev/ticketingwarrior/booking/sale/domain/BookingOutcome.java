package dev.ticketingwarrior.booking.sale.domain;

/** The outcome of a booking request. */
public sealed interface BookingOutcome {

    record Accepted(String bookingId, String seatId) implements BookingOutcome {}

    record AlreadyBooked() implements BookingOutcome {}

    record UnknownHold(String detail) implements BookingOutcome {}

    record SeatTaken(String seatId) implements BookingOutcome {}

    record KeyReused() implements BookingOutcome {}

    record InProgress() implements BookingOutcome {}
}
