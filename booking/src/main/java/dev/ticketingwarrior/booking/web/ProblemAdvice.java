package dev.ticketingwarrior.booking.web;

import dev.ticketingwarrior.booking.config.DependencyUnavailableException;
import dev.ticketingwarrior.shared.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place errors become RFC 9457 problem+json. Every body has the stable {@code type} URI of a {@link
 * ProblemType}; Spring MVC's own errors (400, 404, 405, 413, 415 …) are re-typed to the matching slug.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e, HttpServletRequest request) {
        ProblemDetail body = ProblemWriter.problem(e.type(), e.getMessage(), request.getRequestURI());
        e.properties().forEach(body::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (e.retryAfter() != null) {
            headers.set(
                    HttpHeaders.RETRY_AFTER,
                    String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        return respond(body, headers);
    }

    @ExceptionHandler(DependencyUnavailableException.class)
    ResponseEntity<Object> unavailable(DependencyUnavailableException e, HttpServletRequest request) {
        log.warn("{} unavailable on {}: {}", e.dependency(), request.getRequestURI(), rootMessage(e));
        ProblemDetail body = ProblemWriter.problem(
                ProblemType.SERVICE_UNAVAILABLE,
                "a dependency is unavailable, please retry shortly",
                request.getRequestURI());
        body.setProperty("dependency", e.dependency());
        HttpHeaders headers = new HttpHeaders();
        headers.set(
                HttpHeaders.RETRY_AFTER,
                String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        return respond(body, headers);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(
                ProblemWriter.problem(
                        ProblemType.INVALID_REQUEST, "bad value for " + e.getName(), request.getRequestURI()),
                new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedByTooLarge(ex)) {
            ProblemDetail body = ProblemWriter.problem(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "request bodies are limited to " + BodySizeLimitFilter.LIMIT + " bytes",
                    path(request));
            return respond(body, new HttpHeaders());
        }
        ProblemDetail body =
                ProblemWriter.problem(ProblemType.INVALID_REQUEST, "the body is not the expected JSON", path(request));
        return respond(body, new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(
                ProblemWriter.problem(ProblemType.INVALID_REQUEST, "invalid request parameters", path(request)),
                new HttpHeaders());
    }

    /** Re-types whatever Spring MVC produced (validation, 404, 405, 415 …) to our problem slugs. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemType type = typeFor(statusCode.value());
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail()
                : type.title();
        if (statusCode.is5xxServerError()) {
            log.error("request failed: {}", path(request), ex);
            detail = "unexpected error";
        }
        ProblemDetail problem = ProblemWriter.problem(type, detail, path(request));
        problem.setStatus(statusCode.value());
        HttpHeaders copy = new HttpHeaders();
        if (headers != null) {
            copy.putAll(headers);
        }
        return respond(problem, copy);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (causedByTooLarge(e)) {
            return respond(
                    ProblemWriter.problem(
                            ProblemType.PAYLOAD_TOO_LARGE, "request body too large", request.getRequestURI()),
                    new HttpHeaders());
        }
        log.error("unexpected error on {}", request.getRequestURI(), e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(500), "unexpected error");
        body.setTitle("Internal error");
        return respond(body, new HttpHeaders());
    }

    private static ProblemType typeFor(int status) {
        return switch (status) {
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406, 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 503 -> ProblemType.SERVICE_UNAVAILABLE;
            default -> ProblemType.INVALID_REQUEST;
        };
    }

    private static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.toString();
    }

    private static String path(WebRequest request) {
        return request.getDescription(false).replaceFirst("^uri=", "");
    }

    private static ResponseEntity<Object> respond(ProblemDetail body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(body.getStatus()).headers(headers).body(body);
    }
}
