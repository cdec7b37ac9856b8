package dev.ticketingwarrior.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code SQS_PERSISTENT=true}: ElasticMQ killed with {@code kill -9} and started again on the same folder and port
 * still has every message it had accepted. The launcher runs as a process of its own, as {@code perf/soak} runs it.
 */
class SqsPersistenceIT {

    @TempDir
    Path dataDir;

    @Test
    void keepsQueuedMessagesAcrossAKillAndARestart() throws Exception {
        int port = freePort();
        Process first = launch(port);
        String queueUrl;
        try (SqsClient client = LocalStack.sqsClient("http://127.0.0.1:" + port)) {
            queueUrl = client.getQueueUrl(r -> r.queueName(LocalStack.CONFIRMATIONS_QUEUE))
                    .queueUrl();
            for (int i = 0; i < 20; i++) {
                int n = i;
                client.sendMessage(r -> r.queueUrl(queueUrl).messageBody("booking-" + n));
            }
        }
        first.destroyForcibly().waitFor();

        Process second = launch(port);
        try (SqsClient client = LocalStack.sqsClient("http://127.0.0.1:" + port)) {
            List<String> bodies = new java.util.ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(20);
            while (bodies.size() < 20 && Instant.now().isBefore(deadline)) {
                for (Message message : client.receiveMessage(r ->
                                r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages()) {
                    bodies.add(message.body());
                    client.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            }
            assertThat(bodies).hasSize(20).contains("booking-0", "booking-19");
            assertThat(client.getQueueUrl(r -> r.queueName(LocalStack.CONFIRMATIONS_DLQ))
                            .queueUrl())
                    .isNotBlank();
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private Process launch(int port) throws IOException, InterruptedException {
        Path log = dataDir.resolve("launcher-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalStackMain.class.getName(),
                        dataDir.resolve("stack").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment()
                .putAll(Map.of("LOCAL_STACK_COMPONENTS", "SQS", "SQS_PERSISTENT", "true", "SQS_PORT", "" + port));
        builder.environment().remove("SQS_ENDPOINT");
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log).contains("local-stack: READY")) {
                return process;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("the launcher did not start:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
