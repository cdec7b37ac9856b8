package dev.ticketingwarrior.booking.booking;

import dev.ticketingwarrior.booking.confirmation.BookingConfirmationMessage;

/** Where accepted bookings go to be confirmed; {@link #send} returns only once the message is safely stored. */
public interface ConfirmationOutbox {

    void send(BookingConfirmationMessage message);
}
