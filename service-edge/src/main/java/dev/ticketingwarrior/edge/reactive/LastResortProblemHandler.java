package dev.ticketingwarrior.edge.reactive;

import dev.ticketingwarrior.edge.log.LoggedPaths;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.problem.ProblemAnswer;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.edge.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

/**
 * Errors that never reached a controller (an unknown path, a filter's error, a body cut off mid-read) still answer
 * with problem+json, before Spring Boot's default error handler could answer with something else; our own problems
 * and anything unforeseen as {@link ProblemAnswer} maps them. A client that went away (its connection closed while
 * its body was read) is answered 400, which nobody may read; a request Reactor Netty answered itself is left at that.
 */
final class LastResortProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LastResortProblemHandler.class);

    private final ProblemWriter writer;

    LastResortProblemHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (answeredByTheServer(exchange)) {
            log.debug(
                    "{}: answered by the server itself: {}",
                    LoggedPaths.of(exchange.getRequest().getPath().value()),
                    error.toString());
            return Mono.empty();
        }
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (clientWentAway(error)) {
            return answerGone(writer, exchange, error);
        }
        return switch (error) {
            case BodyTooLargeException tooLarge -> writer.write(exchange, Problems.tooLarge());
            case DataBufferLimitException tooLarge -> writer.write(exchange, Problems.tooLarge());
            case ResponseStatusException status ->
                writer.write(exchange, Problems.forStatus(status.getStatusCode(), status.getReason()));
            default -> writer.write(exchange, error);
        };
    }

    /**
     * The answer to a client that went away: not our fault, so not a 500 (logged as one), but a 400 that reaches
     * nobody, unless the client is still there after all; its write failing is the expected case.
     */
    static Mono<Void> answerGone(ProblemWriter writer, ServerWebExchange exchange, Throwable error) {
        log.debug(
                "{}: client went away: {}",
                LoggedPaths.of(exchange.getRequest().getPath().value()),
                error.toString());
        return writer.write(
                        exchange,
                        Problems.detail(
                                ProblemType.INVALID_REQUEST,
                                "The request did not arrive whole: its connection closed."))
                .onErrorResume(unsent -> Mono.empty());
    }

    /**
     * Reactor Netty answered the request itself (a body it could not decode, e.g. a broken chunk size: its 400, made a
     * problem by {@link BareErrorProblems}) after the application began to read it. The application then found no body
     * and its answer could not go out: not an error of ours (Spring would log a 500), the client has its answer.
     */
    static boolean answeredByTheServer(ServerWebExchange exchange) {
        try {
            return UndecodableBodies.answered(ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse()));
        } catch (IllegalArgumentException | IllegalStateException noNativeResponse) {
            return false;
        }
    }

    /**
     * The client closed its connection (Reactor Netty's {@code AbortedException}, a reset, a broken pipe), as Spring
     * tells it. A dependency's broken connection is not: ours to answer (503), however its cause reads.
     */
    static boolean clientWentAway(Throwable error) {
        return !(error instanceof ProblemException || error instanceof DependencyUnavailableException)
                && DisconnectedClientHelper.isClientDisconnectedException(error);
    }
}
