package dev.ticketingwarrior.edge.problem;

import dev.ticketingwarrior.edge.log.LoggedPaths;
import dev.ticketingwarrior.edge.log.RepeatedWarnings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * What the edge answers when a request ends in a refusal or an error: the problem+json body and, when the client should
 * come back, after how long. {@link #of(Throwable, String)} is the one place an error becomes that answer, for the
 * WebFlux and MVC advice, the WebFlux last resort, and a route that answers without either (admission's event stream).
 */
public record ProblemAnswer(ProblemDetail body, Optional<Duration> retryAfter) {

    private static final Logger log = LoggerFactory.getLogger(ProblemAnswer.class);
    /** A dependency down fails every request: one WARN line per dependency every 10 s, with how many it stands for. */
    private static final RepeatedWarnings outages = new RepeatedWarnings(log);

    /** When a 503 that knows no better tells the client to come back. */
    public static final Duration RETRY_SOON = Duration.ofSeconds(1);

    public ProblemAnswer {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * The answer to {@code error}, raised while answering {@code path} (the problem's instance): a
     * {@link ProblemException} keeps its type, properties and {@code Retry-After}; a
     * {@link DependencyUnavailableException} is 503 with {@code Retry-After}, logged at WARN naming the dependency the
     * answer does not name and the deepest cause that says something (one line per dependency every 10 s, a flood
     * counted); anything else is a 500 that says nothing of its cause, logged at ERROR with it.
     */
    public static ProblemAnswer of(Throwable error, String path) {
        ProblemAnswer answer = switch (error) {
            case ProblemException refusal ->
                new ProblemAnswer(Problems.of(refusal), Optional.ofNullable(refusal.retryAfter()));
            case DependencyUnavailableException down -> {
                outages.warn(
                        down.dependency(),
                        "{} unavailable on {}: {}",
                        down.dependency(),
                        LoggedPaths.lazily(path),
                        RepeatedWarnings.lazily(() -> deepestSaying(down)));
                yield new ProblemAnswer(Problems.of(down), Optional.of(down.retryAfter()));
            }
            default -> {
                log.error("unexpected error on {}", LoggedPaths.of(path), error);
                yield new ProblemAnswer(Problems.internalError(), Optional.empty());
            }
        };
        return answer.at(path);
    }

    /**
     * The deepest cause of {@code error} with a message, for a log line: the root cause may be a bare one
     * ("TimeoutException") under the one that says what happened ("SQS: no acknowledgement in 3s (withdrawn, not
     * sent)"). At most 32 causes deep, so a cycle of causes cannot hold the thread.
     */
    public static Throwable deepestSaying(Throwable error) {
        Throwable deepest = error;
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                deepest = cause;
            }
        }
        return deepest;
    }

    /**
     * {@code body}, a problem the caller chose, answering {@code path}: a 503 (one the framework raised) with a
     * {@code Retry-After} of {@link #RETRY_SOON}, since every 503 tells when to come back; others without.
     */
    public static ProblemAnswer of(ProblemDetail body, String path) {
        Optional<Duration> retryAfter = body.getStatus() == 503 ? Optional.of(RETRY_SOON) : Optional.empty();
        return new ProblemAnswer(body, retryAfter).at(path);
    }

    public int status() {
        return body.getStatus();
    }

    /**
     * {@code Content-Type: application/problem+json} (explicit, so a problem is JSON even on an endpoint that produces
     * {@code text/event-stream}) and the headers of {@link Problems#headers}: {@code Retry-After},
     * {@code WWW-Authenticate} on a 401.
     */
    public HttpHeaders headers() {
        HttpHeaders headers = Problems.headers(body, retryAfter.orElse(null));
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }

    /** The answer as a controller advice returns it, on either web stack. */
    public ResponseEntity<Object> toResponseEntity() {
        return ResponseEntity.status(status()).headers(headers()).body(body);
    }

    private ProblemAnswer at(String path) {
        Problems.instance(path).ifPresent(body::setInstance);
        return this;
    }
}
