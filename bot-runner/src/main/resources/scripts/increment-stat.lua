-- Adds one to a per-round bot counter and keeps the round's stats alive for the retention.
-- KEYS[1] = {r:<round>}:<ns>:stats (hash), ARGV[1] = field, ARGV[2] = ttl ms
local value = redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return value
