package dev.ticketingwarrior.booking.confirmation.sqs;

import dev.ticketingwarrior.booking.config.BookingProperties;
import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.ConfirmationOutbox;
import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the confirmation to SQS and waits for SQS to acknowledge it (bounded by the configured timeout): the booking
 * is answered 202 only after that, so an accepted booking is never lost. A wait that runs out before the message's
 * batch left withdraws it (surely not sent); one that runs out after is reported {@link InDoubtException in doubt}, and
 * so is a send that failed after it left ({@link SendFailures}): only a definite refusal counts as not sent.
 * Bookings sent at the same time share one {@code SendMessageBatch} call ({@link MessageBatcher}); each booking still
 * waits for the result of its own entry, and a refused entry fails only its own booking.
 */
@Component
class SqsConfirmationOutbox implements ConfirmationOutbox {

    /** SQS takes at most 10 entries per SendMessageBatch. */
    static final int MAX_BATCH = 10;

    private final SqsAsyncClient sqs;
    private final Dependencies dependencies;
    private final JsonMapper json;
    private final String queueName;
    private final Duration timeout;
    private final MessageBatcher batcher;
    private final DistributionSummary batchSizes;
    private volatile String queueUrl;

    SqsConfirmationOutbox(
            SqsAsyncClient sqs,
            Dependencies dependencies,
            JsonMapper json,
            BookingProperties properties,
            MeterRegistry meters) {
        this.sqs = sqs;
        this.dependencies = dependencies;
        this.json = json;
        this.queueName = properties.queue().name();
        this.timeout = properties.queue().sendTimeout();
        this.batchSizes = DistributionSummary.builder("ticketing.queue.send.batch")
                .description("confirmations per SendMessageBatch call")
                .register(meters);
        this.batcher = new MessageBatcher(
                this::sendBatch, MAX_BATCH, properties.queue().sendBatchesInFlight());
    }

    @Override
    public void send(AcceptedBooking booking) {
        String body = json.writeValueAsString(BookingConfirmationMessage.of(booking));
        dependencies.sqs(() -> {
            queueUrl();
            MessageBatcher.Submission submission = batcher.submit(body);
            try {
                return submission.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw stopWaiting(submission, "no acknowledgement in " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stopWaiting(submission, "interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw SendFailures.surelyNotQueued(cause)
                        ? new IllegalStateException("SQS refused the message: " + cause, cause)
                        : new InDoubtException("SQS: " + cause + " after the message was sent", cause);
            }
        });
    }

    /** The booking stops waiting: surely not sent if its message could still be withdrawn, in doubt otherwise. */
    private static RuntimeException stopWaiting(MessageBatcher.Submission submission, String why, Exception cause) {
        return submission.withdraw()
                ? new IllegalStateException("SQS: " + why + " (withdrawn, not sent)", cause)
                : new InDoubtException("SQS: " + why + " after the message was sent", cause);
    }

    private CompletableFuture<MessageBatcher.BatchResult> sendBatch(List<MessageBatcher.Entry> batch) {
        batchSizes.record(batch.size());
        SendMessageBatchRequest request = SendMessageBatchRequest.builder()
                // every booking in the batch stops waiting within the send timeout of its submission, which came
                // before the call: past that nobody waits, and a call left to the client's timeout (sized for the
                // listener's long polls) would keep its slot of the batcher from the bookings after a stall
                .overrideConfiguration(call -> call.apiCallTimeout(timeout))
                .queueUrl(queueUrl)
                .entries(batch.stream()
                        .map(entry -> SendMessageBatchRequestEntry.builder()
                                .id(entry.id())
                                .messageBody(entry.body())
                                .build())
                        .toList())
                .build();
        return sqs.sendMessageBatch(request).thenApply(response -> {
            Set<String> accepted = response.successful().stream()
                    .map(SendMessageBatchResultEntry::id)
                    .collect(Collectors.toSet());
            Map<String, String> failed = new HashMap<>();
            for (BatchResultErrorEntry error : response.failed()) {
                failed.put(error.id(), error.code() + ": " + error.message());
            }
            return new MessageBatcher.BatchResult(accepted, failed);
        });
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
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking SQS", e);
        } catch (ExecutionException | TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException("SQS did not answer in " + timeout, e);
        }
    }
}
