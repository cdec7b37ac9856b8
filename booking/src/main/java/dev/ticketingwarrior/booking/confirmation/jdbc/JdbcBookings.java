package dev.ticketingwarrior.booking.confirmation.jdbc;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.confirmation.domain.Bookings.Confirmed;
import dev.ticketingwarrior.booking.confirmation.domain.SoldSeat;
import dev.ticketingwarrior.booking.confirmation.domain.SoldSeats;
import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.confirmation.domain.UnstorableBookingException;
import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bookings in MySQL/MariaDB. A batch is inserted with {@code ON DUPLICATE KEY UPDATE booking_id = booking_id} (a
 * no-op on any unique clash, so a redelivery changes nothing); the ids that did not land in {@code bookings} lost
 * their seat or ticket to another booking and are upserted into {@code rejected_bookings}. The UNIQUE constraints on
 * {@code bookings} therefore always hold.
 *
 * <p>Each write puts its id into the rows it inserts ({@code confirm_batch}, 16 characters at most; a duplicate leaves
 * the row's as it was), so a redelivered message is told apart from the write that decided its booking without another
 * round trip: the read-back that finds the confirmed ids reads the column too.
 *
 * <p>No transaction: each statement is atomic on its own, and every step is idempotent (a batch that stops half-way is
 * not acknowledged, and its redelivery finds the rows that landed and completes the rest), so a transaction would only
 * add three round trips per batch (autocommit off, commit, autocommit on) to the two it needs.
 */
@Component
class JdbcBookings implements Bookings {

    private static final String INSERT_CONFIRMED = """
            INSERT INTO bookings (booking_id, round_id, seat_id, ticket_id, nickname, bot, fencing_token,
              round_opened_at, entered_at, admitted_at, held_at, booked_at, duration_ms, entry_ms, wait_ms, seat_ms,
              confirm_ms, booked_day, booked_week, player_id, confirm_batch)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE booking_id = booking_id
            """;

    private static final String INSERT_REJECTED = """
            INSERT INTO rejected_bookings (booking_id, round_id, seat_id, ticket_id, nickname, bot, fencing_token,
              round_opened_at, entered_at, admitted_at, held_at, booked_at, duration_ms, entry_ms, wait_ms, seat_ms,
              confirm_ms, reason, confirm_batch)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE reason = VALUES(reason)
            """;

    private static final String COLUMNS =
            "seat_id, ticket_id, nickname, bot, duration_ms, entry_ms, wait_ms, seat_ms, confirm_ms, booked_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Dependencies dependencies;

    JdbcBookings(JdbcTemplate jdbc, Dependencies dependencies) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.dependencies = dependencies;
    }

    @Override
    public Confirmed confirm(List<AcceptedBooking> bookings, String write) {
        if (bookings.isEmpty()) {
            return new Confirmed(Map.of(), Set.of());
        }
        // one booking per id even if SQS handed the same message twice in a batch
        Map<String, AcceptedBooking> byId = new LinkedHashMap<>();
        bookings.forEach(b -> byId.putIfAbsent(b.id().value(), b));
        List<AcceptedBooking> unique = new ArrayList<>(byId.values());
        try {
            return dependencies.mysql(() -> write(unique, byId, write));
        } catch (DataIntegrityViolationException e) {
            throw new UnstorableBookingException(
                    "MySQL refused a booking of " + unique.size() + ": "
                            + e.getMostSpecificCause().getMessage(),
                    e);
        }
    }

    private Confirmed write(List<AcceptedBooking> unique, Map<String, AcceptedBooking> byId, String write) {
        jdbc.batchUpdate(INSERT_CONFIRMED, unique, unique.size(), (ps, m) -> {
            bindCommon(ps, m);
            LocalDate day = LocalDate.ofInstant(m.bookedAt(), ZoneOffset.UTC);
            ps.setObject(18, day);
            ps.setObject(19, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            // who booked, for the leaderboards' one row per player; NULL when not known (bots, no device secret)
            ps.setString(20, m.playerId().map(PlayerId::value).orElse(null));
            ps.setString(21, write);
        });
        Set<String> confirmed = new HashSet<>();
        Set<BookingId> decidedNow = new HashSet<>();
        named.query(
                "SELECT booking_id, confirm_batch FROM bookings WHERE booking_id IN (:ids)",
                new MapSqlParameterSource("ids", byId.keySet()),
                (ResultSet rs) -> {
                    String id = rs.getString("booking_id");
                    confirmed.add(id);
                    if (write.equals(rs.getString("confirm_batch"))) {
                        decidedNow.add(byId.get(id).id());
                    }
                });
        List<AcceptedBooking> rejected =
                unique.stream().filter(b -> !confirmed.contains(b.id().value())).toList();
        if (!rejected.isEmpty()) {
            Set<String> seatsTaken = new HashSet<>();
            for (AcceptedBooking b : rejected) {
                Integer others = jdbc.queryForObject(
                        "SELECT COUNT(*) FROM bookings WHERE round_id = ? AND seat_id = ? AND booking_id <> ?",
                        Integer.class,
                        b.round().value(),
                        b.seatId(),
                        b.id().value());
                if (others != null && others > 0) {
                    seatsTaken.add(b.id().value());
                }
            }
            jdbc.batchUpdate(INSERT_REJECTED, rejected, rejected.size(), (ps, b) -> {
                bindCommon(ps, b);
                ps.setString(18, seatsTaken.contains(b.id().value()) ? "SEAT_SOLD" : "TICKET_ALREADY_BOOKED");
                ps.setString(19, write);
            });
            named.queryForList(
                            "SELECT booking_id FROM rejected_bookings WHERE booking_id IN (:ids)"
                                    + " AND confirm_batch = :batch",
                            new MapSqlParameterSource(
                                            "ids",
                                            rejected.stream()
                                                    .map(b -> b.id().value())
                                                    .toList())
                                    .addValue("batch", write),
                            String.class)
                    .forEach(id -> decidedNow.add(byId.get(id).id()));
        }
        Map<BookingId, StoredBooking.Status> result = new HashMap<>();
        unique.forEach(b -> result.put(
                b.id(),
                confirmed.contains(b.id().value()) ? StoredBooking.Status.CONFIRMED : StoredBooking.Status.REJECTED));
        return new Confirmed(result, decidedNow);
    }

    @Override
    public Optional<StoredBooking> find(BookingId id) {
        String bookingId = id.value();
        return dependencies.mysql(() -> {
            List<StoredBooking> confirmed = jdbc.query(
                    "SELECT " + COLUMNS + " FROM bookings WHERE booking_id = ?",
                    (rs, n) -> row(id, rs, StoredBooking.Status.CONFIRMED),
                    bookingId);
            if (!confirmed.isEmpty()) {
                return Optional.of(confirmed.getFirst());
            }
            return jdbc
                    .query(
                            "SELECT " + COLUMNS + " FROM rejected_bookings WHERE booking_id = ?",
                            (rs, n) -> row(id, rs, StoredBooking.Status.REJECTED),
                            bookingId)
                    .stream()
                    .findFirst();
        });
    }

    @Override
    public SoldSeats soldSeats(RoundId round, Instant since) {
        return dependencies.mysql(() -> {
            // the database's clock, read first: a row it writes from now on is confirmed at this time or later
            Timestamp asOf = jdbc.queryForObject("SELECT NOW(3)", Timestamp.class);
            List<SoldSeat> seats = jdbc.query(
                    "SELECT seat_id, ticket_id, booking_id FROM bookings WHERE round_id = ? AND confirmed_at >= ?",
                    (rs, i) -> new SoldSeat(
                            rs.getString("seat_id"), rs.getString("ticket_id"), rs.getString("booking_id")),
                    round.value(),
                    Timestamp.from(since));
            return new SoldSeats(asOf.toInstant(), seats);
        });
    }

    private static void bindCommon(java.sql.PreparedStatement ps, AcceptedBooking m) throws SQLException {
        StoredBooking.Splits splits = m.splits();
        ps.setString(1, m.id().value());
        ps.setString(2, m.round().value());
        ps.setString(3, m.seatId());
        ps.setString(4, m.ticketId());
        ps.setString(5, m.nickname());
        ps.setBoolean(6, m.bot());
        ps.setLong(7, m.fencingToken());
        ps.setTimestamp(8, Timestamp.from(m.roundOpenedAt()));
        ps.setTimestamp(9, Timestamp.from(m.enteredAt()));
        ps.setTimestamp(10, Timestamp.from(m.admittedAt()));
        ps.setTimestamp(11, Timestamp.from(m.heldAt()));
        ps.setTimestamp(12, Timestamp.from(m.bookedAt()));
        ps.setLong(13, m.durationMs());
        ps.setLong(14, splits.entryMs());
        ps.setLong(15, splits.waitMs());
        ps.setLong(16, splits.seatMs());
        ps.setLong(17, splits.confirmMs());
    }

    /** The row of booking {@code id} (what the query asked for by it). */
    private static StoredBooking row(BookingId id, ResultSet rs, StoredBooking.Status status) throws SQLException {
        return new StoredBooking(
                id,
                status,
                rs.getString("seat_id"),
                rs.getString("ticket_id"),
                rs.getString("nickname"),
                rs.getBoolean("bot"),
                rs.getLong("duration_ms"),
                new StoredBooking.Splits(
                        rs.getLong("entry_ms"), rs.getLong("wait_ms"), rs.getLong("seat_ms"), rs.getLong("confirm_ms")),
                rs.getTimestamp("booked_at").toInstant());
    }
}
