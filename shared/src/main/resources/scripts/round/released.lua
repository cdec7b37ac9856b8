-- The players who left a round, as SPEC §4's maxActive counts them: those booking reported finished
-- (SharedRoundKeys.finishedPlayers) plus those admission timed out and who never finished
-- (SharedRoundKeys.abandonedPlayers). A timed-out ticket booking later reported finished is taken out of abandoned
-- here, so nobody is counted twice. Prepended to admission's serving.lua (the cap on admissions) and booking's
-- sign-of-life.lua (whether a player coming back has room), so the two services count alike.
--
-- releasedPlayers(finished, abandoned): the count
--   finished   SET   ticket ids that finished or gave up
--   abandoned  SET   ticket ids admission timed out
local function releasedPlayers(finished, abandoned)
  local gone = redis.call('SMEMBERS', abandoned)
  for i = 1, #gone, 500 do
    local chunk = { unpack(gone, i, math.min(i + 499, #gone)) }
    local done = redis.call('SMISMEMBER', finished, unpack(chunk))
    for j, id in ipairs(chunk) do
      if done[j] == 1 then
        redis.call('SREM', abandoned, id)
      end
    end
  end
  return redis.call('SCARD', finished) + redis.call('SCARD', abandoned)
end
