-- Stats of a round. KEYS 1..10 and ARGV 1..10 as in serving.lua; no ARGV of its own. Returns {} when nobody entered,
-- else {advance..., bots, humans, admBots, firstAdm, lastAdm, active, finished, abandoned}
local state = advance()
if not state then
  return {}
end
local s = redis.call('HMGET', K_SERVE, 'bots', 'humans', 'admBots', 'firstAdm', 'lastAdm')
local left = released()
local active = state[1] - left
if active < 0 then
  active = 0
end
return { state[1], state[2], state[3], state[4], state[5], state[6], state[7], state[8],
  orEmpty(s[1]), orEmpty(s[2]), orEmpty(s[3]), orEmpty(s[4]), orEmpty(s[5]),
  active, redis.call('SCARD', K_FINISHED), redis.call('SCARD', K_ABANDONED) }
