package dev.ticketingwarrior.edge.servlet;

import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.edge.problem.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer the edge gives for a problem without headers, for a controller to return directly: a refusal that is a
 * normal outcome under load (409 {@code seat-taken} on a contended map) then skips the exception resolvers, which
 * cost more than the rest of the request.
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    /**
     * Writes {@code problem} as the whole answer, from a filter that refuses before any controller runs: its status,
     * problem+json and its bytes. Headers the refusal needs ({@code Retry-After}, {@code Connection}) are the caller's.
     */
    public static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(Problems.json(json, problem));
    }

    public static ResponseEntity<ProblemDetail> of(ProblemType type, String detail, String path) {
        ProblemDetail problem = Problems.detail(type, detail);
        Problems.instance(path).ifPresent(problem::setInstance);
        return ResponseEntity.status(type.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
