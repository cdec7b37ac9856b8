-- Clears the players of a round whose latest hold ran out unbooked (RedisHolds.reportAbandoned, every
-- ticketing.hold.abandoned-sweep on every instance): each such ticket's pointer to the expired hold (and the hold's
-- stale seat-map entry) is cleared, so it is counted only once, and a bot's ticket goes into the finished set: a bot
-- whose hold ran out is gone (its runner stopped), so admission gives its maxActive slot to the next player. A human's
-- is not: it may still come back for another seat while the round is open, and admission, having given its slot away,
-- would then be over maxActive. A human who really left frees its slot by admission's active timeout.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}):
--   1 ticketHold     HASH  ticketId -> its latest holdId
--   2 held           HASH  seatId -> <holdId>|<expiresAtMs>
--   3 ticketBooking  HASH  ticketId -> bookingId
--   4 finished       SET   tickets that finished or gave up (read by admission)
-- ARGV: 1 nowMs, 2 hold key prefix, 3 retention ms
-- Returns the number of players cleared (bots and humans).
local entries = redis.call('hgetall', KEYS[1])
local cleared, reported = 0, 0
for i = 1, #entries, 2 do
  local ticket, holdId = entries[i], entries[i + 1]
  local fields = redis.call('hmget', ARGV[2] .. holdId, 'expiresAt', 'seat', 'bot')
  local expiresAt = tonumber(fields[1])
  if expiresAt == nil or expiresAt <= tonumber(ARGV[1]) then
    redis.call('hdel', KEYS[1], ticket)
    if fields[2] then
      local held = redis.call('hget', KEYS[2], fields[2])
      if held and string.find(held, holdId .. '|', 1, true) == 1 then redis.call('hdel', KEYS[2], fields[2]) end
    end
    if redis.call('hexists', KEYS[3], ticket) == 0 then
      cleared = cleared + 1
      if fields[3] == '1' and redis.call('sadd', KEYS[4], ticket) == 1 then reported = reported + 1 end
    end
  end
end
if reported > 0 then redis.call('pexpire', KEYS[4], ARGV[3]) end
return cleared
