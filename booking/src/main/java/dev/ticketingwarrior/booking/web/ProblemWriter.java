package dev.ticketingwarrior.booking.web;

import dev.ticketingwarrior.shared.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Builds the problem bodies of this service, and writes one directly where no controller runs (filters). */
public final class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(ProblemType type, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                org.springframework.http.HttpStatusCode.valueOf(type.status()), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    /**
     * The answer {@link ProblemAdvice} gives for a {@link ProblemException} without headers, for a controller to return
     * directly: a refusal that is a normal outcome under load (409 {@code seat-taken} on a contended map) then skips
     * the exception resolvers, which cost more than the rest of the request.
     */
    public static ResponseEntity<ProblemDetail> response(ProblemType type, String detail, String instance) {
        return ResponseEntity.status(type.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(type, detail, instance));
    }

    void payloadTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = problem(
                ProblemType.PAYLOAD_TOO_LARGE,
                "request bodies are limited to " + BodySizeLimitFilter.LIMIT + " bytes",
                request.getRequestURI());
        response.setStatus(ProblemType.PAYLOAD_TOO_LARGE.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Connection", "close");
        response.getOutputStream().write(json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
    }
}
