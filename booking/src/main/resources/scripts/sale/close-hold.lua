-- close_hold(lock, held, hold, ticketHold, finished, owner, seat, ticket, holdId, finishedFlag, retentionMs): ends a
-- hold. Releasing it (release-hold.lua) and booking it (complete.lua) must clear exactly the same keys, so both start
-- with this function. Deletes the hold's record, its seat lock if still owned by `owner` (the Redisson lock hash's
-- owner field), its entry in the held-seats map and the ticket's pointer if they are still this hold's. Adds the
-- ticket to the round's finished players (read by admission): with finishedFlag 'booked' always, with 'released' only
-- if this was still the ticket's current hold (a release that lost the race to the ticket's next hold must not mark a
-- player who plays on as gone); '0' never. Returns 1 if the hold's record still existed.
local function close_hold(lock, held, hold, ticketHold, finished, owner, seat, ticket, holdId, finishedFlag,
    retentionMs)
  local existed = redis.call('del', hold)
  if redis.call('hexists', lock, owner) == 1 then redis.call('del', lock) end
  local entry = redis.call('hget', held, seat)
  if entry and string.find(entry, holdId .. '|', 1, true) == 1 then redis.call('hdel', held, seat) end
  local current = redis.call('hget', ticketHold, ticket) == holdId
  if current then redis.call('hdel', ticketHold, ticket) end
  if finishedFlag == 'booked' or (finishedFlag == 'released' and current) then
    redis.call('sadd', finished, ticket)
    redis.call('pexpire', finished, retentionMs)
  end
  return existed
end
