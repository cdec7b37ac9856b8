package dev.ticketingwarrior.booking.ranking.jdbc;

import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.booking.ranking.domain.RankMaths;
import dev.ticketingwarrior.booking.ranking.domain.Rankings;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rank and results queries. Each runs on an index: {@code (round_id, bot, duration_ms)} for a round,
 * {@code (booked_day|booked_week, bot, duration_ms, booking_id, player_id)} for the week's rank and the leaderboards;
 * counts are index range scans and the median is one {@code LIMIT/OFFSET} walk of the same index. A leaderboard's page
 * is a keyset range of that index in its own order, read from the index alone (no row is read for a booking the board
 * skips); the rows of the bookings listed are then read by primary key.
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
    private static final RowMapper<Booked> BOOKED = (rs, n) -> new Booked(
            rs.getString("booking_id"), rs.getLong("duration_ms"), PlayerId.parse(rs.getString("player_id")));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Dependencies dependencies;

    JdbcRankings(JdbcTemplate jdbc, Dependencies dependencies) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.dependencies = dependencies;
    }

    @Override
    public RoundCounts roundCounts(RoundId round, long durationMs) {
        String roundId = round.value();
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
    public Summary summary(RoundId round, boolean bots) {
        String roundId = round.value();
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
    public long soldCount(RoundId round) {
        String roundId = round.value();
        return dependencies.mysql(() -> count("SELECT COUNT(*) FROM bookings WHERE round_id = ?", roundId));
    }

    @Override
    public List<BucketCount> histogram(RoundId round, long bucketMs) {
        String roundId = round.value();
        return dependencies.mysql(() -> jdbc.query(
                "SELECT bot, FLOOR(duration_ms / ?) AS bucket, COUNT(*) AS n FROM bookings WHERE round_id = ?"
                        + " GROUP BY bot, bucket ORDER BY bucket",
                (rs, n) -> new BucketCount(rs.getLong("bucket"), rs.getBoolean("bot"), rs.getLong("n")),
                bucketMs,
                roundId));
    }

    @Override
    public List<Leader> fastestHumans(RoundId round, int limit) {
        String roundId = round.value();
        return dependencies.mysql(() -> jdbc.query(
                "SELECT " + LEADER_COLUMNS
                        + " FROM bookings WHERE round_id = ? AND bot = FALSE ORDER BY duration_ms, booking_id LIMIT ?",
                LEADER,
                roundId,
                limit));
    }

    @Override
    public List<Booked> humansOfDay(LocalDate day, Booked after, int limit) {
        return humansWhere("booked_day", day, after, limit);
    }

    @Override
    public List<Booked> humansOfWeek(LocalDate monday, Booked after, int limit) {
        return humansWhere("booked_week", monday, after, limit);
    }

    @Override
    public List<Leader> leaders(List<String> bookingIds) {
        if (bookingIds.isEmpty()) {
            return List.of();
        }
        Map<String, Leader> byId = new HashMap<>();
        dependencies
                .mysql(() -> named.query(
                        "SELECT " + LEADER_COLUMNS + " FROM bookings WHERE booking_id IN (:ids)",
                        new MapSqlParameterSource("ids", bookingIds),
                        LEADER))
                .forEach(leader -> byId.put(leader.bookingId(), leader));
        return bookingIds.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** {@code column} is one of the two indexed constants above, never input. */
    private List<Booked> humansWhere(String column, LocalDate value, Booked after, int limit) {
        String head =
                "SELECT booking_id, duration_ms, player_id FROM bookings WHERE " + column + " = ? AND bot = FALSE";
        String order = " ORDER BY duration_ms, booking_id LIMIT ?";
        return dependencies.mysql(() -> after == null
                ? jdbc.query(head + order, BOOKED, value, limit)
                : jdbc.query(
                        head + " AND (duration_ms > ? OR (duration_ms = ? AND booking_id > ?))" + order,
                        BOOKED,
                        value,
                        after.durationMs(),
                        after.durationMs(),
                        after.bookingId(),
                        limit));
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
