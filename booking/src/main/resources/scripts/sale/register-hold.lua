-- Records a hold whose seat lock was just claimed (RedisHolds.register) and releases the ticket's previous hold (its
-- lock if still owned, its seat-map entry, its record), atomically. Gives the new lock back if the seat turned out
-- sold or the ticket already booked. A ticket that holds again is playing again: it leaves the round's finished
-- players, so admission counts it as active again. Only a bot's release (취소표: the bot is done) puts a player there
-- before it books, so this only undoes a report a bot made and then went back on. A hold is a sign of life for
-- admission's maxActive (sign-of-life.lua, prepended); from a player admission timed out (or a bot that had released)
-- whose place the round has no room to give back, it is refused (RELEASED), nothing written and the lock given back.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}):
--   1 lock           HASH    the seat's Redisson fenced lock (owner field -> reentry count)
--   2 lockToken      STRING  Redisson's fencing counter beside the lock
--   3 sold           HASH    seatId -> bookingId
--   4 held           HASH    seatId -> <holdId>|<expiresAtMs>
--   5 ticketHold     HASH    ticketId -> its current holdId
--   6 newHold        HASH    the new hold: ticket, seat, owner, token, heldAt, expiresAt
--   7 ticketBooking  HASH    ticketId -> bookingId
--   8 seatTakers     HASH    seatId -> heldAtMs|bot|nick of its latest holder (DebriefKeys.seatTakers: what a human
--                            who finds the seat taken is told; written for bots too, read only for humans)
--   9 finished       SET     tickets that finished or gave up (read by admission)
--  10 active         ZSET    queueNumber -> last sign of life of an admitted player (admission's)
--  11 abandoned      SET     ticket ids admission timed out (admission's)
--  12 restored       STRING  the sold-seat restorer's mark: Redis holds every seat MySQL sold in the round
--  13 serve          HASH    admission's serving counter: served, maxActive
-- ARGV: 1 lock owner, 2 seatId, 3 holdId, 4 ticketId, 5 fencing token, 6 heldAtMs, 7 expiresAtMs, 8 hold record
--       ttl ms, 9 retention ms, 10 hold key prefix, 11 seat lock key prefix (the previous hold's keys are derived
--       from them, same slot), 12 holder is a bot ('1' / '0'), 13 holder's nickname ('' for a bot), 14 '1': refuse
--       when KEYS[12] is missing (Redis came back empty and may not know seats MySQL sold), '0': do not look
-- Returns {'OK', previous holdId or ''}, or {'LOST'} (the lock ran out), {'SOLD'}, {'BOOKED'}, {'RELEASED'} or
-- {'UNKNOWN'} (the mark is missing: nothing is written and the lock is kept, for the caller to restore the round's sold
-- seats and ask again).

-- the lock's fencing counter expires with the round whatever happens next (refused holds included)
redis.call('pexpire', KEYS[2], ARGV[9])
if redis.call('hexists', KEYS[1], ARGV[1]) == 0 then return {'LOST'} end
if redis.call('hexists', KEYS[3], ARGV[2]) == 1 then
  redis.call('del', KEYS[1]); return {'SOLD'} end
if redis.call('hexists', KEYS[7], ARGV[4]) == 1 then
  redis.call('del', KEYS[1]); return {'BOOKED'} end
if ARGV[14] == '1' and redis.call('exists', KEYS[12]) == 0 then return {'UNKNOWN'} end
if not mayPlay(KEYS[13], KEYS[9], KEYS[11], ARGV[4], true) then
  redis.call('del', KEYS[1]); return {'RELEASED'} end
local prev = redis.call('hget', KEYS[5], ARGV[4])
if prev then
  local pkey = ARGV[10] .. prev
  local pseat = redis.call('hget', pkey, 'seat')
  local powner = redis.call('hget', pkey, 'owner')
  if pseat then
    local plock = ARGV[11] .. pseat
    if powner and redis.call('hexists', plock, powner) == 1 then redis.call('del', plock) end
    local held = redis.call('hget', KEYS[4], pseat)
    if held and string.find(held, prev .. '|', 1, true) == 1 then redis.call('hdel', KEYS[4], pseat) end
  end
  redis.call('del', pkey)
end
redis.call('hset', KEYS[6], 'ticket', ARGV[4], 'seat', ARGV[2], 'owner', ARGV[1], 'token', ARGV[5],
  'heldAt', ARGV[6], 'expiresAt', ARGV[7])
redis.call('pexpire', KEYS[6], ARGV[8])
redis.call('hset', KEYS[4], ARGV[2], ARGV[3] .. '|' .. ARGV[7])
redis.call('hset', KEYS[5], ARGV[4], ARGV[3])
redis.call('pexpire', KEYS[4], ARGV[9])
redis.call('pexpire', KEYS[5], ARGV[9])
redis.call('hset', KEYS[8], ARGV[2], ARGV[6] .. '|' .. ARGV[12] .. '|' .. ARGV[13])
redis.call('pexpire', KEYS[8], ARGV[9])
local leftFinished = redis.call('srem', KEYS[9], ARGV[4]) == 1
signOfLife(KEYS[10], KEYS[11], ARGV[4], ARGV[6], ARGV[9], leftFinished)
return {'OK', prev or ''}
