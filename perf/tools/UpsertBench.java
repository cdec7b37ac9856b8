import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ratio base of the booking benchmark: the raw MariaDB/MySQL rate of what booking's confirmation listener does per
 * SQS batch, without SQS and without booking — {@code INSERT … ON DUPLICATE KEY UPDATE booking_id = booking_id} of
 * {@code batch} rows in one transaction, into a scratch table created {@code LIKE bookings} (same columns, same
 * UNIQUE and rank indexes), through the same driver settings (rewriteBatchedStatements), as the same user.
 *
 * <pre>
 * java -cp &lt;mysql-connector-j&gt; perf/tools/UpsertBench.java JDBC_URL USER PASSWORD ROWS BATCH CONCURRENCY...
 * </pre>
 *
 * Prints one line per concurrency: {@code upsert: concurrency C batch B rows R in S s = X rows/s, batch p50/p99 ms}.
 * The scratch table is dropped at the end.
 */
public class UpsertBench {

    private static final String SCRATCH = "perf_upsert_scratch";

    private static final String UPSERT = "INSERT INTO " + SCRATCH
            + " (booking_id, round_id, seat_id, ticket_id, nickname, bot, fencing_token, round_opened_at, entered_at,"
            + " admitted_at, held_at, booked_at, duration_ms, entry_ms, wait_ms, seat_ms, confirm_ms, booked_day,"
            + " booked_week) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE booking_id = booking_id";

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: UpsertBench JDBC_URL USER PASSWORD ROWS BATCH CONCURRENCY...");
            System.exit(2);
        }
        String url = withDriverSettings(args[0]);
        String user = args[1];
        String password = args[2];
        int rows = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + SCRATCH);
            s.execute("CREATE TABLE " + SCRATCH + " LIKE bookings");
        }
        try {
            // a short warm-up (JIT, connections, buffer pool) that is not measured
            run(url, user, password, "warm", Math.min(rows, 2000), batch, 2, false);
            for (int a = 5; a < args.length; a++) {
                run(url, user, password, "c" + a, rows, batch, Integer.parseInt(args[a]), true);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + SCRATCH);
            }
        }
    }

    private static void run(
            String url, String user, String password, String tag, int rows, int batch, int concurrency, boolean print)
            throws Exception {
        int batches = (rows + batch - 1) / batch;
        AtomicInteger next = new AtomicInteger();
        long[] batchNanos = new long[batches];
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Connection c = DriverManager.getConnection(url, user, password);
            c.setAutoCommit(false);
            connections.add(c);
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (Connection c : connections) {
                workers.add(pool.submit(() -> {
                    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                        for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                            long t0 = System.nanoTime();
                            for (int r = b * batch; r < Math.min(rows, (b + 1) * batch); r++) {
                                bind(ps, tag, r);
                                ps.addBatch();
                            }
                            ps.executeBatch();
                            c.commit();
                            batchNanos[b] = System.nanoTime() - t0;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
            for (Connection c : connections) {
                c.close();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (print) {
            long[] sorted = batchNanos.clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "upsert: concurrency %d batch %d rows %d in %.3f s = %.1f rows/s, batch p50 %.1f ms p99 %.1f ms%n",
                    concurrency,
                    batch,
                    rows,
                    seconds,
                    rows / seconds,
                    sorted[sorted.length / 2] / 1e6,
                    sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
        }
    }

    private static void bind(PreparedStatement ps, String tag, int r) throws SQLException {
        Instant booked = Instant.now();
        Instant opened = booked.minusSeconds(30);
        LocalDate day = LocalDate.ofInstant(booked, ZoneOffset.UTC);
        ps.setString(1, "perf-" + tag + "-" + r + "-" + Long.toHexString(System.nanoTime()));
        ps.setString(2, "20990101T000000Z");
        ps.setString(3, tag + "-" + r);
        ps.setString(4, "ticket-" + tag + "-" + r);
        ps.setString(5, "p" + r);
        ps.setBoolean(6, r % 5 == 0);
        ps.setLong(7, r + 1L);
        ps.setTimestamp(8, Timestamp.from(opened));
        ps.setTimestamp(9, Timestamp.from(opened.plusMillis(300)));
        ps.setTimestamp(10, Timestamp.from(opened.plusMillis(5000)));
        ps.setTimestamp(11, Timestamp.from(opened.plusMillis(8000)));
        ps.setTimestamp(12, Timestamp.from(booked));
        ps.setLong(13, 30_000);
        ps.setLong(14, 300);
        ps.setLong(15, 4700);
        ps.setLong(16, 3000);
        ps.setLong(17, 22_000);
        ps.setObject(18, day);
        ps.setObject(19, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /** Booking's Hikari data-source properties (application.yml), unless the URL already sets them. */
    private static String withDriverSettings(String url) {
        String[] settings = {
            "rewriteBatchedStatements=true",
            "connectionTimeZone=UTC",
            "forceConnectionTimeZoneToSession=true",
            "connectTimeout=2000",
            "socketTimeout=5000"
        };
        StringBuilder out = new StringBuilder(url);
        for (String setting : settings) {
            String name = setting.substring(0, setting.indexOf('='));
            if (!url.contains(name + "=")) {
                out.append(out.indexOf("?") < 0 ? '?' : '&').append(setting);
            }
        }
        return out.toString();
    }
}
