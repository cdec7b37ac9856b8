package dev.ticketingwarrior.booking.seat.domain;

/** Seat grades, best first. */
public enum Grade {
    VIP,
    R,
    S
}
