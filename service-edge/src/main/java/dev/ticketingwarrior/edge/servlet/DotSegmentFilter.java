package dev.ticketingwarrior.edge.servlet;

import dev.ticketingwarrior.edge.DotSegments;
import dev.ticketingwarrior.edge.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request target with a dot segment ({@link DotSegments}) with a 400 problem, before Tomcat's resolved path is
 * routed anywhere: {@code /api/%2e%2e/actuator/prometheus} reached the actuator through a front that routes
 * {@code /api/**} only.
 */
final class DotSegmentFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    DotSegmentFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!DotSegments.in(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        ProblemResponses.write(response, Problems.dotSegment(), json);
    }
}
