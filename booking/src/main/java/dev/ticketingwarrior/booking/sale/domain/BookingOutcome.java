package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;

/** The outcome of a booking request. */
public sealed interface BookingOutcome {

    record Accepted(BookingId bookingId, String seatId) implements BookingOutcome {}

    record AlreadyBooked() implements BookingOutcome {}

    record UnknownHold(String detail) implements BookingOutcome {}

    record SeatTaken(String seatId) implements BookingOutcome {}

    record KeyReused() implements BookingOutcome {}

    record InProgress() implements BookingOutcome {}
}
