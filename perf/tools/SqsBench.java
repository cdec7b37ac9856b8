import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * A ratio base of the booking benchmark: what the local stack's ElasticMQ (the SQS API booking's confirmations go
 * through) carries on its own, without booking — producers send, consumers long-poll receive and delete, all at once
 * on a scratch queue, until every message was deleted. Reports messages/s and the CPU the stack JVM (ElasticMQ) spent
 * per message, read from {@code /proc/<stack pid>/stat}.
 *
 * <pre>
 * java -cp &lt;local-stack classpath&gt; perf/tools/SqsBench.java SQS_ENDPOINT STACK_PID MESSAGES MODE...
 * </pre>
 *
 * MODE is {@code batched} (SendMessageBatch of 10, ReceiveMessage of up to 10, DeleteMessageBatch — as booking does)
 * or {@code single} (SendMessage, ReceiveMessage of 1, DeleteMessage). Producers and consumers: {@code PRODUCERS}
 * (2) and {@code CONSUMERS} (2) threads (environment). Prints one line per mode:
 * {@code sqs: MODE N messages in S s = X msg/s; ElasticMQ CPU Y ms per message (Z % of one core)}.
 */
public class SqsBench {

    /** About the size of a BookingConfirmationMessage as booking sends it. */
    private static final String BODY = "{\"bookingId\":\"%s\",\"roundId\":\"20261129T160000Z\",\"seatId\":\"A-17\","
            + "\"ticketId\":\"t-%s\",\"nickname\":\"bot-0001234\",\"bot\":true,\"fencingToken\":123456,"
            + "\"roundOpenedAt\":\"2026-11-29T16:00:00Z\",\"enteredAt\":\"2026-11-29T16:00:00.120Z\","
            + "\"admittedAt\":\"2026-11-29T16:00:01.250Z\",\"heldAt\":\"2026-11-29T16:00:03.480Z\","
            + "\"bookedAt\":\"2026-11-29T16:00:04.010Z\",\"holdId\":\"h-%s\"}";

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: SqsBench SQS_ENDPOINT STACK_PID MESSAGES MODE...");
            System.exit(2);
        }
        String endpoint = args[0];
        long stackPid = Long.parseLong(args[1]);
        int messages = Integer.parseInt(args[2]);
        int producers = Integer.parseInt(System.getenv().getOrDefault("PRODUCERS", "2"));
        int consumers = Integer.parseInt(System.getenv().getOrDefault("CONSUMERS", "2"));
        try (SqsClient sqs = SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            List<String> modes = new ArrayList<>(List.of(args).subList(3, args.length));
            modes.addFirst("warm"); // warms the JIT of both sides (batched) and is not reported
            for (String mode : modes) {
                boolean batched = !mode.equals("single");
                String queue = sqs.createQueue(CreateQueueRequest.builder()
                                .queueName("perf-sqs-scratch-" + mode + "-" + System.nanoTime())
                                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"))
                                .build())
                        .queueUrl();
                int n = mode.equals("warm") ? Math.min(messages, 20_000) : messages;
                run(sqs, queue, mode, n, batched, producers, consumers, stackPid);
                sqs.deleteQueue(b -> b.queueUrl(queue));
            }
        }
    }

    private static void run(
            SqsClient sqs,
            String queue,
            String mode,
            int messages,
            boolean batched,
            int producers,
            int consumers,
            long stackPid)
            throws Exception {
        AtomicInteger toSend = new AtomicInteger(messages);
        AtomicInteger deleted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(producers + consumers);
        double cpu0 = cpuSeconds(stackPid);
        long t0 = System.nanoTime();
        List<Future<?>> tasks = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            tasks.add(pool.submit(() -> {
                int got;
                while ((got = take(toSend, batched ? 10 : 1)) > 0) {
                    if (batched) {
                        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(got);
                        for (int i = 0; i < got; i++) {
                            String id = Long.toHexString(System.nanoTime()) + i;
                            entries.add(SendMessageBatchRequestEntry.builder()
                                    .id(Integer.toString(i))
                                    .messageBody(BODY.formatted(id, id, id))
                                    .build());
                        }
                        var response = sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
                        if (!response.failed().isEmpty()) {
                            throw new IllegalStateException("send refused: " + response.failed());
                        }
                    } else {
                        String id = Long.toHexString(System.nanoTime());
                        sqs.sendMessage(b -> b.queueUrl(queue).messageBody(BODY.formatted(id, id, id)));
                    }
                }
                return null;
            }));
        }
        for (int c = 0; c < consumers; c++) {
            tasks.add(pool.submit(() -> {
                while (deleted.get() < messages) {
                    List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queue)
                                    .maxNumberOfMessages(batched ? 10 : 1)
                                    .waitTimeSeconds(1))
                            .messages();
                    if (got.isEmpty()) {
                        continue;
                    }
                    if (batched) {
                        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(got.size());
                        for (int i = 0; i < got.size(); i++) {
                            entries.add(DeleteMessageBatchRequestEntry.builder()
                                    .id(Integer.toString(i))
                                    .receiptHandle(got.get(i).receiptHandle())
                                    .build());
                        }
                        var response = sqs.deleteMessageBatch(b -> b.queueUrl(queue).entries(entries));
                        if (!response.failed().isEmpty()) {
                            throw new IllegalStateException("delete refused: " + response.failed());
                        }
                    } else {
                        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(got.getFirst().receiptHandle()));
                    }
                    deleted.addAndGet(got.size());
                }
                return null;
            }));
        }
        for (Future<?> task : tasks) {
            task.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = cpuSeconds(stackPid) - cpu0;
        pool.shutdown();
        if (!mode.equals("warm")) {
            System.out.printf(
                    Locale.ROOT,
                    "sqs: %s %d messages in %.2f s = %.0f msg/s; ElasticMQ CPU %.3f ms per message (%.0f %% of one core);"
                            + " %d producers, %d consumers%n",
                    mode,
                    messages,
                    seconds,
                    messages / seconds,
                    cpu * 1000 / messages,
                    cpu / seconds * 100,
                    producers,
                    consumers);
        }
    }

    private static int take(AtomicInteger left, int most) {
        while (true) {
            int now = left.get();
            if (now <= 0) {
                return 0;
            }
            int got = Math.min(most, now);
            if (left.compareAndSet(now, now - got)) {
                return got;
            }
        }
    }

    /** user + system CPU seconds of a process so far (0 when it is not readable). */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return 0;
        }
    }
}
