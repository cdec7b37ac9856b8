package dev.ticketingwarrior.botrunner.bot.domain;

import java.util.Objects;

/** A public API call a bot has no plan for the outcome of: which call, and why (see {@link Failure}). */
public final class CallFailedException extends RuntimeException {

    private final String call;
    private final Failure failure;

    public CallFailedException(String call, Failure failure, String detail, Throwable cause) {
        // no stack trace: thousands of bots may fail alike when a service is saturated, and the call names the spot
        super(
                call + " " + failure.key() + (detail == null || detail.isEmpty() ? "" : ": " + detail),
                cause,
                false,
                false);
        this.call = Objects.requireNonNull(call, "call");
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public String call() {
        return call;
    }

    public Failure failure() {
        return failure;
    }
}
