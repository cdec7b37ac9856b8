package dev.ticketingwarrior.booking.confirmation.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
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
