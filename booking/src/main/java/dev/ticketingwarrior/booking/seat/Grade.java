package dev.ticketingwarrior.booking.seat;

/** Seat grades, best first. */
public enum Grade {
    VIP,
    R,
    S
}
