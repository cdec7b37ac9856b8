-- Makes the round's sold seats agree with MySQL, the final arbiter (RedisSales.restoreSold, run by SoldSeatRestorer):
-- after Redis lost writes (a restart, a failover), a seat MySQL sold is SOLD again here, to the booking MySQL kept, so
-- the seat map shows it and no one else is sold it. Only what differs is written.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}):
--   1 sold           HASH  seatId -> bookingId
--   2 ticketBooking  HASH  ticketId -> bookingId
-- ARGV: 1 ttl ms for a key this script creates, then triples seatId, ticketId, bookingId (MySQL's CONFIRMED rows)
-- Returns how many seats it changed.
local changed = 0
for i = 2, #ARGV, 3 do
  if redis.call('hget', KEYS[1], ARGV[i]) ~= ARGV[i + 2] then
    redis.call('hset', KEYS[1], ARGV[i], ARGV[i + 2])
    changed = changed + 1
  end
  if redis.call('hget', KEYS[2], ARGV[i + 1]) ~= ARGV[i + 2] then
    redis.call('hset', KEYS[2], ARGV[i + 1], ARGV[i + 2])
  end
end
if changed > 0 then
  for _, key in ipairs(KEYS) do
    if redis.call('pttl', key) < 0 then redis.call('pexpire', key, ARGV[1]) end
  end
end
return changed
