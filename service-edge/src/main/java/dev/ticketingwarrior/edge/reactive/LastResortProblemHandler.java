package dev.ticketingwarrior.edge.reactive;

import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors that never reached a controller (an unknown path, a filter's error, a body cut off mid-read) still answer
 * with problem+json, before Spring Boot's default error handler could answer with something else.
 */
final class LastResortProblemHandler implements WebExceptionHandler {

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
        return switch (error) {
            case ProblemException problem -> writer.write(exchange, Problems.of(problem), problem.retryAfter());
            case DependencyUnavailableException down -> writer.write(exchange, Problems.of(down), down.retryAfter());
            case BodyTooLargeException tooLarge -> writer.write(exchange, Problems.tooLarge(), null);
            case DataBufferLimitException tooLarge -> writer.write(exchange, Problems.tooLarge(), null);
            case ResponseStatusException status ->
                writer.write(exchange, Problems.forStatus(status.getStatusCode(), status.getReason()), null);
            default -> {
                log.error("unhandled error on {}", exchange.getRequest().getPath(), error);
                yield writer.write(exchange, Problems.internalError(), null);
            }
        };
    }
}
