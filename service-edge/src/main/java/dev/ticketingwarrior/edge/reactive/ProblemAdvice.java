package dev.ticketingwarrior.edge.reactive;

import dev.ticketingwarrior.edge.log.EndedStreams;
import dev.ticketingwarrior.edge.log.LoggedPaths;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.problem.ProblemAnswer;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.edge.problem.Problems;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * The one place a WebFlux service's errors become RFC 9457 {@code application/problem+json} (STYLE §8): our problems
 * keep their type, framework errors (bad JSON, wrong method, unknown path) get the type that names their status,
 * invalid bodies list every broken rule, client input never reaches a 5xx, and a dependency that does not answer is
 * 503 with {@code Retry-After} ({@link ProblemAnswer}, the mapping every edge shares). Lowest precedence, so a
 * service's own advice may answer first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /**
     * A refusal or a dependency down, as a problem; or, for an event stream already under way (its store stopped
     * answering), nothing more: its status and headers are sent, so it ends after the events it sent and the client
     * reconnects. Another answer under way is cut (the error goes on), so that a client cannot take it for whole.
     */
    @ExceptionHandler({ProblemException.class, DependencyUnavailableException.class})
    Mono<ResponseEntity<Object>> problem(RuntimeException e, ServerWebExchange exchange) {
        if (exchange.getResponse().isCommitted()) {
            MediaType type = exchange.getResponse().getHeaders().getContentType();
            if (type == null || !MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type)) {
                return Mono.error(e);
            }
            EndedStreams.ended(path(exchange), e);
            return Mono.empty();
        }
        return Mono.just(ProblemAnswer.of(e, path(exchange)).toResponseEntity());
    }

    @ExceptionHandler({BodyTooLargeException.class, DataBufferLimitException.class})
    Mono<ResponseEntity<Object>> tooLarge(Exception e, ServerWebExchange exchange) {
        return respond(Problems.tooLarge(), exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<String> errors = e.getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .sorted()
                .toList();
        ProblemDetail problem = Problems.detail(ProblemType.INVALID_REQUEST, String.join("; ", errors));
        problem.setProperty("errors", errors);
        return respond(problem, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (Problems.causedBy(e, DataBufferLimitException.class, BodyTooLargeException.class)) {
            return tooLarge(e, exchange);
        }
        if (Problems.causedBy(e, JacksonException.class)) {
            return respond(Problems.unreadableBody(e), exchange);
        }
        String reason = e.getReason() == null ? "unreadable body" : e.getReason();
        return respond(Problems.detail(ProblemType.INVALID_REQUEST, "The request is malformed: " + reason), exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        String detail = body instanceof ProblemDetail given ? given.getDetail() : null;
        if (status.is5xxServerError()) {
            log.error("request failed: {}", LoggedPaths.of(path(exchange)), e);
        }
        ProblemDetail problem = Problems.forStatus(status, detail);
        return respond(problem, exchange).map(response -> Problems.withHeaders(response, headers));
    }

    private static Mono<ResponseEntity<Object>> respond(ProblemDetail body, ServerWebExchange exchange) {
        return Mono.just(ProblemAnswer.of(body, path(exchange)).toResponseEntity());
    }

    private static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }
}
