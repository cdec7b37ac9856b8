package dev.ticketingwarrior.booking.booking;

import dev.ticketingwarrior.booking.config.BookingProperties;
import dev.ticketingwarrior.booking.confirmation.BookingConfirmationMessage;
import dev.ticketingwarrior.booking.resilience.Dependencies;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the confirmation to SQS and waits for SQS to acknowledge it (bounded by the configured timeout): the booking
 * is answered 202 only after that, so an accepted booking is never lost.
 */
@Component
class SqsConfirmationOutbox implements ConfirmationOutbox {

    private final SqsAsyncClient sqs;
    private final Dependencies dependencies;
    private final JsonMapper json;
    private final String queueName;
    private final Duration timeout;
    private volatile String queueUrl;

    SqsConfirmationOutbox(
            SqsAsyncClient sqs, Dependencies dependencies, JsonMapper json, BookingProperties properties) {
        this.sqs = sqs;
        this.dependencies = dependencies;
        this.json = json;
        this.queueName = properties.queue().name();
        this.timeout = properties.queue().sendTimeout();
    }

    @Override
    public void send(BookingConfirmationMessage message) {
        String body = json.writeValueAsString(message);
        dependencies.sqs(() -> await(sqs.sendMessage(SendMessageRequest.builder()
                .queueUrl(queueUrl())
                .messageBody(body)
                .build())));
    }

    private String queueUrl() {
        String url = queueUrl;
        if (url == null) {
            url = await(sqs.getQueueUrl(
                            GetQueueUrlRequest.builder().queueName(queueName).build()))
                    .queueUrl();
            queueUrl = url;
        }
        return url;
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to SQS", e);
        } catch (ExecutionException | TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException("SQS did not take the message in " + timeout, e);
        }
    }
}
