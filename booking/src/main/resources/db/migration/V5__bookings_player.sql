-- Who booked, across rounds (decision 0012, its 2026-12-05 amendment): the day's and week's leaderboards list each
-- player once, at its best booking. NULL for bots and for humans that sent no device secret (each such booking is its
-- own row on a leaderboard). The same type as attempts.player_id: compared byte for byte, never case-folded.
-- Runs on MySQL 8 (Aurora) and MariaDB.
--
-- The leaderboards walk the day's (week's) human bookings in board order, duration_ms then booking_id, and skip a
-- player already listed: the two rank indexes are extended so that walk reads the index alone. booking_id is named
-- (InnoDB appends the primary key to every secondary index anyway, so it costs nothing) to keep the board order the
-- index order with player_id after it; the rank counts still use the same (booked_day|booked_week, bot, duration_ms)
-- prefix.
ALTER TABLE bookings
    ADD COLUMN player_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    DROP INDEX ix_bookings_day_rank,
    ADD INDEX ix_bookings_day_rank (booked_day, bot, duration_ms, booking_id, player_id),
    DROP INDEX ix_bookings_week_rank,
    ADD INDEX ix_bookings_week_rank (booked_week, bot, duration_ms, booking_id, player_id);
