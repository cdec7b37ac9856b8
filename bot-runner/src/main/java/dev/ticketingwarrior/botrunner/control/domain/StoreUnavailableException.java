package dev.ticketingwarrior.botrunner.control.domain;

/** The settings/statistics store did not answer in time. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
