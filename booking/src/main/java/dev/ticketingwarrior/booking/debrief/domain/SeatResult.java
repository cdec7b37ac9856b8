package dev.ticketingwarrior.booking.debrief.domain;

/** How one seat attempt of a player ended, as its debrief shows it. */
public enum SeatResult {
    HELD,
    TAKEN,
    UNKNOWN_SEAT,
    CAPTCHA_REQUIRED
}
