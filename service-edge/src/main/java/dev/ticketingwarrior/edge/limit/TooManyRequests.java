package dev.ticketingwarrior.edge.limit;

import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import java.time.Duration;

/** The 429 {@code rate-limited} problem, with {@code Retry-After} in whole seconds. */
public final class TooManyRequests {

    private TooManyRequests() {}

    public static ProblemException problem(String detail, LimitDecision.Limited limited) {
        return ProblemException.retryAfter(ProblemType.RATE_LIMITED, detail, limited.retryAfterSeconds());
    }

    public static ProblemException problem(String detail, Duration retryAfter) {
        return problem(detail, new LimitDecision.Limited(retryAfter));
    }
}
