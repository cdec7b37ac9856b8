-- Step 2 of a booking (a Sale committed or left in doubt: RedisSales.close), after answer.lua and close-hold.lua,
-- once the confirmation was handed to SQS: keeps the PENDING copy of the booking, closes the hold (the player is
-- finished) and stores the key's final answer, ACCEPTED, or IN_DOUBT when SQS's acknowledgement did not come in time.
-- Also what the reconciler runs (SaleReconciler) once it has sent an open sale's confirmation again.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}):
--   1 answer          HASH    the key's answer
--   2 pendingBooking  STRING  JSON of the accepted booking until MySQL has it
--   3 lock            HASH    the seat's Redisson fenced lock (owner field -> reentry count)
--   4 held            HASH    seatId -> <holdId>|<expiresAtMs>
--   5 hold            HASH    the hold
--   6 ticketHold      HASH    ticketId -> its current holdId
--   7 finished        SET     tickets that finished or gave up (SharedRoundKeys.finishedPlayers, read by admission)
--   8 openSales       ZSET    sales whose confirmation is not surely queued yet (sell.lua)
--   9 openSaleRecords HASH    their records
--  10 attempt         HASH    the ticket's debrief attempt (DebriefKeys.attempt), only there for a human who sent its
--                             device secret: the booking is recorded in it here, so it costs no call of its own
-- ARGV: 1 fingerprint, 2 bookingId, 3 seatId, 4 booking JSON, 5 pending copy ttl ms (once MySQL has the row the
--       listener marks its outcome beside the copy and keeps both 15 min; the ttl only bounds a copy never resolved),
--       6 answer ttl ms, 7 lock owner,
--       8 ticketId, 9 holdId, 10 outcome (ACCEPTED | IN_DOUBT), 11 booked at ms, 12 the hold's heldAt ms
-- Returns 1.
redis.call('set', KEYS[2], ARGV[4], 'PX', ARGV[5])
close_hold(KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], ARGV[7], ARGV[3], ARGV[8], ARGV[9], 'booked', ARGV[6])
answer(KEYS[1], ARGV[6], ARGV[1], ARGV[10], ARGV[2], ARGV[3])
if redis.call('exists', KEYS[10]) == 1 then
  redis.call('hset', KEYS[10], 'bookedAt', ARGV[11], 'bookingId', ARGV[2], 'bookedSeat', ARGV[3],
    'bookedHeldAt', ARGV[12])
end
-- ACCEPTED: SQS acknowledged it, the sale is settled; IN_DOUBT: it stays open for the reconciler to send again
if ARGV[10] == 'ACCEPTED' then
  redis.call('zrem', KEYS[8], ARGV[2])
  redis.call('hdel', KEYS[9], ARGV[2])
end
return 1
