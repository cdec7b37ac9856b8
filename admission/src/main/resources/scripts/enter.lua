-- Entry: ARGV 10 nickname, 11 candidate ticket id, 12 bot (0/1).
-- Returns {created (0/1), ticketId, ticket, admittedAtMs or '', advance...}
local nickname, candidate, bot = ARGV[10], ARGV[11], ARGV[12]
local id = redis.call('HGET', K_NICKS, nickname)
local created = 0
if not id then
  id = candidate
  local qn = redis.call('INCR', K_SEQ)
  redis.call('ZADD', K_QUEUE, qn, id)
  redis.call('HSET', K_TICKETS, id, qn .. '|' .. NOW .. '|' .. bot .. '|' .. nickname)
  redis.call('HSET', K_NICKS, nickname, id)
  redis.call('HINCRBY', K_SERVE, bot == '1' and 'bots' or 'humans', 1)
  expire(K_SEQ, K_QUEUE, K_TICKETS, K_NICKS)
  created = 1
end
local state = advance()
return { created, id, redis.call('HGET', K_TICKETS, id), orEmpty(redis.call('HGET', K_ADM, id)), unpack(state) }
