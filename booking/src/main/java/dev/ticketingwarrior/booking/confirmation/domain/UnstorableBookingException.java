package dev.ticketingwarrior.booking.confirmation.domain;

/**
 * The database refused to store a booking as it is (a value outside its column's range, a constraint the message
 * breaks): not an outage, and no retry of the same write will succeed. A batch refused so is written booking by booking,
 * so one such booking cannot hold the others back.
 */
public final class UnstorableBookingException extends RuntimeException {

    public UnstorableBookingException(String message, Throwable cause) {
        super(message, cause);
    }
}
