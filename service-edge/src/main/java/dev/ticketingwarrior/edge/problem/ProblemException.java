package dev.ticketingwarrior.edge.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A refusal the client sees as RFC 9457 problem+json of a stable {@link ProblemType}, rendered by the edge. */
public final class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties;
    private final Duration retryAfter;

    private ProblemException(ProblemType type, String detail, Map<String, Object> properties, Duration retryAfter) {
        super(detail, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.properties = Map.copyOf(properties);
        this.retryAfter = retryAfter;
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail, Map.of(), null);
    }

    public static ProblemException of(ProblemType type, String detail, Map<String, Object> properties) {
        return new ProblemException(type, detail, new LinkedHashMap<>(properties), null);
    }

    public static ProblemException of(ProblemType type, String detail, String property, Object value) {
        return new ProblemException(type, detail, Map.of(property, value), null);
    }

    public static ProblemException retryAfter(ProblemType type, String detail, Duration retryAfter) {
        return new ProblemException(type, detail, Map.of(), Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** When set, sent as the {@code Retry-After} header. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
