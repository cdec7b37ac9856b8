-- Standing of one ticket. KEYS 1..10 and ARGV 1..10 as in serving.lua, ARGV 11 the ticket id. Returns {} for an id the
-- round did not give (unknown number, or a seal that is not the round's; nothing is written), else {ticket
-- "queueNumber|enteredAtMs|bot|nickname", admittedAtMs or '', token or '', advance...}. A ticket still waiting is
-- answered from peek(), and one already admitted from kept(), both read-only.
local qn = numberOf(ARGV[11])
if not qn then
  return {}
end
local stored = redis.call('HGET', K_TICKETS, qn)
if not stored then
  return {}
end
local ticket = qn .. '|' .. stored
local waiting = peek(tonumber(qn))
if waiting then
  return { ticket, '', '', unpack(waiting) }
end
-- an admitted ticket's answer is read as the last advance left the counter; only a ticket the counter may have
-- reached since is worth an advance (which stamps its admission)
local admittedAt = redis.call('HGET', K_ADM, qn)
local state = admittedAt and kept() or advance()
return { ticket, orEmpty(admittedAt or redis.call('HGET', K_ADM, qn)), orEmpty(redis.call('HGET', K_TOKENS, qn)),
  unpack(state) }
