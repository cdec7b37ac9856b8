-- Advance only (the ticker). KEYS 1..10 and ARGV 1..10 as in serving.lua; no ARGV of its own. Returns the advance
-- result followed by the round's seal ('' before the first entry), {} when nobody entered the round. Every instance's
-- ticker learns the seal this way, with no call of its own.
local state = advance()
if not state then
  return {}
end
state[#state + 1] = redis.call('HGET', K_SERVE, 'seal') or ''
return state
