package dev.ticketingwarrior.admission.web;

import dev.ticketingwarrior.admission.common.DependencyUnavailableException;
import dev.ticketingwarrior.shared.problem.ProblemType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * The one place errors become RFC 9457 {@code application/problem+json} (STYLE §8): domain problems keep their type,
 * framework errors (bad JSON, wrong method, unknown path) get the type that names their status, client input never
 * reaches a 5xx, and a store that does not answer becomes 503 with {@code Retry-After}.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    static final long DEPENDENCY_RETRY_AFTER_SECONDS = 2;

    @ExceptionHandler(ProblemException.class)
    Mono<ResponseEntity<Object>> problem(ProblemException e, ServerWebExchange exchange) {
        ProblemDetail body = Problems.detail(e.type(), e.getMessage());
        e.properties().forEach(body::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (e.retryAfterSeconds() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        if (e.type() == ProblemType.UNAUTHORIZED) {
            // RFC 9110 §11.6.1: a 401 names the scheme it wants (the ops bearer token)
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ticketing-ops\"");
        }
        return respond(body, headers, exchange);
    }

    @ExceptionHandler(DependencyUnavailableException.class)
    Mono<ResponseEntity<Object>> unavailable(DependencyUnavailableException e, ServerWebExchange exchange) {
        log.warn("dependency unavailable: {}", e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(DEPENDENCY_RETRY_AFTER_SECONDS));
        return respond(
                Problems.detail(
                        ProblemType.SERVICE_UNAVAILABLE, "The waiting room store is not answering; retry shortly."),
                headers,
                exchange);
    }

    @ExceptionHandler({PayloadTooLargeException.class, DataBufferLimitException.class})
    Mono<ResponseEntity<Object>> tooLarge(Exception e, ServerWebExchange exchange) {
        return respond(
                Problems.detail(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large."), null, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (causedByTooLarge(e)) {
            return tooLarge(e, exchange);
        }
        return respond(
                Problems.detail(ProblemType.INVALID_REQUEST, "The request is malformed: " + reason(e)),
                headers,
                exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemType type = Problems.typeFor(status);
        String detail =
                body instanceof ProblemDetail given && given.getDetail() != null ? given.getDetail() : type.title();
        ProblemDetail problem = Problems.detail(type, detail);
        if (status.value() != type.status()) {
            problem.setStatus(status.value());
        }
        return respond(problem, headers, exchange);
    }

    private Mono<ResponseEntity<Object>> respond(ProblemDetail body, HttpHeaders headers, ServerWebExchange exchange) {
        instance(exchange).ifPresent(body::setInstance);
        // explicit, so a problem is JSON even on an endpoint that produces text/event-stream
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (headers != null) {
            builder.headers(headers);
        }
        return Mono.just(builder.body(body));
    }

    /** The request path as the problem's instance, unless it is not even a valid URI reference. */
    static Optional<URI> instance(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        if (path.length() > 512) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(path));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean causedByTooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException || cause instanceof PayloadTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(ServerWebInputException e) {
        String reason = e.getReason();
        return reason == null ? "unreadable body" : reason;
    }
}
