package dev.ticketingwarrior.edge.servlet;

import dev.ticketingwarrior.edge.log.LoggedPaths;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.problem.ProblemAnswer;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.edge.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.SocketTimeoutException;
import java.nio.charset.CharacterCodingException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
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
 * slug; a dependency that does not answer is 503 with {@code Retry-After}; nothing else ever shows its stack trace
 * (our problems, dependencies and the unforeseen as {@link ProblemAnswer} maps them, as on WebFlux).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler({ProblemException.class, DependencyUnavailableException.class})
    ResponseEntity<Object> problem(RuntimeException e, HttpServletRequest request) {
        return ProblemAnswer.of(e, request.getRequestURI()).toResponseEntity();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(
                Problems.detail(ProblemType.INVALID_REQUEST, "bad value for " + e.getName()), request.getRequestURI());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (Problems.causedBy(e, BodyTooLargeException.class)) {
            return respond(Problems.tooLarge(), path(request));
        }
        if (Problems.causedBy(e, SocketTimeoutException.class)) {
            // the body stopped arriving (server.tomcat.connection-timeout): the client is the slow one, 408 as on
            // WebFlux; the rest of the body is never read, so the connection carries no other request
            HttpHeaders close = new HttpHeaders();
            close.setConnection("close");
            return Problems.withHeaders(
                    respond(
                            Problems.forStatus(HttpStatusCode.valueOf(408), "The request body did not arrive in time."),
                            path(request)),
                    close);
        }
        return respond(Problems.unreadableBody(e), path(request));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(Problems.detail(ProblemType.INVALID_REQUEST, "invalid request parameters"), path(request));
    }

    /** Re-types whatever Spring MVC produced (validation, 404, 405, 415 …) to our problem slugs. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail given ? given.getDetail() : null;
        if (status.is5xxServerError()) {
            log.error("request failed: {}", LoggedPaths.of(path(request)), e);
        }
        return Problems.withHeaders(respond(Problems.forStatus(status, detail), path(request)), headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (Problems.causedBy(e, BodyTooLargeException.class) || formBodyTooLarge(e)) {
            return respond(Problems.tooLarge(), request.getRequestURI());
        }
        if (Problems.causedBy(e, InvalidParameterException.class, CharacterCodingException.class)) {
            // Tomcat decodes the query string (and a form body) only when a parameter is first read: a broken escape
            // (%zz, a lone %), a name-less pair (?=x) or bytes that are not UTF-8 surface here, from the handler's
            // arguments, as its InvalidParameterException
            return respond(
                    Problems.detail(ProblemType.INVALID_REQUEST, "a query parameter or form field cannot be decoded"),
                    request.getRequestURI());
        }
        return ProblemAnswer.of(e, request.getRequestURI()).toResponseEntity();
    }

    /** A form body Tomcat read itself past its limit ({@link FormBodyLimit}): it says so with a 413 error code. */
    private static boolean formBodyTooLarge(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidParameterException invalid && invalid.getErrorCode() == 413) {
                return true;
            }
        }
        return false;
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI()
                : request.getDescription(false).replaceFirst("^uri=", "");
    }

    private static ResponseEntity<Object> respond(ProblemDetail body, String path) {
        return ProblemAnswer.of(body, path).toResponseEntity();
    }
}
