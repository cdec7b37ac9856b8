package dev.ticketingwarrior.edge.servlet;

import dev.ticketingwarrior.edge.problem.Problems;
import dev.ticketingwarrior.shared.problem.ProblemType;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answer the edge gives for a problem without headers, for a controller to return directly: a refusal that is a
 * normal outcome under load (409 {@code seat-taken} on a contended map) then skips the exception resolvers, which
 * cost more than the rest of the request.
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static ResponseEntity<ProblemDetail> of(ProblemType type, String detail, String path) {
        ProblemDetail problem = Problems.detail(type, detail);
        Problems.instance(path).ifPresent(problem::setInstance);
        return ResponseEntity.status(type.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
