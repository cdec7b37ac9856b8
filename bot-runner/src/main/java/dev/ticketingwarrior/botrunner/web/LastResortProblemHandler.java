package dev.ticketingwarrior.botrunner.web;

import dev.ticketingwarrior.shared.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors that never reached a controller (an unknown path, a wrong method) still answer with problem+json, before
 * Spring Boot's default error handler could answer with something else.
 */
@Component
@Order(-2)
class LastResortProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LastResortProblemHandler.class);

    private final JsonMapper json;

    LastResortProblemHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem;
        if (error instanceof ProblemException problemException) {
            problem = Problems.detail(problemException.type(), problemException.getMessage());
            problemException.properties().forEach(problem::setProperty);
        } else if (error instanceof DataBufferLimitException) {
            problem = Problems.detail(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large.");
        } else if (error instanceof ResponseStatusException status) {
            HttpStatusCode code = status.getStatusCode();
            ProblemType type = Problems.typeFor(code);
            problem = Problems.detail(type, status.getReason() == null ? type.title() : status.getReason());
            problem.setStatus(code.value());
        } else {
            log.error("unhandled error on {}", exchange.getRequest().getPath(), error);
            problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(500), "Internal error");
            problem.setTitle("Internal error");
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String instance = ProblemAdvice.instance(exchange).map(Object::toString).orElse(null);
        byte[] bytes =
                json.writeValueAsString(Problems.asMap(problem, instance)).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
