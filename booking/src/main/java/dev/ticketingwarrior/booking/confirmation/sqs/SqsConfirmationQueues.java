package dev.ticketingwarrior.booking.confirmation.sqs;

import dev.ticketingwarrior.booking.config.BookingProperties;
import dev.ticketingwarrior.booking.confirmation.domain.ConfirmationBacklog;
import dev.ticketingwarrior.booking.confirmation.domain.DeadLetters;
import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * The confirmation queue and its dead-letter queue as ops see them: their counts, and the redrive as three SQS calls per
 * batch of up to 10: receive from the DLQ, send the same bodies to the confirmation queue, delete from the DLQ only what
 * the queue acknowledged. A redrive stopped between send and delete leaves a message in both queues; the listener's
 * write is idempotent by booking id, so the booking is still written once.
 *
 * <p>Each call is bounded by {@link #OPS_CALL}, not by the client's timeout sized for the listener's 20 s long polls: a
 * stalled SQS gives ops a 503 within seconds instead of a page that hangs.
 */
@Component
class SqsConfirmationQueues implements DeadLetters, ConfirmationBacklog {

    private static final int BATCH = 10;
    static final Duration OPS_CALL = Duration.ofSeconds(5);
    private static final AwsRequestOverrideConfiguration BOUNDED =
            AwsRequestOverrideConfiguration.builder().apiCallTimeout(OPS_CALL).build();

    private final SqsAsyncClient sqs;
    private final Dependencies dependencies;
    private final String queueName;
    private final String deadLetterName;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    SqsConfirmationQueues(SqsAsyncClient sqs, Dependencies dependencies, BookingProperties properties) {
        this.sqs = sqs;
        this.dependencies = dependencies;
        this.queueName = properties.queue().name();
        this.deadLetterName = properties.queue().deadLetterName();
    }

    @Override
    public long count() {
        return dependencies.sqs(() -> all(countsOf(deadLetterName).join()));
    }

    @Override
    public Counts counts() {
        return dependencies.sqs(() -> {
            CompletableFuture<Map<QueueAttributeName, String>> queue = countsOf(queueName);
            CompletableFuture<Map<QueueAttributeName, String>> dead = countsOf(deadLetterName);
            Map<QueueAttributeName, String> queued = queue.join();
            return new Counts(
                    number(queued, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    number(queued, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                    all(dead.join()));
        });
    }

    @Override
    public int redrive(int max) {
        return dependencies.sqs(() -> {
            String from = url(deadLetterName);
            String to = url(queueName);
            int moved = 0;
            while (moved < max) {
                int want = Math.min(BATCH, max - moved);
                List<Message> messages = sqs.receiveMessage(b -> b.overrideConfiguration(BOUNDED)
                                .queueUrl(from)
                                .maxNumberOfMessages(want)
                                .waitTimeSeconds(1)
                                .visibilityTimeout(30))
                        .join()
                        .messages();
                if (messages.isEmpty()) {
                    break;
                }
                int sent = moveBack(messages, from, to);
                moved += sent;
                if (sent == 0) {
                    break; // the queue takes none: leave the rest where it is
                }
            }
            return moved;
        });
    }

    private int moveBack(List<Message> messages, String from, String to) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(messages.get(i).body())
                    .build());
        }
        Set<String> sent = sqs
                .sendMessageBatch(
                        b -> b.overrideConfiguration(BOUNDED).queueUrl(to).entries(entries))
                .join()
                .successful()
                .stream()
                .map(SendMessageBatchResultEntry::id)
                .collect(Collectors.toSet());
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (sent.contains(Integer.toString(i))) {
                done.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .receiptHandle(messages.get(i).receiptHandle())
                        .build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(
                            b -> b.overrideConfiguration(BOUNDED).queueUrl(from).entries(done))
                    .join();
        }
        return sent.size();
    }

    /** The queue's visible and in-flight message counts (asynchronous, so two queues are asked at once). */
    private CompletableFuture<Map<QueueAttributeName, String>> countsOf(String queue) {
        return urlOf(queue)
                .thenCompose(url -> sqs.getQueueAttributes(b -> b.overrideConfiguration(BOUNDED)
                        .queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)))
                .thenApply(GetQueueAttributesResponse::attributes);
    }

    private static long all(Map<QueueAttributeName, String> counts) {
        return number(counts, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                + number(counts, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
    }

    private static long number(Map<QueueAttributeName, String> counts, QueueAttributeName name) {
        String value = counts.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }

    private String url(String name) {
        return urlOf(name).join();
    }

    /** A queue's URL, asked of SQS once (a failed lookup is asked again next time): the ops page polls the counts. */
    private CompletableFuture<String> urlOf(String name) {
        String known = urls.get(name);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return sqs.getQueueUrl(b -> b.overrideConfiguration(BOUNDED).queueName(name))
                .thenApply(answer -> {
                    urls.put(name, answer.queueUrl());
                    return answer.queueUrl();
                });
    }
}
