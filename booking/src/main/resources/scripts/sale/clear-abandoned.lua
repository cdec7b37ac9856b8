-- Clears the holds of a round that ran out unbooked (RedisHolds.clearAbandoned, every ticketing.hold.abandoned-sweep on
-- every instance): each such ticket's pointer to the expired hold, and the hold's stale seat-map entry, so each is
-- counted once however many instances sweep. Nobody is reported finished for it: a player whose hold ran out, human or
-- bot, may still hold again while the round is open, and admission, having given its maxActive slot away, would then be
-- over maxActive. One who really left frees its slot by admission's active timeout, counted from its last sign of life
-- (its admission, a letter answered, a seat held).
--
-- KEYS (all carry the round's hash tag {r:<roundId>}):
--   1 ticketHold     HASH  ticketId -> its latest holdId
--   2 held           HASH  seatId -> <holdId>|<expiresAtMs>
--   3 ticketBooking  HASH  ticketId -> bookingId
-- ARGV: 1 nowMs, 2 hold key prefix
-- Returns the number of holds cleared that ran out unbooked.
local entries = redis.call('hgetall', KEYS[1])
local cleared = 0
for i = 1, #entries, 2 do
  local ticket, holdId = entries[i], entries[i + 1]
  local fields = redis.call('hmget', ARGV[2] .. holdId, 'expiresAt', 'seat')
  local expiresAt = tonumber(fields[1])
  if expiresAt == nil or expiresAt <= tonumber(ARGV[1]) then
    redis.call('hdel', KEYS[1], ticket)
    if fields[2] then
      local held = redis.call('hget', KEYS[2], fields[2])
      if held and string.find(held, holdId .. '|', 1, true) == 1 then redis.call('hdel', KEYS[2], fields[2]) end
    end
    if redis.call('hexists', KEYS[3], ticket) == 0 then cleared = cleared + 1 end
  end
end
return cleared
