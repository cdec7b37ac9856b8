-- Gives a slot back. KEYS 1 the slot counter. Never below zero, never a key without TTL: a counter that expired while
-- its streams ran stays gone, and the last slot given back deletes it.
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used <= 1 then
  redis.call('DEL', KEYS[1])
  return 0
end
return redis.call('DECR', KEYS[1])
