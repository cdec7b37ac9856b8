-- Makes the round's sold seats agree with MySQL, the final arbiter (RedisSales.restoreSold, run by SoldSeatRestorer):
-- after Redis lost writes (a restart, a failover), a seat MySQL sold is SOLD again here, to the booking MySQL kept, so
-- the seat map shows it and no one else is sold it. Only what differs is written.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}):
--   1 sold           HASH  seatId -> bookingId
--   2 ticketBooking  HASH  ticketId -> bookingId
--   3 restored       STRING  set by a pass over all of the round's rows: Redis still holds what that pass wrote
-- ARGV: 1 ttl ms for a key this script creates, 2 'all' (every CONFIRMED row of the round) or 'since' (the rows
--       confirmed lately), then triples seatId, ticketId, bookingId (MySQL's CONFIRMED rows)
-- Returns how many seats it changed, or -1 for 'since' when the mark is gone (Redis lost it with the rest, presumably:
-- nothing is written, and the caller passes over all rows instead).
if ARGV[2] == 'since' and redis.call('exists', KEYS[3]) == 0 then
  return -1
end
local changed = 0
for i = 3, #ARGV, 3 do
  if redis.call('hget', KEYS[1], ARGV[i]) ~= ARGV[i + 2] then
    redis.call('hset', KEYS[1], ARGV[i], ARGV[i + 2])
    changed = changed + 1
  end
  if redis.call('hget', KEYS[2], ARGV[i + 1]) ~= ARGV[i + 2] then
    redis.call('hset', KEYS[2], ARGV[i + 1], ARGV[i + 2])
  end
end
if changed > 0 then
  for i = 1, 2 do
    if redis.call('pttl', KEYS[i]) < 0 then redis.call('pexpire', KEYS[i], ARGV[1]) end
  end
end
if ARGV[2] == 'all' then
  redis.call('set', KEYS[3], '1', 'px', ARGV[1])
end
return changed
