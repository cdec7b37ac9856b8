package dev.ticketingwarrior.booking.web;

/** A request body grew past the limit while being read (a chunked body without Content-Length). */
final class PayloadTooLargeException extends java.io.IOException {

    PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
