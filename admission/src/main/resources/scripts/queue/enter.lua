-- Entry: KEYS 1..10 as in serving.lua, 11 the client's entry counter (STRING, under the round's hash tag), 12 entry
-- keys (HASH owner key -> the entry key its ticket was made with);
-- ARGV 1..10 as in serving.lua, 11 nickname (as the ticket shows it), 12 seal candidate (32 hex digits; the round keeps
-- the first it is offered), 13 bot (0/1), 14 claimed ticket id ('' when the client sent none), 15 entries a client may
-- make per window (0: not limited, a bot), 16 the window in ms, 17 the client's entry key ('' when it sent none),
-- 18 the nickname's owner key (Nicknames.ownerKey: the same for every nickname that looks like it). K_NICKS and the
-- entry keys are kept under '~' .. owner key (no nickname has a '~', so the two kinds of field never meet) and, while
-- admission instances of the version before the owner key may serve the same round (a rolling deploy), also under the
-- nickname itself, which is all those instances look up: a nickname they entered is found here by its exact name, and
-- they find the exact name of one entered here (decision 0020; the exact fields go in the release after).
-- A new ticket's id is <roundId>-<queueNumber>-<the first 24 hex digits of SHA-1(seal|roundId|queueNumber)>
-- (ticketId() in serving.lua, TicketId.java, RoundSeal.java); the ticket is stored under its number.
-- Returns {-2, ms until the window ends} when the client is over its limit (the entry counts first, whatever follows:
-- a limit and an entry in one round trip), {1 created / 0 resumed, ticketId, ticket, admittedAtMs or '', advance...},
-- or {-1} when the nickname holds another ticket than the claimed one and was not entered with this entry key: a
-- nickname belongs to the client that entered with it (SPEC §4), so nothing of that ticket leaves the script. The key
-- resumes a ticket whose answer its maker never got (the script ran, the reply was lost). A new ticket that the
-- counter does not reach yet is answered from peek(), without advancing; the ticker and later status calls advance.
local nickname, sealCandidate, bot, claimed = ARGV[11], ARGV[12], ARGV[13], ARGV[14]
local limit, window = tonumber(ARGV[15]), tonumber(ARGV[16])
local K_ENTRY_KEYS, entryKey, owner = KEYS[12], ARGV[17], ARGV[18]
if limit > 0 then
  local entries = redis.call('INCR', KEYS[11])
  local left = redis.call('PTTL', KEYS[11])
  if left < 0 then
    redis.call('PEXPIRE', KEYS[11], window)
    left = window
  end
  if entries > limit then
    return { -2, left }
  end
end
local field = '~' .. owner
local qn = redis.call('HGET', K_NICKS, field)
if not qn then
  qn = redis.call('HGET', K_NICKS, nickname)
  if qn then
    field = nickname
  end
end
local created = 0
local id, stored
if qn then
  -- the nickname's owner resumes only with the very id it was given, or the entry key it entered with
  local seal = redis.call('HGET', K_SERVE, 'seal')
  id = ticketId(seal, qn)
  if id ~= claimed and (entryKey == '' or redis.call('HGET', K_ENTRY_KEYS, field) ~= entryKey) then
    return { -1 }
  end
  stored = redis.call('HGET', K_TICKETS, qn)
else
  qn = redis.call('INCR', K_SEQ)
  local seal = redis.call('HGET', K_SERVE, 'seal')
  if not seal then
    seal = sealCandidate
    redis.call('HSET', K_SERVE, 'seal', seal)
  end
  id = ticketId(seal, qn)
  stored = NOW .. '|' .. bot .. '|' .. nickname
  redis.call('HSET', K_TICKETS, qn, stored)
  redis.call('HSET', K_NICKS, field, qn, nickname, qn)
  redis.call('HINCRBY', K_SERVE, bot == '1' and 'bots' or 'humans', 1)
  if entryKey ~= '' then
    redis.call('HSET', K_ENTRY_KEYS, field, entryKey, nickname, entryKey)
    expire(K_ENTRY_KEYS)
  end
  -- the keys are born with the round's first ticket and all expire together; refreshing now and then is enough, and
  -- at once when they have no expiry yet (a round restore() put back starts its tickets past number 1)
  if qn % 1024 == 1 or redis.call('PTTL', K_TICKETS) == -1 then
    expire(K_SEQ, K_TICKETS, K_NICKS, K_SERVE)
  end
  created = 1
end
local ticket = qn .. '|' .. stored
local waiting = peek(tonumber(qn))
if waiting then
  return { created, id, ticket, '', unpack(waiting) }
end
local state = advance()
return { created, id, ticket, orEmpty(redis.call('HGET', K_ADM, qn)), unpack(state) }
