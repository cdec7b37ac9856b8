package dev.ticketingwarrior.edge.servlet;

import java.io.IOException;

/** A request body grew past the limit while being read (a chunked body without Content-Length). */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
