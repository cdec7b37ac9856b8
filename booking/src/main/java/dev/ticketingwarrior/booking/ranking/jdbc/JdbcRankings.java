package dev.ticketingwarrior.booking.ranking.jdbc;

import dev.ticketingwarrior.booking.config.Dependencies;
import dev.ticketingwarrior.booking.ranking.domain.RankMaths;
import dev.ticketingwarrior.booking.ranking.domain.Rankings;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The rank and results queries. Each runs on an index: {@code (round_id, bot, duration_ms)} for a round,
 * {@code (booked_day|booked_week, bot, duration_ms)} for the leaderboards; counts are index range scans and the
 * median is one {@code LIMIT/OFFSET} walk of the same index.
 */
@Component
class JdbcRankings implements Rankings {

    private static final RowMapper<Leader> LEADER = (rs, n) -> new Leader(
            rs.getString("booking_id"),
            rs.getString("round_id"),
            rs.getString("nickname"),
            rs.getString("seat_id"),
            rs.getLong("duration_ms"));
    private static final String LEADER_COLUMNS = "booking_id, round_id, nickname, seat_id, duration_ms";

    private final JdbcTemplate jdbc;
    private final Dependencies dependencies;

    JdbcRankings(JdbcTemplate jdbc, Dependencies dependencies) {
        this.jdbc = jdbc;
        this.dependencies = dependencies;
    }

    @Override
    public RoundCounts roundCounts(String roundId, long durationMs) {
        return dependencies.mysql(() -> new RoundCounts(
                count(
                        "SELECT COUNT(*) FROM bookings WHERE round_id = ? AND bot = FALSE AND duration_ms < ?",
                        roundId,
                        durationMs),
                count("SELECT COUNT(*) FROM bookings WHERE round_id = ? AND bot = FALSE", roundId),
                count(
                        "SELECT COUNT(*) FROM bookings WHERE round_id = ? AND bot = TRUE AND duration_ms > ?",
                        roundId,
                        durationMs),
                count("SELECT COUNT(*) FROM bookings WHERE round_id = ? AND bot = TRUE", roundId)));
    }

    @Override
    public WeekCounts weekCounts(LocalDate monday, long durationMs) {
        return dependencies.mysql(() -> new WeekCounts(
                count(
                        "SELECT COUNT(*) FROM bookings WHERE booked_week = ? AND bot = FALSE AND duration_ms < ?",
                        monday,
                        durationMs),
                count("SELECT COUNT(*) FROM bookings WHERE booked_week = ? AND bot = FALSE", monday)));
    }

    @Override
    public Summary summary(String roundId, boolean bots) {
        return dependencies.mysql(() -> {
            long count = count("SELECT COUNT(*) FROM bookings WHERE round_id = ? AND bot = ?", roundId, bots);
            if (count == 0) {
                return new Summary(0, null, null, null);
            }
            Long best = jdbc.queryForObject(
                    "SELECT MIN(duration_ms) FROM bookings WHERE round_id = ? AND bot = ?", Long.class, roundId, bots);
            Long slowest = jdbc.queryForObject(
                    "SELECT MAX(duration_ms) FROM bookings WHERE round_id = ? AND bot = ?", Long.class, roundId, bots);
            List<Long> middle = jdbc.queryForList(
                    "SELECT duration_ms FROM bookings WHERE round_id = ? AND bot = ? ORDER BY duration_ms"
                            + " LIMIT ? OFFSET ?",
                    Long.class,
                    roundId,
                    bots,
                    RankMaths.medianWidth(count),
                    RankMaths.medianOffset(count));
            return new Summary(count, best, RankMaths.median(middle, count), slowest);
        });
    }

    @Override
    public long soldCount(String roundId) {
        return dependencies.mysql(() -> count("SELECT COUNT(*) FROM bookings WHERE round_id = ?", roundId));
    }

    @Override
    public List<BucketCount> histogram(String roundId, long bucketMs) {
        return dependencies.mysql(() -> jdbc.query(
                "SELECT bot, FLOOR(duration_ms / ?) AS bucket, COUNT(*) AS n FROM bookings WHERE round_id = ?"
                        + " GROUP BY bot, bucket ORDER BY bucket",
                (rs, n) -> new BucketCount(rs.getLong("bucket"), rs.getBoolean("bot"), rs.getLong("n")),
                bucketMs,
                roundId));
    }

    @Override
    public List<Leader> fastestHumans(String roundId, int limit) {
        return fastestHumansWhere("round_id", roundId, limit);
    }

    @Override
    public List<Leader> fastestHumansOfDay(LocalDate day, int limit) {
        return fastestHumansWhere("booked_day", day, limit);
    }

    @Override
    public List<Leader> fastestHumansOfWeek(LocalDate monday, int limit) {
        return fastestHumansWhere("booked_week", monday, limit);
    }

    /** {@code column} is one of the three indexed constants above, never input. */
    private List<Leader> fastestHumansWhere(String column, Object value, int limit) {
        return dependencies.mysql(() -> jdbc.query(
                "SELECT " + LEADER_COLUMNS + " FROM bookings WHERE " + column
                        + " = ? AND bot = FALSE ORDER BY duration_ms, booking_id LIMIT ?",
                LEADER,
                value,
                limit));
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
