-- Records one call of a human player for its debrief (RedisLiveAttempts.record): binds the ticket to the player on
-- its first recorded call (the first binding wins), then keeps what the call did. One call per player request.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}):
--   1 attempt  HASH    the ticket's attempt (DebriefKeys.attempt)
--   2 seats    LIST    its seat attempts: atMs|seat|result|takerSinceMs|takerBot|takerNick (seat with % and | percent-encoded)
--   3 tickets  SET     the round's recorded tickets (what the archive reads)
--   4 players  HASH    player id -> ticket
--   5 takers   HASH    seatId -> sinceMs|bot|nick of whoever last held it (register-hold.lua writes it)
-- ARGV: 1 retention ms, 2 ticketId, 3 player id, 4 nickname, 5 queue number, 6 entered ms, 7 admitted ms,
--       8 event (ISSUED | ANSWERED | SEAT), 9 at ms, 10 ANSWERED: '1' solved / '0' wrong; SEAT: seatId,
--       11 SEAT: result (HELD | TAKEN | UNKNOWN_SEAT | CAPTCHA_REQUIRED), 12 SEAT HELD: when the hold was made (ms)
-- Returns 1.
local MAX_SEATS = 200
if redis.call('hexists', KEYS[1], 'pid') == 0 then
  redis.call('hset', KEYS[1], 'pid', ARGV[3], 'nick', ARGV[4], 'qn', ARGV[5], 'qat', ARGV[6], 'adm', ARGV[7])
  redis.call('sadd', KEYS[3], ARGV[2])
  redis.call('hsetnx', KEYS[4], ARGV[3], ARGV[2])
  redis.call('pexpire', KEYS[3], ARGV[1])
  redis.call('pexpire', KEYS[4], ARGV[1])
end
-- what the call did is the ticket's, whichever secret came with it: the signed token says it is the ticket's player
local event = ARGV[8]
if event == 'ANSWERED' then
  redis.call('hincrby', KEYS[1], 'answers', 1)
  if ARGV[10] == '1' then redis.call('hsetnx', KEYS[1], 'letterAt', ARGV[9]) end
elseif event == 'SEAT' then
  local taker = ''
  if ARGV[11] == 'TAKEN' then taker = redis.call('hget', KEYS[5], ARGV[10]) or '' end
  if redis.call('llen', KEYS[2]) < MAX_SEATS then
    redis.call('rpush', KEYS[2], ARGV[9] .. '|' .. ARGV[10] .. '|' .. ARGV[11] .. '|' .. taker)
    redis.call('pexpire', KEYS[2], ARGV[1])
  end
  redis.call('hset', KEYS[1], 'lastSeatAt', ARGV[9])
  if ARGV[11] == 'HELD' then redis.call('hset', KEYS[1], 'heldAt', ARGV[12]) end
end
redis.call('pexpire', KEYS[1], ARGV[1])
return 1
