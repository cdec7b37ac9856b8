package dev.ticketingwarrior.booking.confirmation.domain;

/** Where accepted bookings go to be confirmed; {@link #send} returns only once the booking is safely stored. */
public interface ConfirmationOutbox {

    /**
     * Stores {@code booking}, or fails: with an {@link InDoubtException} (possibly as the cause) when it was handed
     * over but the wait for the acknowledgement ran out, so the queue may have it; otherwise it surely has not.
     */
    void send(AcceptedBooking booking);

    /** The message left, but its acknowledgement did not come in time: it may or may not be queued. */
    final class InDoubtException extends RuntimeException {

        public InDoubtException(String message, Throwable cause) {
            super(message, cause);
        }

        /** Whether {@code failure} or one of its causes is an {@link InDoubtException}. */
        public static boolean in(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof InDoubtException) {
                    return true;
                }
            }
            return false;
        }
    }
}
