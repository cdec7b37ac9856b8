-- A player's sign of life for admission's maxActive (SPEC §4), prepended to the scripts that take one (a letter
-- answered: answer-letter.lua; a seat held: register-hold.lua). Admission times out a player silent for its active
-- timeout, and its slot goes to the next in line; this moves the player's score in admission's active set on to NOW
-- (never back: GT). A player admission timed out already, or one that had finished (a bot's released hold), would
-- count as active again: with maxActive set it may only while the round has room for one more (mayPlay), so a player
-- coming back never takes the round past maxActive; without room its move is refused and nothing is written. A ticket
-- admission never admitted is not in either set and is not added.
--
-- mayPlay(serve, finished, abandoned, ticketId, leavesFinished): whether the ticket may make its move
--   serve      HASH  admission's serving counter (SharedRoundKeys.serving): 'served' admitted, the round's
--                    'maxActive' (0 or missing: no cap)
--   finished   SET   tickets that finished or gave up (SharedRoundKeys.finishedPlayers)
--   abandoned  SET   ticket ids admission timed out (SharedRoundKeys.abandonedPlayers)
--   leavesFinished   true when the move takes the ticket out of finished (a hold), false when it does not (a letter)
--   active players are served minus released, counted by releasedPlayers (shared's scripts/round/released.lua,
--   prepended), as admission's serving.lua counts them
--
-- signOfLife(active, abandoned, ticketId, nowMs, ttlMs, leftFinished):
--   active     ZSET  queueNumber -> last sign of life (admission's, SharedRoundKeys.activePlayers)
--   abandoned  SET   as above
--   leftFinished     true when the caller just took the ticket out of finished (a bot's released hold went back on):
--                    it counts again, so it is put back in active (admission may have dropped it) like one timed out
--   the queue number is the ticket id's middle part (<roundId>-<queueNumber>-<seal>, admission's TicketId.java); a
--   set this recreates expires after ttlMs
local function mayPlay(serve, finished, abandoned, ticketId, leavesFinished)
  local returning = redis.call('sismember', abandoned, ticketId) == 1
    or (leavesFinished and redis.call('sismember', finished, ticketId) == 1)
  if not returning then return true end
  local counter = redis.call('hmget', serve, 'served', 'maxActive')
  local maxActive = tonumber(counter[2]) or 0
  if maxActive <= 0 then return true end
  return (tonumber(counter[1]) or 0) - releasedPlayers(finished, abandoned) + 1 <= maxActive
end

local function signOfLife(active, abandoned, ticketId, nowMs, ttlMs, leftFinished)
  local qn = string.match(ticketId, '^[^-]+%-(%d+)%-%x+$')
  if not qn then return end
  if redis.call('srem', abandoned, ticketId) == 1 or leftFinished then
    redis.call('zadd', active, 'GT', nowMs, qn)
    if redis.call('pttl', active) < 0 then redis.call('pexpire', active, ttlMs) end
  else
    redis.call('zadd', active, 'XX', 'GT', nowMs, qn)
  end
end
