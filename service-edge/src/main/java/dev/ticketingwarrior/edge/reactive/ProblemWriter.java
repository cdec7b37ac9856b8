package dev.ticketingwarrior.edge.reactive;

import dev.ticketingwarrior.edge.problem.Problems;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to the response, for code that runs outside the controllers (filters, last resort). */
final class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, Duration retryAfter) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Problems.instance(exchange.getRequest().getPath().value()).ifPresent(problem::setInstance);
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().addAll(Problems.headers(problem, retryAfter));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == 413) {
            // refused before a byte of the body was read: the connection must not carry another request
            response.getHeaders().setConnection("close");
        }
        byte[] bytes = json.writeValueAsString(Problems.asMap(problem)).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
