package dev.ticketingwarrior.edge.reactive;

import dev.ticketingwarrior.edge.problem.ProblemAnswer;
import dev.ticketingwarrior.edge.problem.Problems;
import org.springframework.http.HttpStatusCode;
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

    /** A problem the caller chose, without {@code Retry-After}. */
    Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        return write(exchange, ProblemAnswer.of(problem, path(exchange)));
    }

    /** The answer to {@code error}, as {@link ProblemAnswer#of(Throwable, String)} maps it. */
    Mono<Void> write(ServerWebExchange exchange, Throwable error) {
        return write(exchange, ProblemAnswer.of(error, path(exchange)));
    }

    private Mono<Void> write(ServerWebExchange exchange, ProblemAnswer answer) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
        response.getHeaders().putAll(answer.headers());
        if (answer.status() == 413) {
            // refused before a byte of the body was read: the connection must not carry another request
            response.getHeaders().setConnection("close");
        }
        byte[] bytes = Problems.json(json, answer.body());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }
}
