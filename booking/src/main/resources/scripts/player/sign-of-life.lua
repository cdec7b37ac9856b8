-- A player's sign of life for admission's maxActive (SPEC §4), prepended to the scripts that take one (a letter
-- answered: answer-letter.lua; a seat held: register-hold.lua). Admission times out a player silent for its active
-- timeout; this moves the player's score in admission's active set on to NOW (never back: GT). A player admission
-- timed out already comes back: it plays, so it counts as active again and admission holds further admissions to the
-- cap. A ticket admission never admitted is not in either set and is not added.
--
-- signOfLife(active, abandoned, ticketId, nowMs, ttlMs):
--   active     ZSET  queueNumber -> last sign of life (admission's, SharedRoundKeys.activePlayers)
--   abandoned  SET   ticket ids admission timed out (SharedRoundKeys.abandonedPlayers)
--   the queue number is the ticket id's middle part (<roundId>-<queueNumber>-<seal>, admission's TicketId.java); a
--   set this recreates expires after ttlMs
local function signOfLife(active, abandoned, ticketId, nowMs, ttlMs)
  local qn = string.match(ticketId, '^[^-]+%-(%d+)%-%x+$')
  if not qn then return end
  if redis.call('srem', abandoned, ticketId) == 1 then
    redis.call('zadd', active, nowMs, qn)
    if redis.call('pttl', active) < 0 then redis.call('pexpire', active, ttlMs) end
  else
    redis.call('zadd', active, 'XX', 'GT', nowMs, qn)
  end
end
