-- Binds the attempt of a ticket booking saw no call of (RedisLiveAttempts.bindFromAdmission), read from admission's
-- record, to the first player that asks for its debrief, as record.lua binds a recorded one: a ticket the round closed
-- on while it waited (closedAt and the close's numbers), or one admitted that made no call booking recorded (adm).
-- Booking checked admission's record first.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}):
--   1 attempt  HASH  the ticket's attempt (DebriefKeys.attempt)
--   2 tickets  SET   the round's recorded tickets (what the archive reads)
--   3 players  HASH  player id -> ticket
--   4 ticketBookings HASH ticketId -> bookingId (the sale's): an admitted ticket that booked is not bound here
-- ARGV: 1 retention ms, 2 ticketId, 3 player id, 4 nickname, 5 queue number, 6 entered ms; never admitted: 7 closed
--       ms, 8 served at the close, 9 ms after open the last admitted human entered ('' when not known), 10 admitted
--       humans; admitted: 7-10 '', 11 admitted ms ('' when never admitted)
-- Returns the player id the ticket is bound to (the first binding wins), '' when its attempt was erased or an admitted
-- ticket has a booking (its calls went unrecorded: a debrief saying "no seat" would be false).
local bound = redis.call('hget', KEYS[1], 'pid')
if bound then return bound end
if redis.call('hexists', KEYS[1], 'erased') == 1 then return '' end
if ARGV[11] ~= '' and redis.call('hexists', KEYS[4], ARGV[2]) == 1 then return '' end
redis.call('hset', KEYS[1], 'pid', ARGV[3], 'nick', ARGV[4], 'qn', ARGV[5], 'qat', ARGV[6])
if ARGV[11] ~= '' then
  redis.call('hset', KEYS[1], 'adm', ARGV[11])
else
  redis.call('hset', KEYS[1], 'closedAt', ARGV[7], 'served', ARGV[8], 'admHumans', ARGV[10])
  if ARGV[9] ~= '' then redis.call('hset', KEYS[1], 'admWithin', ARGV[9]) end
end
redis.call('sadd', KEYS[2], ARGV[2])
redis.call('hsetnx', KEYS[3], ARGV[3], ARGV[2])
redis.call('pexpire', KEYS[1], ARGV[1])
redis.call('pexpire', KEYS[2], ARGV[1])
redis.call('pexpire', KEYS[3], ARGV[1])
return ARGV[3]
