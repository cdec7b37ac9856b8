-- Advance only (the ticker): returns the advance result followed by the round's seal ('' before the first entry),
-- {} when nobody entered the round. Every instance's ticker learns the seal this way, with no call of its own.
local state = advance()
if not state then
  return {}
end
state[#state + 1] = redis.call('HGET', K_SERVE, 'seal') or ''
return state
