package dev.ticketingwarrior.admission.web;

import dev.ticketingwarrior.shared.problem.ProblemType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A client-facing failure with its stable problem type, rendered once by {@link ProblemAdvice}. */
public final class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties;
    private final Long retryAfterSeconds;

    private ProblemException(ProblemType type, String detail, Map<String, Object> properties, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.properties = Map.copyOf(properties);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail, Map.of(), null);
    }

    public static ProblemException of(ProblemType type, String detail, String property, Object value) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(property, value);
        return new ProblemException(type, detail, properties, null);
    }

    public static ProblemException retryAfter(ProblemType type, String detail, long seconds) {
        return new ProblemException(type, detail, Map.of(), seconds);
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
