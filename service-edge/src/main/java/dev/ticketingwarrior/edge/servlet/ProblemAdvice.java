package dev.ticketingwarrior.edge.servlet;

import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.Problems;
import dev.ticketingwarrior.shared.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place a Spring MVC service's errors become RFC 9457 problem+json. Every body has the stable {@code type}
 * URI of a {@link ProblemType}; Spring MVC's own errors (400, 404, 405, 413, 415 …) are re-typed to the matching
 * slug; a dependency that does not answer is 503 with {@code Retry-After}; nothing else ever shows its stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e, HttpServletRequest request) {
        return respond(Problems.of(e), e.retryAfter(), request.getRequestURI());
    }

    @ExceptionHandler(DependencyUnavailableException.class)
    ResponseEntity<Object> unavailable(DependencyUnavailableException e, HttpServletRequest request) {
        log.warn("{} unavailable on {}: {}", e.dependency(), request.getRequestURI(), rootMessage(e));
        return respond(Problems.of(e), e.retryAfter(), request.getRequestURI());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(
                Problems.detail(ProblemType.INVALID_REQUEST, "bad value for " + e.getName()),
                null,
                request.getRequestURI());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (Problems.causedBy(e, BodyTooLargeException.class)) {
            return respond(Problems.tooLarge(), null, path(request));
        }
        return respond(
                Problems.detail(ProblemType.INVALID_REQUEST, "the body is not the expected JSON"), null, path(request));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(Problems.detail(ProblemType.INVALID_REQUEST, "invalid request parameters"), null, path(request));
    }

    /** Re-types whatever Spring MVC produced (validation, 404, 405, 415 …) to our problem slugs. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail given ? given.getDetail() : null;
        if (status.is5xxServerError()) {
            log.error("request failed: {}", path(request), e);
            detail = "unexpected error";
        }
        return Problems.withHeaders(respond(Problems.forStatus(status, detail), null, path(request)), headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (Problems.causedBy(e, BodyTooLargeException.class)) {
            return respond(Problems.tooLarge(), null, request.getRequestURI());
        }
        if (Problems.causedBy(e, CharacterCodingException.class)) {
            // Tomcat decodes the query string only when a parameter is first read: bytes that are not UTF-8 surface
            // here, from the handler's arguments, as its InvalidParameterException
            return respond(
                    Problems.detail(ProblemType.INVALID_REQUEST, "a query parameter is not valid UTF-8"),
                    null,
                    request.getRequestURI());
        }
        log.error("unexpected error on {}", request.getRequestURI(), e);
        return respond(Problems.internalError(), null, request.getRequestURI());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.toString();
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI()
                : request.getDescription(false).replaceFirst("^uri=", "");
    }

    private static ResponseEntity<Object> respond(ProblemDetail body, Duration retryAfter, String path) {
        Problems.instance(path).ifPresent(body::setInstance);
        return ResponseEntity.status(body.getStatus())
                .headers(Problems.headers(body, retryAfter))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
