package dev.ticketingwarrior.edge.reactive;

import dev.ticketingwarrior.edge.problem.ProblemAnswer;
import dev.ticketingwarrior.edge.problem.Problems;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors that never reached a controller (an unknown path, a filter's error, a body cut off mid-read) still answer
 * with problem+json, before Spring Boot's default error handler could answer with something else; our own problems
 * and anything unforeseen as {@link ProblemAnswer} maps them.
 */
final class LastResortProblemHandler implements WebExceptionHandler {

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
            case BodyTooLargeException tooLarge -> writer.write(exchange, Problems.tooLarge());
            case DataBufferLimitException tooLarge -> writer.write(exchange, Problems.tooLarge());
            case ResponseStatusException status ->
                writer.write(exchange, Problems.forStatus(status.getStatusCode(), status.getReason()));
            default -> writer.write(exchange, error);
        };
    }
}
