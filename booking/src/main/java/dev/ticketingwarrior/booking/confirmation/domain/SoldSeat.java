package dev.ticketingwarrior.booking.confirmation.domain;

/** A seat as MySQL sold it: to which ticket, by which booking (a CONFIRMED row). */
public record SoldSeat(String seatId, String ticketId, String bookingId) {}
