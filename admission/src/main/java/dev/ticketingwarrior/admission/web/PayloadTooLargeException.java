package dev.ticketingwarrior.admission.web;

/** A request body went past the limit while it was being read. */
final class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes", null, false, false);
    }
}
