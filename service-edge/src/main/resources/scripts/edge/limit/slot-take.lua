-- One of at most ARGV 1 concurrent slots (open event streams). KEYS 1 the slot counter; ARGV 2 its TTL in ms.
-- Returns 1 when taken, 0 when all are in use. Every take renews the TTL, so the counter lives while streams come and
-- go, and slots an instance never gave back (killed mid-stream) are gone at the latest one TTL after the last take.
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used >= tonumber(ARGV[1]) then
  if redis.call('PTTL', KEYS[1]) < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
  end
  return 0
end
redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
