-- Ends a hold (RedisHolds.close: DELETE, or a new hold), after close-hold.lua.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}):
--   1 lock        HASH  the seat's Redisson fenced lock
--   2 held        HASH  seatId -> <holdId>|<expiresAtMs>
--   3 hold        HASH  the hold
--   4 ticketHold  HASH  ticketId -> its current holdId
--   5 finished    SET   tickets that finished or gave up (read by admission)
-- ARGV: 1 lock owner, 2 seatId, 3 ticketId, 4 holdId, 5 finished ('released': if still the ticket's hold; '0'),
--       6 retention ms
-- Returns 1 if the hold still existed, else 0.
return close_hold(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5],
  ARGV[6])
