package dev.ticketingwarrior.booking.confirmation.sqs;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Tells a send that surely did not queue its message from one that may have. Only a definite refusal in a send's one
 * attempt counts as not sent: SQS refused the entry, or answered the call with a 4xx, or no connection was made. A 5xx,
 * a connection reset or a read timeout after the request left, or anything not understood, is in doubt. The SDK
 * retries before it gives up, and of the attempts before the last it keeps only their messages (suppressed exceptions
 * without type, status or cause): a failure that took more than one attempt is in doubt, whatever the last one was,
 * since an earlier one may have reached SQS. With the SDK's default retries that includes an SQS that cannot be reached
 * at all (three refused connections): its sales are kept and sent again by the reconciler, never undone.
 */
final class SendFailures {

    private SendFailures() {}

    /** An entry SQS answered with a refusal in its SendMessageBatch result. */
    static final class EntryRefused extends RuntimeException {

        EntryRefused(String reason) {
            super("the queue refused it: " + reason);
        }
    }

    static boolean surelyNotQueued(Throwable failure) {
        boolean refused = false;
        for (Throwable t : everyFailureIn(failure)) {
            if (mayHaveReachedTheQueue(t)) {
                return false;
            }
            refused |= isRefusal(t);
        }
        return refused;
    }

    private static boolean isRefusal(Throwable t) {
        return t instanceof EntryRefused
                || t instanceof ConnectException
                || (t instanceof AwsServiceException e && e.statusCode() >= 400 && e.statusCode() < 500);
    }

    private static boolean mayHaveReachedTheQueue(Throwable t) {
        return (t instanceof AwsServiceException e && e.statusCode() >= 500)
                || (t instanceof IOException && !(t instanceof ConnectException))
                || (t instanceof SdkException e && e.numAttempts() != null && e.numAttempts() > 1);
    }

    private static Set<Throwable> everyFailureIn(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        next.push(failure);
        while (!next.isEmpty()) {
            Throwable t = next.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t.getCause() != null) {
                next.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                next.push(suppressed);
            }
        }
        return seen;
    }
}
