package dev.ticketingwarrior.perf.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.ticketingwarrior.localstack.Component;
import dev.ticketingwarrior.localstack.LocalStack;
import dev.ticketingwarrior.shared.round.RoundId;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The auditor against the real local stack (Redis, MariaDB with booking's own migration, ElasticMQ): real rows, keys
 * and a dead letter seeded the way the services write them, and every seeded violation found; a clean round has none.
 */
class AuditorIT {

    private static final Duration PERIOD = Duration.ofSeconds(60);
    private static final Duration DRAIN = Duration.ofSeconds(2);
    private static final Path MIGRATION = Path.of("../booking/src/main/resources/db/migration/V1__bookings.sql");
    private static final int TABLE_EXISTS = 1050;

    private static LocalStack stack;
    private static RedisClient redisClient;
    private static StatefulRedisConnection<String, String> redisConnection;
    private static RedisCommands<String, String> redis;
    private static Connection db;
    private static final List<String> persistentKeys = new ArrayList<>();

    // rounds that ended minutes ago (so their keys must have a TTL), at a random second: no clash with leftovers of
    // an earlier run on an external server
    private final Instant base = Instant.now()
            .truncatedTo(ChronoUnit.SECONDS)
            .minus(Duration.ofMinutes(10 + ThreadLocalRandom.current().nextInt(100_000)));
    private final RoundWindow clean = window(base);
    private final RoundWindow dirty = window(base.plus(PERIOD));

    @BeforeAll
    static void startStack() throws Exception {
        // no logback configuration in this module: keep Lettuce, Netty and the AWS SDK from logging at DEBUG
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.INFO);
        stack = LocalStack.shared(Component.REDIS, Component.MYSQL, Component.SQS);
        redisClient = RedisClient.create(stack.redisUrl());
        redisConnection = redisClient.connect();
        redis = redisConnection.sync();
        db = DriverManager.getConnection(stack.mysqlJdbcUrl(), jdbcProperties());
        migrate();
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        if (redis != null && !persistentKeys.isEmpty()) {
            redis.del(persistentKeys.toArray(String[]::new)); // other tests' end audits must not find them
        }
        if (stack != null) {
            try (SqsClient sqs = stack.sqsClient()) {
                sqs.purgeQueue(b -> b.queueUrl(stack.queueUrl(LocalStack.CONFIRMATIONS_DLQ)));
            }
        }
        if (redisConnection != null) {
            redisConnection.close();
            redisClient.shutdown();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void findsEverySeededViolationAndNoneInACleanRound() throws Exception {
        List<AcceptedBooking> accepted = new ArrayList<>();
        List<AdmissionSample> samples = new ArrayList<>();
        seedCleanRound(accepted, samples);
        seedDirtyRound(accepted, samples);

        try (Auditor auditor = Auditor.connect(config())) {
            assertThat(auditor.probe()).containsExactly("mysql: reachable", "redis: reachable", "sqs: reachable");

            RoundVerdict cleanVerdict = auditor.auditRound(clean, accepted, samples, DRAIN);
            assertThat(cleanVerdict.violations()).isEmpty();
            assertThat(cleanVerdict.skipped()).isEmpty();
            assertThat(cleanVerdict.accepted()).isEqualTo(2);
            assertThat(cleanVerdict.confirmed()).isEqualTo(1);
            assertThat(cleanVerdict.rejected()).isEqualTo(1);
            assertThat(cleanVerdict.bots()).contains(new BotBookings(1, 0, 0));
            assertThat(cleanVerdict.seatsSold()).isEqualTo(2);
            assertThat(cleanVerdict.confirmationLagMs()).isEqualTo(new Percentiles(2, 120, 340, 340, 340));
            assertThat(cleanVerdict.sellOut()).containsExactly(new long[] {1_500, 1}, new long[] {2_500, 2});
            assertThat(cleanVerdict.settled())
                    .containsExactly(new long[] {1_500, 1_620}, new long[] {1_600, 1_800}, new long[] {2_500, 2_840});
            assertThat(cleanVerdict.dlq()).isZero();

            try (SqsClient sqs = stack.sqsClient()) {
                sqs.sendMessage(b -> b.queueUrl(stack.queueUrl(LocalStack.CONFIRMATIONS_DLQ))
                        .messageBody("{\"not\":\"a booking\"}"));
            }
            RoundVerdict dirtyVerdict = auditor.auditRound(dirty, accepted, samples, DRAIN);
            assertThat(dirtyVerdict.violations())
                    .extracting(Violation::invariant)
                    .containsExactlyInAnyOrder(
                            "lost",
                            "lost",
                            "status-mismatch",
                            "oversold",
                            "redis-mysql-mismatch",
                            "sold-without-booking",
                            "admission-rate",
                            "max-active",
                            "dlq");
            assertThat(dirtyVerdict.lost()).hasValue(2);
            assertThat(dirtyVerdict.bots()).contains(new BotBookings(1, 0, 1));
            assertThat(dirtyVerdict.oversold()).isEqualTo(1);
            assertThat(dirtyVerdict.dlq()).isEqualTo(1);
            assertThat(dirtyVerdict.violations())
                    .filteredOn(v -> v.invariant().equals("lost"))
                    .extracting(Violation::detail)
                    .anySatisfy(d -> assertThat(d).contains("d-lost", "got a 202"))
                    .anySatisfy(d -> assertThat(d)
                            .startsWith("booking d-bot-lost (seat B-2, ticket t-d-bot-lost, bot) has a pending copy")
                            .endsWith("Redis has the seat SOLD to it"));
            assertThat(detail(dirtyVerdict.violations(), "oversold")).startsWith("seat A-1 sold 2 times");
            assertThat(detail(dirtyVerdict.violations(), "redis-mysql-mismatch"))
                    .isEqualTo("seat A-4: Redis sold it to d-other, the bookings table to d-b4");
            assertThat(detail(dirtyVerdict.violations(), "sold-without-booking"))
                    .contains("seat B-1", "d-lost");
            assertThat(detail(dirtyVerdict.violations(), "admission-rate")).startsWith("10 tickets admitted by");

            FinalVerdict end = auditor.auditEnd(List.of(clean, dirty), accepted, DRAIN);
            assertThat(end.rounds().getFirst().violations()).isEmpty();
            assertThat(end.dlq()).isEqualTo(1);
            assertThat(end.lost()).hasValue(2);
            assertThat(end.bots()).contains(new BotBookings(2, 0, 1));
            assertThat(end.oversold()).isEqualTo(1);
            assertThat(end.violations())
                    .filteredOn(v -> v.roundId().equals(clean.roundId()))
                    .isEmpty();
            assertThat(end.violations())
                    .filteredOn(v -> v.invariant().equals("no-ttl"))
                    .extracting(Violation::detail)
                    .anySatisfy(d -> assertThat(d).startsWith(RoundKeys.tag(dirty.roundId()) + ":hold:h-forever"));
            assertThat(end.violations())
                    .filteredOn(v -> v.invariant().equals("dlq"))
                    .singleElement()
                    .satisfies(v -> assertThat(v.roundId()).isEqualTo(Violation.NO_ROUND));
        }
    }

    @Test
    void skipsWhatItCannotReach() {
        AuditConfig unreachable = AuditConfig.of(PERIOD)
                .withRedis("redis://127.0.0.1:1")
                .withMysql("jdbc:mysql://127.0.0.1:1/ticketing", "nobody", "")
                .withSqs(AuditConfig.Sqs.local("http://127.0.0.1:1"));
        List<AcceptedBooking> accepted =
                List.of(new AcceptedBooking(clean.roundId(), "x-1", "A-1", "t-x-1", false, "CONFIRMED"));

        try (Auditor auditor = Auditor.connect(unreachable)) {
            RoundVerdict verdict = auditor.auditRound(clean, accepted, List.of(), Duration.ZERO);
            FinalVerdict end = auditor.auditEnd(List.of(clean), accepted, Duration.ZERO);

            assertThat(verdict.violations()).isEmpty();
            assertThat(verdict.confirmed()).isEqualTo(1);
            assertThat(verdict.skipped())
                    .anySatisfy(line -> assertThat(line).startsWith("mysql: not reachable"))
                    .anySatisfy(line -> assertThat(line).startsWith("redis: not reachable"))
                    .anySatisfy(line -> assertThat(line).startsWith("sqs: not reachable"));
            assertThat(end.violations()).isEmpty();
            assertThat(end.skipped()).anySatisfy(line -> assertThat(line).contains("key TTLs not checked"));
        }
    }

    /** Two players: one confirmed, one rejected for the same seat; a bot confirmed; admission within its rate. */
    private void seedCleanRound(List<AcceptedBooking> accepted, List<AdmissionSample> samples) throws SQLException {
        String id = clean.roundId();
        insert("bookings", id, "c-b1", "A-1", false, 1_500, 120);
        insert("bookings", id, "c-bot", "A-2", true, 2_500, 340);
        insert("rejected_bookings", id, "c-b2", "A-1", false, 1_600, 200);
        sold(id, Map.of("A-1", "c-b1", "A-2", "c-bot"));
        pending(id, "c-b1", "c-bot", "c-b2");
        serving(id, "10", "5", "0");
        admit(id, clean.opensAt(), 5, 0);
        admit(id, clean.opensAt().plusMillis(1_000), 10, 5); // 15 by +1 s: 5 + 10/s
        accepted.add(new AcceptedBooking(id, "c-b1", "A-1", "t-c-b1", false, "CONFIRMED"));
        accepted.add(new AcceptedBooking(id, "c-b2", "A-1", "t-c-b2", false, "REJECTED"));
        samples.add(new AdmissionSample(id, clean.opensAt().plusSeconds(3), 15, 4, 20));
    }

    /**
     * One of each: a lost 202, a lost bot booking, an oversold seat, a Redis/MySQL mismatch, admission over the rate
     * and maxActive.
     */
    private void seedDirtyRound(List<AcceptedBooking> accepted, List<AdmissionSample> samples) throws SQLException {
        String id = dirty.roundId();
        // lost: accepted, SOLD in Redis, never written
        accepted.add(new AcceptedBooking(id, "d-lost", "B-1", "t-d-lost", false, "PENDING"));
        // oversold: d-b1 holds A-1, yet d-b2's journey was told CONFIRMED for it too
        insert("bookings", id, "d-b1", "A-1", true, 1_000, 100);
        insert("rejected_bookings", id, "d-b2", "A-1", false, 1_100, 100);
        accepted.add(new AcceptedBooking(id, "d-b2", "A-1", "t-d-b2", false, "CONFIRMED"));
        // mismatch: the table sold A-4 to d-b4, Redis to someone else
        insert("bookings", id, "d-b4", "A-4", false, 1_200, 100);
        accepted.add(new AcceptedBooking(id, "d-b4", "A-4", "t-d-b4", false, "CONFIRMED"));
        sold(id, Map.of("A-1", "d-b1", "B-1", "d-lost", "A-4", "d-other", "B-2", "d-bot-lost"));
        pending(id, "d-b1", "d-b2", "d-b4");
        // a bot's booking accepted (its seat SOLD, its pending copy kept) and never written
        botCopy(id, "d-bot-lost", "B-2");
        // admission: rate 1/s and no open batch allow 1 ticket at +0.5 s, not 10
        serving(id, "1", "0", "5");
        admit(id, dirty.opensAt().plusMillis(500), 10, 0);
        samples.add(new AdmissionSample(id, dirty.opensAt().plusSeconds(2), 10, 7, 5));
        // a key of this finished round that never expires
        String forever = RoundKeys.tag(id) + ":hold:h-forever";
        redis.hset(forever, Map.of("ticket", "t-x", "seat", "C-3"));
        persistentKeys.add(forever);
    }

    private static void migrate() throws IOException, SQLException {
        Path file =
                Path.of(System.getProperty("basedir", ".")).resolve(MIGRATION).normalize();
        String sql = Files.readAllLines(file).stream()
                .filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + "\n" + b);
        try (Statement statement = db.createStatement()) {
            for (String part : sql.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    statement.execute(part);
                } catch (SQLException e) {
                    if (e.getErrorCode() != TABLE_EXISTS) {
                        throw e;
                    }
                }
            }
        }
    }

    /** A row as booking's listener writes it, booked {@code bookedMs} after the open, settled {@code lagMs} later. */
    private void insert(
            String table, String round, String bookingId, String seat, boolean bot, long bookedMs, long lagMs)
            throws SQLException {
        Instant opened = RoundId.parse(round).orElseThrow().start();
        Instant booked = opened.plusMillis(bookedMs);
        LocalDate day = LocalDate.ofInstant(booked, ZoneOffset.UTC);
        boolean confirmed = table.equals("bookings");
        String sql = "INSERT INTO " + table
                + " (booking_id, round_id, seat_id, ticket_id, nickname, bot, fencing_token,"
                + " round_opened_at, entered_at, admitted_at, held_at, booked_at, duration_ms, entry_ms, wait_ms,"
                + " seat_ms, confirm_ms, "
                + (confirmed ? "booked_day, booked_week, confirmed_at" : "reason, rejected_at")
                + ") VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, " + (confirmed ? "?, ?, ?" : "?, ?")
                + ")";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, bookingId);
            ps.setString(2, round);
            ps.setString(3, seat);
            ps.setString(4, "t-" + bookingId);
            ps.setString(5, "n-" + bookingId);
            ps.setBoolean(6, bot);
            for (int i = 7; i <= 11; i++) {
                ps.setTimestamp(i, Timestamp.from(i == 11 ? booked : opened));
            }
            ps.setLong(12, bookedMs);
            Timestamp settled = Timestamp.from(booked.plusMillis(lagMs));
            if (confirmed) {
                ps.setObject(13, day);
                ps.setObject(14, day);
                ps.setTimestamp(15, settled);
            } else {
                ps.setString(13, "SEAT_SOLD");
                ps.setTimestamp(14, settled);
            }
            ps.executeUpdate();
        }
    }

    private static void sold(String round, Map<String, String> seats) {
        String key = RoundKeys.sold(round);
        redis.hset(key, seats);
        redis.expire(key, 600);
    }

    private static void pending(String round, String... bookingIds) {
        for (String bookingId : bookingIds) {
            redis.set(RoundKeys.pendingBookingPrefix(round) + bookingId, "{\"bookingId\":\"" + bookingId + "\"}");
            redis.expire(RoundKeys.pendingBookingPrefix(round) + bookingId, 600);
        }
    }

    /** A bot's pending copy as booking keeps it: the JSON of its {@code PendingCopy}. */
    private static void botCopy(String round, String bookingId, String seat) {
        String at = RoundId.parse(round).orElseThrow().start().toString();
        String key = RoundKeys.pendingBookingPrefix(round) + bookingId;
        redis.set(key, """
                {"bookingId":"%s","roundId":"%s","seatId":"%s","ticketId":"t-%s","nickname":"bot-%s","bot":true,\
                "fencingToken":7,"roundOpenedAt":"%s","enteredAt":"%s","admittedAt":"%s","heldAt":"%s",\
                "bookedAt":"%s"}""".formatted(bookingId, round, seat, bookingId, bookingId, at, at, at, at, at));
        redis.expire(key, 600);
    }

    private static void serving(String round, String rate, String batch, String maxActive) {
        String key = RoundKeys.serve(round);
        redis.hset(key, Map.of("rate", rate, "batch", batch, "maxActive", maxActive, "paused", "0"));
        redis.expire(key, 600);
    }

    private static void admit(String round, Instant at, int tickets, int firstTicket) {
        String key = RoundKeys.admitted(round);
        for (int i = 0; i < tickets; i++) {
            redis.hset(key, "ticket-" + (firstTicket + i), Long.toString(at.toEpochMilli()));
        }
        redis.expire(key, 600);
    }

    private static String detail(List<Violation> violations, String invariant) {
        return violations.stream()
                .filter(v -> v.invariant().equals(invariant))
                .findFirst()
                .orElseThrow()
                .detail();
    }

    private static RoundWindow window(Instant start) {
        return new RoundWindow(RoundId.startingAt(start).value(), start, start.plusSeconds(15));
    }

    private static AuditConfig config() {
        return AuditConfig.of(PERIOD)
                .withRedis(stack.redisUrl())
                .withMysql(stack.mysqlJdbcUrl(), stack.mysqlUser(), stack.mysqlPassword())
                .withSqs(AuditConfig.Sqs.local(stack.sqsEndpoint()));
    }

    private static Properties jdbcProperties() {
        Properties p = new Properties();
        p.setProperty("user", stack.mysqlUser());
        p.setProperty("password", stack.mysqlPassword());
        p.setProperty("connectionTimeZone", "UTC"); // as booking writes its DATETIMEs
        return p;
    }
}
