-- Advance only (the ticker): returns the advance result, {} when nobody entered the round.
local state = advance()
if not state then
  return {}
end
return state
