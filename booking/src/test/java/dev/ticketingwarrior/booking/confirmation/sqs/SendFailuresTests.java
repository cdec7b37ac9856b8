package dev.ticketingwarrior.booking.confirmation.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** Only a definite refusal undoes a sale; everything after the request may have left is in doubt. */
class SendFailuresTests {

    @Test
    void aRefusedEntryA4xxOrNoConnectionAreSurelyNotQueued() {
        assertThat(SendFailures.surelyNotQueued(new SendFailures.EntryRefused("InvalidParameterValue")))
                .isTrue();
        assertThat(SendFailures.surelyNotQueued(status(403))).isTrue();
        assertThat(SendFailures.surelyNotQueued(
                        SdkClientException.create("Unable to execute HTTP request", new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void a5xxAResetOrAReadTimeoutMayHaveQueuedIt() {
        assertThat(SendFailures.surelyNotQueued(status(500))).isFalse();
        assertThat(SendFailures.surelyNotQueued(
                        SdkClientException.create("Unable to execute HTTP request", new SocketException("reset"))))
                .isFalse();
        assertThat(SendFailures.surelyNotQueued(
                        SdkClientException.create("read timed out", new SocketTimeoutException("read timed out"))))
                .isFalse();
    }

    @Test
    void oneEarlierAttemptThatMayHaveReachedTheQueueMakesTheWholeSendInDoubt() {
        SdkClientException last = SdkClientException.create("refused", new ConnectException("refused"));
        last.addSuppressed(status(503));

        assertThat(SendFailures.surelyNotQueued(last)).isFalse();
    }

    /**
     * As the SDK reports a send it retried: the last attempt's failure, with the attempts before it only as messages.
     * The first was a 500 (SQS may have queued the message); the second a 400.
     */
    @Test
    void aRefusalAfterAnEarlierAttemptTheSdkKeptOnlyAsAMessageIsInDoubt() {
        SdkException last = status(400).toBuilder().numAttempts(2).build();
        last.addSuppressed(SdkClientException.builder()
                .message("Request attempt 1 failure: Service Unavailable (Status Code: 500)")
                .build());

        assertThat(SendFailures.surelyNotQueued(last)).isFalse();
        assertThat(SendFailures.surelyNotQueued(
                        status(400).toBuilder().numAttempts(1).build()))
                .isTrue();
        // an SQS that cannot be reached, as the SDK reports it after its retries: the earlier refusals are messages
        // only
        SdkException unreachable = SdkClientException.builder()
                .message("Unable to execute HTTP request")
                .cause(new ConnectException("refused"))
                .numAttempts(3)
                .build();
        assertThat(SendFailures.surelyNotQueued(unreachable)).isFalse();
    }

    @Test
    void whatIsNotUnderstoodIsInDoubt() {
        assertThat(SendFailures.surelyNotQueued(new IllegalStateException("something else")))
                .isFalse();
    }

    private static SqsException status(int status) {
        return (SqsException) SqsException.builder()
                .statusCode(status)
                .message("status " + status)
                .build();
    }
}
