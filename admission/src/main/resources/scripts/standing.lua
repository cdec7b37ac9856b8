-- Standing of one ticket: ARGV 10 ticket id. Returns {} for an unknown ticket (and writes nothing), else
-- {ticket, admittedAtMs or '', token or '', advance...}. A ticket still waiting is answered from peek(), read-only.
local id = ARGV[10]
local ticket = redis.call('HGET', K_TICKETS, id)
if not ticket then
  return {}
end
local waiting = peek(tonumber(string.match(ticket, '^(%d+)|')))
if waiting then
  return { ticket, '', '', unpack(waiting) }
end
local state = advance()
return { ticket, orEmpty(redis.call('HGET', K_ADM, id)), orEmpty(redis.call('HGET', K_TOKENS, id)), unpack(state) }
