-- Claims launch slots of one round, atomically for every bot-runner instance.
-- KEYS[1] = {r:<round>}:<ns>:launched  (slots claimed so far)
-- KEYS[2] = {r:<round>}:<ns>:cap       (the round's perRound, pinned by its first claim)
-- ARGV[1] = wanted, ARGV[2] = divisor (grant at most ceil(remaining / divisor)), ARGV[3] = perRound, ARGV[4] = ttl ms
-- Returns {granted, launched after the claim, cap}.
local cap = redis.call('GET', KEYS[2])
if not cap then
  cap = ARGV[3]
  redis.call('SET', KEYS[2], cap, 'PX', ARGV[4])
end
cap = tonumber(cap)
local launched = tonumber(redis.call('GET', KEYS[1]) or '0')
local remaining = cap - launched
local grant = 0
if remaining > 0 then
  local divisor = math.max(1, tonumber(ARGV[2]))
  grant = math.min(tonumber(ARGV[1]), math.ceil(remaining / divisor))
end
if grant > 0 then
  launched = redis.call('INCRBY', KEYS[1], grant)
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {grant, launched, cap}
