-- The serving counter of one round (SPEC §4). Prepended to every script that advances it, so the whole advance runs
-- atomically in Valkey with the caller's clock time; ServingOracle.java (test sources) is the readable reference of the maths.
--
-- A ticket is known by its queue number: the id a player holds is <roundId>-<queueNumber>-<seal> (TicketId.java),
-- which any script can rebuild from the number and the round's seal, so no structure repeats the 49-character id per
-- waiting player (SPEC §4's order is the number itself).
--
-- KEYS (all carry the round's hash tag {r:<roundId>}, so they live in one cluster slot):
--   1 seq        STRING  per-round arrival sequence, the queue number source
--   2 queue      -       not written (the queue number orders the tickets); kept so every script takes the same keys
--   3 tickets    HASH    queueNumber -> "enteredAtMs|bot(0/1)|nickname" (shared WaitingTicket.java; booking reads it)
--   4 nicks      HASH    '~' .. owner key (Nicknames.ownerKey), and the nickname as entered -> queueNumber of its owner (enter.lua)
--   5 serve      HASH    acc, last, served, rate, batch, maxActive, paused, bots, humans, admBots, firstAdm, lastAdm,
--                        seal (the round's ticket key, RoundSeal.java; never returned but by advance.lua)
--   6 adm        HASH    queueNumber -> admittedAtMs, stamped once by the advance that admitted it
--   7 active     ZSET    queueNumber -> last sign of life (ms): admitted then, moved on by booking when the player
--                        answers a letter or holds a seat (SharedRoundKeys.activePlayers); not yet timed out
--   8 abandoned  SET     ticket ids: admitted, timed out, never reported finished; booking takes one out (and puts it
--                        back in active) when its player shows a sign of life after all and the round has room for it
--                        under maxActive, counted by the same releasedPlayers (SharedRoundKeys.abandonedPlayers)
--   9 finished   SET     ticket ids reported finished by booking (SharedRoundKeys.finishedPlayers)
--  10 tokens     HASH    queueNumber -> the one token issued for it
-- ARGV: 1 nowMs, 2 openMs, 3 closeMs, 4 expireAt (epoch s), 5 activeTimeoutMs,
--       6..9 seed settings (rate, openBatch, maxActive, paused 0/1) used if the round has none yet,
--       10 the highest served count the calling instance has seen in this round (0: none), see restore(); 11.. per
--       script
local K_SEQ, K_QUEUE, K_TICKETS, K_NICKS, K_SERVE = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local K_ADM, K_ACTIVE, K_ABANDONED, K_FINISHED, K_TOKENS = KEYS[6], KEYS[7], KEYS[8], KEYS[9], KEYS[10]
local NOW = tonumber(ARGV[1])
local OPEN = tonumber(ARGV[2])
local CLOSE = tonumber(ARGV[3])
local EXPIRE_AT = ARGV[4]
local ACTIVE_TIMEOUT = tonumber(ARGV[5])
local SEEN_SERVED = tonumber(ARGV[10])
local CHUNK = 500
local ROUND = string.match(K_SEQ, '^{r:([^}]+)}')

-- The id of ticket QN: <roundId>-<qn>-<the first 24 hex digits of SHA-1(seal|roundId|qn)> (RoundSeal.java).
local function ticketId(seal, qn)
  return ROUND .. '-' .. qn .. '-' .. string.sub(redis.sha1hex(seal .. '|' .. ROUND .. '|' .. qn), 1, 24)
end

-- The queue number of ID when its seal is the round's, else nil (an id the round did not give).
local function numberOf(id)
  local round, qn, seal = string.match(id, '^(.-)%-(%d+)%-(%x+)$')
  if round ~= ROUND then
    return nil
  end
  local key = redis.call('HGET', K_SERVE, 'seal')
  if not key or ticketId(key, qn) ~= id then
    return nil
  end
  return qn
end

local function expire(...)
  for _, key in ipairs({...}) do
    redis.call('EXPIREAT', key, EXPIRE_AT)
  end
end

-- A round keeps its own settings once seeded, so a change applied by any instance holds for all of them at once.
local function settings()
  local s = redis.call('HMGET', K_SERVE, 'rate', 'batch', 'maxActive', 'paused')
  if not s[1] then
    redis.call('HSET', K_SERVE, 'rate', ARGV[6], 'batch', ARGV[7], 'maxActive', ARGV[8], 'paused', ARGV[9])
    return tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]), ARGV[9] == '1'
  end
  return tonumber(s[1]), tonumber(s[2]), tonumber(s[3]), s[4] == '1'
end

-- Silent for the active timeout (no letter answered, no seat held since the admission or the last of those) and not
-- finished: abandoned, no longer holding a maxActive slot.
local function expireStale()
  local stale = redis.call('ZRANGEBYSCORE', K_ACTIVE, '-inf', NOW - ACTIVE_TIMEOUT, 'LIMIT', 0, 10 * CHUNK)
  if #stale == 0 then
    return
  end
  local seal = redis.call('HGET', K_SERVE, 'seal')
  for i = 1, #stale, CHUNK do
    local chunk = { unpack(stale, i, math.min(i + CHUNK - 1, #stale)) }
    local ids = {}
    for j, qn in ipairs(chunk) do
      ids[j] = ticketId(seal, qn)
    end
    local finished = redis.call('SMISMEMBER', K_FINISHED, unpack(ids))
    for j, id in ipairs(ids) do
      if finished[j] == 0 then
        redis.call('SADD', K_ABANDONED, id)
      end
    end
    redis.call('ZREM', K_ACTIVE, unpack(chunk))
  end
end

-- Players who left: finished ones plus abandoned ones (shared's scripts/round/released.lua, prepended, which booking's
-- sign-of-life.lua counts with too).
local function released()
  return releasedPlayers(K_FINISHED, K_ABANDONED)
end

-- The rate integrated from LAST to UNTIL on top of ACC, and how many entered players that lets in before any maxActive
-- cap: {acc, target}. The one place of this maths, for advance() and peek() alike.
local function integrate(acc, last, untilMs, rate, batch, entered)
  acc = acc + rate * (untilMs - last) / 1000
  return acc, math.min(batch + math.floor(acc + 1e-9), entered)
end

-- Advances the counter to NOW. Returns {served, entered, newly, newlyBots, rate, batch, maxActive, paused, acc,
-- last} (acc and last as kept, so a reader can tell the count at a later instant: RoundSnapshot.servedAt), or nil
-- when nobody entered the round (nothing is written then).
local function advance()
  local entered = tonumber(redis.call('GET', K_SEQ) or '0')
  if entered == 0 then
    return nil
  end
  local rate, batch, maxActive, paused = settings()
  local st = redis.call('HMGET', K_SERVE, 'acc', 'last', 'served')
  local acc = tonumber(st[1]) or 0
  local last = tonumber(st[2]) or OPEN
  local served = tonumber(st[3]) or 0
  local untilMs = math.min(NOW, CLOSE)
  local newly, newlyBots = 0, 0
  expireStale()
  if untilMs > last then
    if not paused then
      local target
      acc, target = integrate(acc, last, untilMs, rate, batch, entered)
      if maxActive > 0 then
        local cap = maxActive + released()
        if target > cap then
          target = cap
        end
      end
      if target > served then
        local admittedAt = math.min(NOW, CLOSE - 1)
        for qn = served + 1, target do
          redis.call('HSETNX', K_ADM, qn, admittedAt)
          redis.call('ZADD', K_ACTIVE, admittedAt, qn)
          local ticket = redis.call('HGET', K_TICKETS, qn)
          if ticket and string.match(ticket, '^%d+|1|') then
            newlyBots = newlyBots + 1
          end
        end
        newly = target - served
        served = target
        redis.call('HINCRBY', K_SERVE, 'admBots', newlyBots)
        redis.call('HSETNX', K_SERVE, 'firstAdm', admittedAt)
        redis.call('HSET', K_SERVE, 'lastAdm', admittedAt)
      end
    end
    redis.call('HSET', K_SERVE, 'acc', string.format('%.17g', acc), 'last', untilMs, 'served', served)
  end
  expire(K_SERVE, K_ADM, K_ACTIVE, K_ABANDONED)
  return { served, entered, newly, newlyBots, string.format('%.17g', rate), batch, maxActive, paused and 1 or 0,
    string.format('%.17g', acc), math.max(last, untilMs) }
end

-- The counter as the last advance left it, read without writing anything: advance()'s reply with newly = 0, or nil
-- when the round has no settings yet. For a ticket already admitted, whose answer no advance can change: the ticker
-- advances every tick, and an answer to an admitted ticket's watcher or poller must not admit others between ticks.
local function kept()
  local s = redis.call('HMGET', K_SERVE, 'rate', 'batch', 'maxActive', 'paused', 'acc', 'last', 'served')
  if not s[1] then
    return nil
  end
  return { tonumber(s[7]) or 0, tonumber(redis.call('GET', K_SEQ) or '0'), 0, 0, string.format('%.17g', tonumber(s[1])),
    tonumber(s[2]), tonumber(s[3]), s[4] == '1' and 1 or 0, string.format('%.17g', tonumber(s[5]) or 0),
    tonumber(s[6]) or OPEN }
end

-- The counter as advance() would leave it at NOW, read without writing anything: {served, entered, 0, 0, rate, batch,
-- maxActive, paused}, or nil when only a real advance can tell (nobody entered, settings not seeded, a maxActive cap
-- that depends on who left) or when ticket number QN would be admitted by it (the advance stamps admissions). A
-- waiting player's status and a late entry are then three reads, however often they come; the ticker writes.
local function peek(qn)
  local entered = tonumber(redis.call('GET', K_SEQ) or '0')
  if entered == 0 then
    return nil
  end
  local s = redis.call('HMGET', K_SERVE, 'rate', 'batch', 'maxActive', 'paused', 'acc', 'last', 'served')
  if not s[1] or tonumber(s[3]) > 0 then
    return nil
  end
  local rate, batch, paused = tonumber(s[1]), tonumber(s[2]), s[4] == '1'
  local acc = tonumber(s[5]) or 0
  local last = tonumber(s[6]) or OPEN
  local served = tonumber(s[7]) or 0
  local untilMs = math.min(NOW, CLOSE)
  if untilMs > last and not paused then
    local _, target = integrate(acc, last, untilMs, rate, batch, entered)
    if target > served then
      served = target
    end
  end
  if qn <= served then
    return nil
  end
  return { served, entered, 0, 0, string.format('%.17g', rate), batch, 0, paused and 1 or 0 }
end

-- Valkey lost the round mid-way (a restart or a failover to an empty replica: the counter is gone, but the tokens it
-- gave are still good at booking). Started afresh, the counter would credit the whole time since the open again and
-- hand out a second round's worth of admissions, and new entrants would take the queue numbers of players already
-- admitted (SPEC §9: no admission beyond the rate). So the round is put back where the calling instance last saw it:
-- SEEN_SERVED admitted, the rate's credit up to them spent, and the queue numbers going on after them. A round whose
-- counter exists, one this instance has seen nothing of, or one whose queue already passed the count (entries came
-- first) is left alone; the first instance to call restores it (at most a tick behind the lost count). With maxActive
-- set, the restored players count as active until booking reports them, and those who had finished before the loss
-- are not known again: the round may admit nobody more until its close (the cap errs on the safe side).
local function restore()
  if SEEN_SERVED <= 0 or redis.call('HEXISTS', K_SERVE, 'served') == 1
      or tonumber(redis.call('GET', K_SEQ) or '0') >= SEEN_SERVED then
    return
  end
  local _, batch = settings()
  redis.call('SET', K_SEQ, SEEN_SERVED)
  redis.call('HSET', K_SERVE, 'served', SEEN_SERVED, 'acc', math.max(0, SEEN_SERVED - batch), 'last',
    math.min(NOW, CLOSE))
  expire(K_SEQ, K_SERVE)
end
restore()

local function orEmpty(value)
  if value then
    return value
  end
  return ''
end
