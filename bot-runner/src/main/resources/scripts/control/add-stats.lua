-- Adds a batch of increments to one round's bot counters and keeps the round's stats alive for the retention.
-- KEYS[1] = {r:<round>}:<ns>:stats (hash), ARGV[1] = ttl ms, then pairs: ARGV[2k] = field, ARGV[2k+1] = increment
for i = 2, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return #ARGV
