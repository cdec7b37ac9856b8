-- Gives a seat lock's fencing counter the round's expiry before this instance first claims the seat
-- (RedissonSeatLocks.expiringCounter): Redisson's lock script creates a missing counter with INCR, which sets none.
-- Creates the counter at 0 with the expiry, or gives an existing one without an expiry (INCR made it again after
-- Valkey lost the round's keys) the expiry; a counter that has one is left as it is.
--
-- KEYS (carries the round's hash tag {r:<roundId>}):
--   1 lockToken  STRING  Redisson's fencing counter beside the seat's lock
-- ARGV: 1 the round's key retention (ms)
-- Returns 1 created, 2 expiry given, 0 left alone.
if redis.call('set', KEYS[1], '0', 'NX', 'PX', ARGV[1]) then
  return 1
end
if redis.call('pttl', KEYS[1]) == -1 then
  redis.call('pexpire', KEYS[1], ARGV[1])
  return 2
end
return 0
