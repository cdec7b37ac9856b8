package dev.ticketingwarrior.botrunner.web;

import dev.ticketingwarrior.botrunner.control.domain.InvalidSettingsException;
import dev.ticketingwarrior.botrunner.control.domain.StoreUnavailableException;
import dev.ticketingwarrior.shared.problem.ProblemType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
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
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * The one place errors become RFC 9457 {@code application/problem+json} (STYLE §8): our problems keep their type,
 * invalid settings and malformed bodies are 400 {@code invalid-request}, client input never reaches a 5xx, and a
 * store that does not answer is 503 with {@code Retry-After}.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    Mono<ResponseEntity<Object>> problem(ProblemException e, ServerWebExchange exchange) {
        ProblemDetail body = Problems.detail(e.type(), e.getMessage());
        e.properties().forEach(body::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (e.type() == ProblemType.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return respond(body, headers, exchange);
    }

    @ExceptionHandler(InvalidSettingsException.class)
    Mono<ResponseEntity<Object>> invalidSettings(InvalidSettingsException e, ServerWebExchange exchange) {
        return respond(invalid(e.getMessage(), e.problems()), null, exchange);
    }

    @ExceptionHandler(StoreUnavailableException.class)
    Mono<ResponseEntity<Object>> unavailable(StoreUnavailableException e, ServerWebExchange exchange) {
        log.warn("store unavailable: {}", e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Problems.RETRY_AFTER_SECONDS));
        return respond(
                Problems.detail(ProblemType.SERVICE_UNAVAILABLE, "The settings store is not answering; retry shortly."),
                headers,
                exchange);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    Mono<ResponseEntity<Object>> tooLarge(Exception e, ServerWebExchange exchange) {
        // the rest of the body was never read: this connection cannot carry another request
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONNECTION, "close");
        return respond(
                Problems.detail(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large."), headers, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<String> errors = e.getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .sorted()
                .toList();
        return respond(invalid(String.join("; ", errors), errors), null, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return tooLarge(e, exchange);
            }
        }
        String reason = e.getReason() == null ? "unreadable body" : e.getReason();
        return respond(
                Problems.detail(ProblemType.INVALID_REQUEST, "The request is malformed: " + reason), null, exchange);
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

    private static ProblemDetail invalid(String detail, List<String> errors) {
        ProblemDetail problem = Problems.detail(ProblemType.INVALID_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private Mono<ResponseEntity<Object>> respond(ProblemDetail body, HttpHeaders headers, ServerWebExchange exchange) {
        instance(exchange).ifPresent(body::setInstance);
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
}
