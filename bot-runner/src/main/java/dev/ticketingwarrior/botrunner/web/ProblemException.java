package dev.ticketingwarrior.botrunner.web;

import dev.ticketingwarrior.shared.problem.ProblemType;
import java.util.Map;
import java.util.Objects;

/** A client-facing failure with its stable problem type, rendered once by {@link ProblemAdvice}. */
public final class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties;

    private ProblemException(ProblemType type, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.properties = Map.copyOf(properties);
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail, Map.of());
    }

    public static ProblemException of(ProblemType type, String detail, String property, Object value) {
        return new ProblemException(type, detail, Map.of(property, value));
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
