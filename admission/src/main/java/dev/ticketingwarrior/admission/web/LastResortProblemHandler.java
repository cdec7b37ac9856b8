package dev.ticketingwarrior.admission.web;

import dev.ticketingwarrior.admission.common.DependencyUnavailableException;
import dev.ticketingwarrior.shared.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors that never reached a controller (an unknown path, a filter's error, a body cut off mid-read) still answer
 * with problem+json, before Spring Boot's default error page could answer with something else.
 */
@Component
@Order(-2)
class LastResortProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LastResortProblemHandler.class);

    private final ProblemWriter writer;

    LastResortProblemHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem;
        Long retryAfter = null;
        if (error instanceof ProblemException problemException) {
            problem = Problems.detail(problemException.type(), problemException.getMessage());
            problemException.properties().forEach(problem::setProperty);
            retryAfter = problemException.retryAfterSeconds();
        } else if (error instanceof PayloadTooLargeException || error instanceof DataBufferLimitException) {
            problem = Problems.detail(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large.");
        } else if (error instanceof DependencyUnavailableException) {
            problem = Problems.detail(ProblemType.SERVICE_UNAVAILABLE, "The waiting room store is not answering.");
            retryAfter = ProblemAdvice.DEPENDENCY_RETRY_AFTER_SECONDS;
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
        return writer.write(exchange, problem, retryAfter);
    }
}
