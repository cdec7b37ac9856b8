-- Which write decided a booking: the listener's write that inserted its row (a random id per poll's batch, the same on
-- each try of it while MySQL does not answer). A redelivered message (a visibility timeout that ran out, the
-- reconciler's second send of an in-doubt sale) finds its row already there and leaves it as it is, so the listener
-- can tell the write that decided a booking from the ones that repeat it, and counts and times only the first
-- (ticketing.bookings, ticketing.confirmation.lag). Not counted at all: a booking whose write landed and whose listener
-- was then killed before it counted (its redelivery is a repeat). NULL for rows written before this column: a repeat of
-- those counts as a repeat. Runs on MySQL 8 (Aurora) and MariaDB.
ALTER TABLE bookings ADD COLUMN confirm_batch CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL;
ALTER TABLE rejected_bookings ADD COLUMN confirm_batch CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL;
