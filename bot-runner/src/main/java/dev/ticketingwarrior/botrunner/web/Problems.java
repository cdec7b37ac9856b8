package dev.ticketingwarrior.botrunner.web;

import dev.ticketingwarrior.shared.problem.ProblemType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem bodies whose {@code type} is always one of the stable {@link ProblemType} URIs. */
final class Problems {

    static final long RETRY_AFTER_SECONDS = 2;

    private Problems() {}

    static ProblemDetail detail(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    /** The problem type that best names a framework-raised status. */
    static ProblemType typeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> ProblemType.UNAUTHORIZED;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ProblemType.RATE_LIMITED;
            case 503 -> ProblemType.SERVICE_UNAVAILABLE;
            default -> ProblemType.INVALID_REQUEST;
        };
    }

    /** A plain map of the problem for writers that bypass the codecs. */
    static Map<String, Object> asMap(ProblemDetail problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (instance != null) {
            body.put("instance", instance);
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
