-- The sold-seat restorer reads a round's rows confirmed since its last pass (SoldSeatRestorer): an index on when each
-- row of a round was confirmed keeps that read to the new rows. Runs on MySQL 8 (Aurora) and MariaDB.
CREATE INDEX ix_bookings_round_confirmed ON bookings (round_id, confirmed_at);
