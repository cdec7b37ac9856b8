-- A fixed-window budget. KEYS 1 the counter; ARGV 1 window ms, ARGV 2 what this call spends (0: only look).
-- Returns {count, ms left in the window}. The counter is only ever written together with its expiry, so no key is
-- left without a TTL; a look at a counter that does not exist creates nothing.
local spend = tonumber(ARGV[2])
if spend == 0 then
  local current = tonumber(redis.call('GET', KEYS[1]) or '0')
  local left = redis.call('PTTL', KEYS[1])
  if left < 0 then
    left = 0
  end
  return { current, left }
end
local count = redis.call('INCRBY', KEYS[1], spend)
local ttl = redis.call('PTTL', KEYS[1])
if count == spend or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
