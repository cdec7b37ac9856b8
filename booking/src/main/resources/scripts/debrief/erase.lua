-- Erases a player's attempt of one round (RedisLiveAttempts.erase), so neither a live debrief nor the archive finds it.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}):
--   1 players  HASH  player id -> ticket
--   2 tickets  SET   the round's recorded tickets
-- ARGV: 1 player id, 2 attempt key prefix ({r:<roundId>}:attempt:), 3 seats key prefix ({r:<roundId>}:attempt-seats:)
--       (the ticket is appended here, same slot)
-- The attempt leaves a tombstone ('erased') for as long as the round's keys live, so the debrief of a ticket booking
-- binds from admission's record (bind-from-admission.lua) is not bound again by the next read.
-- Returns 1 if the player had an attempt in the round, else 0.
local ticket = redis.call('hget', KEYS[1], ARGV[1])
if not ticket then return 0 end
local ttl = redis.call('pttl', KEYS[1])
redis.call('del', ARGV[2] .. ticket, ARGV[3] .. ticket)
if ttl > 0 then
  redis.call('hset', ARGV[2] .. ticket, 'erased', '1')
  redis.call('pexpire', ARGV[2] .. ticket, ttl)
end
redis.call('srem', KEYS[2], ticket)
redis.call('hdel', KEYS[1], ARGV[1])
return 1
