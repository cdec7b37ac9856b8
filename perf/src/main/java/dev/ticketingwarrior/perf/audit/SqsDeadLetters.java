package dev.ticketingwarrior.perf.audit;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The depths of the confirmation queue and its DLQ, from SQS's approximate counts (ElasticMQ locally). */
final class SqsDeadLetters implements DeadLetters, AutoCloseable {

    private final SqsClient client;
    private final String queue;
    private final String deadLetterQueue;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    private SqsDeadLetters(SqsClient client, String queue, String deadLetterQueue) {
        this.client = client;
        this.queue = queue;
        this.deadLetterQueue = deadLetterQueue;
    }

    static SqsDeadLetters create(AuditConfig.Sqs sqs) {
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(sqs.region()))
                .overrideConfiguration(
                        o -> o.apiCallTimeout(Duration.ofSeconds(5)).apiCallAttemptTimeout(Duration.ofSeconds(3)));
        sqs.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        builder.credentialsProvider(credentials(sqs));
        return new SqsDeadLetters(builder.build(), sqs.queue(), sqs.deadLetterQueue());
    }

    @Override
    public Depth deadLetters() {
        return depth(deadLetterQueue);
    }

    @Override
    public Depth backlog() {
        return depth(queue);
    }

    @Override
    public void close() {
        client.close();
    }

    private Depth depth(String name) {
        try {
            String url = urls.computeIfAbsent(
                    name, n -> client.getQueueUrl(r -> r.queueName(n)).queueUrl());
            GetQueueAttributesResponse response = client.getQueueAttributes(r -> r.queueUrl(url)
                    .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
            Map<QueueAttributeName, String> a = response.attributes();
            return new Depth(
                    name,
                    count(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                    count(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)),
                    count(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)));
        } catch (RuntimeException e) {
            throw new SourceFailure("sqs", e);
        }
    }

    /**
     * Amazon SQS: the default chain. A local endpoint (ElasticMQ checks no signature): dummy keys, unless the
     * environment names real credentials.
     */
    private static AwsCredentialsProvider credentials(AuditConfig.Sqs sqs) {
        boolean named = System.getenv("AWS_ACCESS_KEY_ID") != null || System.getenv("AWS_PROFILE") != null;
        if (sqs.endpoint().isPresent() && !named) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static long count(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
