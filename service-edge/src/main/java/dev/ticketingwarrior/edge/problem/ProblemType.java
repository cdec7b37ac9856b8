package dev.ticketingwarrior.edge.problem;

import java.net.URI;

/**
 * The stable RFC 9457 problem types of the public API (SPEC §4, §5). Clients match on the {@link #slug()}, the
 * last segment of the {@code type} URI; the web app maps each to a message.
 */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", 400, "Invalid request"),
    INVALID_NICKNAME("invalid-nickname", 400, "Invalid nickname"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    REQUEST_TIMEOUT("request-timeout", 408, "Request not received in time"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    INVALID_BOT_KEY("invalid-bot-key", 401, "Invalid bot key"),
    INVALID_TOKEN("invalid-token", 401, "Invalid admission token"),
    ROUND_NOT_OPEN("round-not-open", 409, "Round not open"),
    NICKNAME_TAKEN("nickname-taken", 409, "Nickname taken"),
    ROUND_CLOSED("round-closed", 403, "Round closed"),
    WRONG_ROUND("wrong-round", 403, "Token is for another round"),
    PLACE_RELEASED("place-released", 403, "Place given to the next player"),
    UNKNOWN_TICKET("unknown-ticket", 404, "Unknown ticket"),
    UNKNOWN_ROUND("unknown-round", 404, "Unknown round"),
    UNKNOWN_SEAT("unknown-seat", 404, "Unknown seat"),
    UNKNOWN_HOLD("unknown-hold", 404, "Unknown hold"),
    UNKNOWN_BOOKING("unknown-booking", 404, "Unknown booking"),
    UNKNOWN_CAPTCHA("unknown-captcha", 404, "Unknown security letter"),
    UNKNOWN_DEBRIEF("unknown-debrief", 404, "Unknown debrief"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    SEAT_TAKEN("seat-taken", 409, "Seat taken"),
    ALREADY_BOOKED("already-booked", 409, "Already booked"),
    IDEMPOTENCY_KEY_REQUIRED("idempotency-key-required", 400, "Idempotency-Key header required"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency-Key reused with another request"),
    IDEMPOTENCY_KEY_IN_PROGRESS(
            "idempotency-key-in-progress", 409, "A request with this Idempotency-Key is in progress"),
    WRONG_ANSWER("wrong-answer", 422, "Wrong answer"),
    CAPTCHA_REQUIRED("captcha-required", 428, "Security letter required"),
    SETTINGS_CHANGED("settings-changed", 412, "Settings changed since they were read"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service temporarily unavailable");

    /** Prefix of every {@code type} URI. It identifies the problem; nothing is served there. */
    public static final String BASE_URI = "https://ticketing-warrior.dev/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE_URI + slug);
    }
}
