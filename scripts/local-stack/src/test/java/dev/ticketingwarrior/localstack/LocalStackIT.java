package dev.ticketingwarrior.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RLock;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/** Each server of the shared stack answers a real client, the way the services will talk to it. */
class LocalStackIT {

    static LocalStack stack;
    static RedissonClient redisson;

    @BeforeAll
    static void start() {
        stack = LocalStack.shared(Component.REDIS, Component.MYSQL, Component.SQS);
        Config config = new Config();
        config.useSingleServer().setAddress(stack.redisUrl());
        redisson = Redisson.create(config);
    }

    @AfterAll
    static void stopClient() {
        redisson.shutdown();
    }

    @Test
    void redisGrantsARedissonLockToOneOwnerAtATime() throws Exception {
        RLock lock = redisson.getLock("{r:20261124T101500Z}:seat:A-1");

        assertThat(lock.tryLock(0, 5, TimeUnit.SECONDS)).isTrue();
        var second = new AtomicBoolean(true);
        Thread contender = Thread.ofPlatform().start(() -> {
            try {
                second.set(lock.tryLock(0, 5, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        contender.join();

        assertThat(second.get()).isFalse();
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void redisRunsLuaScriptsAtomically() {
        RScript script = redisson.getScript(StringCodec.INSTANCE);

        Long seq = script.eval(
                RScript.Mode.READ_WRITE,
                "local n = redis.call('INCR', KEYS[1]); redis.call('ZADD', KEYS[2], n, ARGV[1]); return n",
                RScript.ReturnType.LONG,
                List.of("{r:probe}:seq", "{r:probe}:queue"),
                "ticket-1");
        Long rank = script.eval(
                RScript.Mode.READ_ONLY,
                "return redis.call('ZRANK', KEYS[1], ARGV[1])",
                RScript.ReturnType.LONG,
                List.of("{r:probe}:queue"),
                "ticket-1");

        assertThat(seq).isEqualTo(1L);
        assertThat(rank).isZero();
    }

    @Test
    void mysqlAcceptsTheServiceUserAndAFlywayMigration() throws Exception {
        Flyway.configure()
                .dataSource(stack.mysqlJdbcUrl(), stack.mysqlUser(), stack.mysqlPassword())
                .locations("classpath:db/probe")
                .load()
                .migrate();

        try (Connection connection =
                        DriverManager.getConnection(stack.mysqlJdbcUrl(), stack.mysqlUser(), stack.mysqlPassword());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "INSERT INTO probe (id, name) VALUES (1, '민수') ON DUPLICATE KEY UPDATE name =" + " VALUES(name)");
            statement.executeUpdate(
                    "INSERT INTO probe (id, name) VALUES (1, '민수') ON DUPLICATE KEY UPDATE name =" + " VALUES(name)");
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*), MAX(name), CURRENT_USER() FROM probe")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
                assertThat(rows.getString(2)).isEqualTo("민수");
                assertThat(rows.getString(3)).startsWith("ticketing@");
            }
        }
    }

    @Test
    void mysqlRefusesAWrongPassword() {
        assertThatThrownBy(() -> DriverManager.getConnection(stack.mysqlJdbcUrl(), stack.mysqlUser(), "wrong"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
    }

    @Test
    void sqsDeliversAndRedrivesToTheDeadLetterQueueAfterFiveReceives() {
        try (SqsClient sqs = stack.sqsClient()) {
            String queue = stack.queueUrl(LocalStack.CONFIRMATIONS_QUEUE);
            String dlq = stack.queueUrl(LocalStack.CONFIRMATIONS_DLQ);
            assertThat(sqs.getQueueAttributes(request ->
                                    request.queueUrl(queue).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                            .attributes()
                            .get(QueueAttributeName.REDRIVE_POLICY))
                    .containsPattern("\"maxReceiveCount\":\"?5\"?")
                    .contains(LocalStack.CONFIRMATIONS_DLQ);

            sqs.sendMessage(request -> request.queueUrl(queue).messageBody("{\"bookingId\":\"poison\"}"));

            int receives = 0;
            for (int attempt = 0; attempt < 20 && receives < 5; attempt++) {
                ReceiveMessageResponse got = sqs.receiveMessage(request -> request.queueUrl(queue)
                        .maxNumberOfMessages(1)
                        .visibilityTimeout(0)
                        .waitTimeSeconds(1));
                receives += got.messages().size();
            }
            assertThat(receives).isEqualTo(5);

            // the sixth receive finds it moved to the DLQ instead
            assertThat(sqs.receiveMessage(request -> request.queueUrl(queue).waitTimeSeconds(1))
                            .messages())
                    .isEmpty();
            List<Message> dead = sqs.receiveMessage(
                            request -> request.queueUrl(dlq).waitTimeSeconds(2))
                    .messages();
            assertThat(dead).extracting(Message::body).containsExactly("{\"bookingId\":\"poison\"}");
        }
    }
}
