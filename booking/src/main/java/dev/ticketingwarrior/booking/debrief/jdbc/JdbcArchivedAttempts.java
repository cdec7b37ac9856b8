package dev.ticketingwarrior.booking.debrief.jdbc;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.debrief.domain.ArchivedAttempts;
import dev.ticketingwarrior.booking.debrief.domain.Attempt;
import dev.ticketingwarrior.booking.debrief.domain.AttemptResult;
import dev.ticketingwarrior.booking.debrief.domain.Debrief;
import dev.ticketingwarrior.booking.debrief.domain.History;
import dev.ticketingwarrior.booking.debrief.domain.Outcome;
import dev.ticketingwarrior.booking.debrief.domain.SeatResult;
import dev.ticketingwarrior.booking.debrief.domain.Steps;
import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attempts in MySQL/MariaDB. A round's attempts are upserted in one batch ({@code ON DUPLICATE KEY UPDATE}), so the
 * archive may run twice (a batch MySQL refuses for one attempt's values is written attempt by attempt, without it);
 * reads join {@code bookings} and {@code rejected_bookings} by the booking id for the outcome. The player's reads are range scans of {@code ix_attempts_player}, a round's a range of the primary key.
 */
@Component
class JdbcArchivedAttempts implements ArchivedAttempts {

    private static final Logger log = LoggerFactory.getLogger(JdbcArchivedAttempts.class);

    private static final String UPSERT = """
            INSERT INTO attempts (round_id, ticket_id, player_id, nickname, queue_number, entered, entered_at,
              admitted_at, letter_at, letter_answers, last_seat_at, held_at, booking_id, seat_id, booked_at,
              booked_held_at, entry_ms, wait_ms, letter_ms, pick_ms, confirm_ms, total_ms, timeline, closed_at,
              served_at_close, admitted_within_ms, admitted_humans)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE player_id = VALUES(player_id), nickname = VALUES(nickname),
              queue_number = VALUES(queue_number), entered = VALUES(entered), entered_at = VALUES(entered_at),
              admitted_at = VALUES(admitted_at), letter_at = VALUES(letter_at),
              letter_answers = VALUES(letter_answers), last_seat_at = VALUES(last_seat_at), held_at = VALUES(held_at),
              booking_id = VALUES(booking_id), seat_id = VALUES(seat_id), booked_at = VALUES(booked_at),
              booked_held_at = VALUES(booked_held_at), entry_ms = VALUES(entry_ms), wait_ms = VALUES(wait_ms),
              letter_ms = VALUES(letter_ms), pick_ms = VALUES(pick_ms), confirm_ms = VALUES(confirm_ms),
              total_ms = VALUES(total_ms), timeline = VALUES(timeline), closed_at = VALUES(closed_at),
              served_at_close = VALUES(served_at_close), admitted_within_ms = VALUES(admitted_within_ms),
              admitted_humans = VALUES(admitted_humans)
            """;

    private static final String SELECT = """
            SELECT a.*, b.confirmed_at AS confirmed_at, r.rejected_at AS rejected_at
            FROM attempts a
              LEFT JOIN bookings b ON b.booking_id = a.booking_id
              LEFT JOIN rejected_bookings r ON r.booking_id = a.booking_id
            """;

    private static final TypeReference<List<SeatRow>> SEAT_ROWS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final Dependencies dependencies;
    private final JsonMapper json;
    /** The archived seat rows, read past fields a newer version may have written (a rollback must still read them). */
    private final ObjectReader seatRows;

    JdbcArchivedAttempts(JdbcTemplate jdbc, Dependencies dependencies, JsonMapper json) {
        this.jdbc = jdbc;
        this.dependencies = dependencies;
        this.json = json;
        this.seatRows = json.readerFor(SEAT_ROWS).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public void save(List<Attempt> attempts, Long entered) {
        if (attempts.isEmpty()) {
            return;
        }
        try {
            dependencies.mysql(
                    () -> jdbc.batchUpdate(UPSERT, attempts, attempts.size(), (ps, a) -> bind(ps, a, entered)));
        } catch (DataIntegrityViolationException refused) {
            // an attempt MySQL refuses as it is (a value out of its column's range) would keep the round's others out
            // of
            // the archive on every try: each is written alone, and the refused ones are left out (and said)
            for (Attempt attempt : attempts) {
                saveAlone(attempt, entered);
            }
        }
    }

    private void saveAlone(Attempt attempt, Long entered) {
        try {
            dependencies.mysql(() -> jdbc.update(UPSERT, ps -> bind(ps, attempt, entered)));
        } catch (DataIntegrityViolationException e) {
            log.error(
                    "attempt of ticket {} in round {} left out of the archive: {}",
                    attempt.ticketId(),
                    attempt.round(),
                    e.getMostSpecificCause().getMessage());
        }
    }

    @Override
    public Optional<AttemptResult> find(RoundId round, String ticketId) {
        return dependencies.mysql(() -> jdbc
                .query(
                        SELECT + " WHERE a.round_id = ? AND a.ticket_id = ?",
                        (rs, n) -> row(rs, true),
                        round.value(),
                        ticketId)
                .stream()
                .findFirst());
    }

    @Override
    public List<AttemptResult> ofRound(RoundId round) {
        return dependencies.mysql(
                () -> jdbc.query(SELECT + " WHERE a.round_id = ?", (rs, n) -> row(rs, false), round.value()));
    }

    @Override
    public Outcome outcomeOf(BookingId bookingId) {
        return dependencies.mysql(() -> {
            List<Timestamp> confirmed = jdbc.query(
                    "SELECT confirmed_at FROM bookings WHERE booking_id = ?",
                    (rs, n) -> rs.getTimestamp(1),
                    bookingId.value());
            if (!confirmed.isEmpty()) {
                return new Outcome(
                        Outcome.Status.CONFIRMED,
                        Optional.of(confirmed.getFirst().toInstant()));
            }
            List<Timestamp> rejected = jdbc.query(
                    "SELECT rejected_at FROM rejected_bookings WHERE booking_id = ?",
                    (rs, n) -> rs.getTimestamp(1),
                    bookingId.value());
            return rejected.isEmpty()
                    ? Outcome.PENDING
                    : new Outcome(
                            Outcome.Status.REJECTED,
                            Optional.of(rejected.getFirst().toInstant()));
        });
    }

    @Override
    public List<AttemptResult> ofPlayer(PlayerId player, int limit) {
        return dependencies.mysql(() -> jdbc.query(
                SELECT + " WHERE a.player_id = ? ORDER BY a.round_id DESC LIMIT ?",
                (rs, n) -> row(rs, false),
                player.value(),
                limit));
    }

    @Override
    public History.Totals totals(PlayerId player) {
        return dependencies.mysql(() -> jdbc.queryForObject(
                """
                SELECT COUNT(*) AS rounds, COUNT(b.booking_id) AS won,
                  MIN(CASE WHEN b.booking_id IS NOT NULL THEN a.total_ms END) AS total_ms,
                  MIN(a.entry_ms) AS entry_ms, MIN(a.wait_ms) AS wait_ms, MIN(a.letter_ms) AS letter_ms,
                  MIN(a.pick_ms) AS pick_ms, MIN(a.confirm_ms) AS confirm_ms
                FROM attempts a LEFT JOIN bookings b ON b.booking_id = a.booking_id
                WHERE a.player_id = ?
                """,
                (rs, n) -> new History.Totals(
                        rs.getLong("rounds"),
                        rs.getLong("won"),
                        new History.Bests(
                                nullableLong(rs, "total_ms"),
                                nullableLong(rs, "entry_ms"),
                                nullableLong(rs, "wait_ms"),
                                nullableLong(rs, "letter_ms"),
                                nullableLong(rs, "pick_ms"),
                                nullableLong(rs, "confirm_ms"))),
                player.value()));
    }

    @Override
    public Optional<Debrief.PersonalBest> personalBest(PlayerId player, RoundId before) {
        String beforeRound = before == null ? "99999999T999999Z" : before.value();
        return dependencies.mysql(() -> jdbc
                .query(
                        """
                        SELECT a.round_id, a.total_ms, a.entry_ms, a.wait_ms, a.letter_ms, a.pick_ms, a.confirm_ms
                        FROM attempts a JOIN bookings b ON b.booking_id = a.booking_id
                        WHERE a.player_id = ? AND a.round_id < ?
                        ORDER BY a.total_ms, a.round_id LIMIT 1
                        """,
                        (rs, n) -> new Debrief.PersonalBest(
                                rs.getString("round_id"),
                                rs.getLong("total_ms"),
                                new Steps(
                                        nullableLong(rs, "entry_ms"),
                                        nullableLong(rs, "wait_ms"),
                                        nullableLong(rs, "letter_ms"),
                                        nullableLong(rs, "pick_ms"),
                                        nullableLong(rs, "confirm_ms"))),
                        player.value(),
                        beforeRound)
                .stream()
                .findFirst());
    }

    @Override
    public int erase(PlayerId player) {
        return dependencies.mysql(() -> jdbc.update("DELETE FROM attempts WHERE player_id = ?", player.value()));
    }

    private void bind(PreparedStatement ps, Attempt a, Long entered) throws SQLException {
        Instant open = a.round().start();
        Steps steps = Steps.of(a, open);
        ps.setString(1, a.round().value());
        ps.setString(2, a.ticketId());
        ps.setString(3, a.playerId().value());
        ps.setString(4, a.nickname());
        ps.setLong(5, a.queueNumber());
        setLong(ps, 6, entered);
        ps.setTimestamp(7, Timestamp.from(a.enteredAt()));
        setTime(ps, 8, a.admittedAt());
        setTime(ps, 9, a.letterSolvedAt());
        ps.setInt(10, a.letterAnswers());
        setTime(ps, 11, a.lastSeatAt());
        setTime(ps, 12, a.heldAt());
        ps.setString(13, a.booked().map(b -> b.bookingId().value()).orElse(null));
        ps.setString(14, a.booked().map(Attempt.Booked::seatId).orElse(null));
        setTime(ps, 15, a.booked().map(Attempt.Booked::at));
        setTime(ps, 16, a.booked().map(Attempt.Booked::heldAt));
        setLong(ps, 17, steps.entryMs());
        setLong(ps, 18, steps.waitMs());
        setLong(ps, 19, steps.letterMs());
        setLong(ps, 20, steps.pickMs());
        setLong(ps, 21, steps.confirmMs());
        setLong(ps, 22, Steps.totalMs(a, open));
        ps.setString(
                23, json.writeValueAsString(a.seats().stream().map(SeatRow::of).toList()));
        setTime(ps, 24, a.notAdmitted().map(Attempt.NotAdmitted::closedAt));
        setLong(ps, 25, a.notAdmitted().map(Attempt.NotAdmitted::served).orElse(null));
        setLong(
                ps,
                26,
                a.notAdmitted().map(Attempt.NotAdmitted::admittedWithinMs).orElse(null));
        setLong(ps, 27, a.notAdmitted().map(Attempt.NotAdmitted::admittedHumans).orElse(null));
    }

    private AttemptResult row(ResultSet rs, boolean withSeats) throws SQLException {
        RoundId round = new RoundId(rs.getString("round_id"));
        Optional<Instant> bookedAt = time(rs, "booked_at");
        // the booking of the attempt's round (the archive wrote both from the attempt)
        Optional<Attempt.Booked> booked = bookedAt.map(at -> new Attempt.Booked(
                at,
                new BookingId(round, string(rs, "booking_id")),
                string(rs, "seat_id"),
                time(rs, "booked_held_at").orElse(at)));
        List<Attempt.SeatAttempt> seats = withSeats
                ? seatRows.<List<SeatRow>>readValue(rs.getString("timeline")).stream()
                        .map(SeatRow::seat)
                        .toList()
                : List.of();
        Attempt attempt = new Attempt(
                round,
                rs.getString("ticket_id"),
                new PlayerId(rs.getString("player_id")),
                rs.getString("nickname"),
                rs.getLong("queue_number"),
                rs.getTimestamp("entered_at").toInstant(),
                time(rs, "admitted_at"),
                time(rs, "letter_at"),
                rs.getInt("letter_answers"),
                seats,
                time(rs, "last_seat_at"),
                time(rs, "held_at"),
                booked,
                time(rs, "closed_at")
                        .map(closed -> new Attempt.NotAdmitted(
                                closed,
                                longOf(rs, "served_at_close"),
                                nullableLongOf(rs, "admitted_within_ms"),
                                longOf(rs, "admitted_humans"))));
        Outcome outcome;
        Optional<Instant> confirmed = time(rs, "confirmed_at");
        Optional<Instant> rejected = time(rs, "rejected_at");
        if (booked.isEmpty()) {
            outcome = attempt.unbooked();
        } else if (confirmed.isPresent()) {
            outcome = new Outcome(Outcome.Status.CONFIRMED, confirmed);
        } else if (rejected.isPresent()) {
            outcome = new Outcome(Outcome.Status.REJECTED, rejected);
        } else {
            outcome = Outcome.PENDING;
        }
        return new AttemptResult(attempt, nullableLong(rs, "entered"), outcome);
    }

    /** One seat attempt in the {@code timeline} column. */
    record SeatRow(long atMs, String seatId, String result, Long takerSinceMs, Boolean takerBot, String takerNickname) {

        static SeatRow of(Attempt.SeatAttempt seat) {
            return new SeatRow(
                    seat.at().toEpochMilli(),
                    seat.seatId(),
                    seat.result().name(),
                    seat.taker().map(t -> t.since().toEpochMilli()).orElse(null),
                    seat.taker().map(Attempt.Taker::bot).orElse(null),
                    seat.taker().flatMap(Attempt.Taker::nickname).orElse(null));
        }

        Attempt.SeatAttempt seat() {
            Optional<Attempt.Taker> taker = takerSinceMs == null
                    ? Optional.empty()
                    : Optional.of(new Attempt.Taker(
                            Optional.ofNullable(takerNickname),
                            Boolean.TRUE.equals(takerBot),
                            Instant.ofEpochMilli(takerSinceMs)));
            return new Attempt.SeatAttempt(Instant.ofEpochMilli(atMs), seatId, SeatResult.valueOf(result), taker);
        }
    }

    private static Optional<Instant> time(ResultSet rs, String column) {
        try {
            Timestamp value = rs.getTimestamp(column);
            return value == null ? Optional.empty() : Optional.of(value.toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + column, e);
        }
    }

    private static String string(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + column, e);
        }
    }

    private static long longOf(ResultSet rs, String column) {
        Long value = nullableLongOf(rs, column);
        return value == null ? 0 : value;
    }

    private static Long nullableLongOf(ResultSet rs, String column) {
        try {
            return nullableLong(rs, column);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + column, e);
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setTime(PreparedStatement ps, int index, Optional<Instant> value) throws SQLException {
        if (value.isEmpty()) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(value.get()));
        }
    }
}
