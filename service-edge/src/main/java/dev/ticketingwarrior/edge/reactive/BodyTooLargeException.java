package dev.ticketingwarrior.edge.reactive;

/** A request body went past the limit while it was being read. */
final class BodyTooLargeException extends RuntimeException {

    BodyTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes", null, false, false);
    }
}
