-- Answers an issued security letter (RedisCaptchas.answer) in one step: uses the letter up and, if the answer is
-- right, marks its ticket solved, so no failure can fall between the two (a letter used up by a right answer whose
-- ticket was never marked solved). Another ticket's letter is left as it is: a stranger's guess does not use it up.
-- A ticket already solved whose letter is gone is told REPEATED: the same right answer again, after its reply was
-- lost (a letter gone is all the script can tell of it; another ticket's letter that still exists stays UNKNOWN).
-- An answer to the ticket's own letter, right or wrong, is a sign of life for admission's maxActive
-- (sign-of-life.lua, prepended): from a player admission timed out whose place the round has no room to give back, it
-- is refused (RELEASED) and the letter is left as it was.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}):
--   1 letter  HASH  {r:<roundId>}:captcha:<captchaId>: answer, ticket
--   2 solved  SET   the round's tickets that solved a letter
--   3 active     ZSET  queueNumber -> last sign of life of an admitted player (admission's)
--   4 abandoned  SET   ticket ids admission timed out (admission's)
--   5 serve      HASH  admission's serving counter: served, maxActive
--   6 finished   SET   tickets that finished or gave up
-- ARGV: 1 ticketId, 2 the answer given, stripped and upper-cased, 3 retention ms (of the solved set), 4 now ms
-- Returns 'SOLVED', 'WRONG', 'REPEATED', 'UNKNOWN' or 'RELEASED'.
local letter = redis.call('hmget', KEYS[1], 'answer', 'ticket')
if not letter[1] then
  if redis.call('sismember', KEYS[2], ARGV[1]) == 1 then return 'REPEATED' end
  return 'UNKNOWN'
end
if letter[2] ~= ARGV[1] then return 'UNKNOWN' end
if not mayPlay(KEYS[5], KEYS[6], KEYS[4], ARGV[1], false) then return 'RELEASED' end
redis.call('del', KEYS[1])
signOfLife(KEYS[3], KEYS[4], ARGV[1], ARGV[4], ARGV[3], false)
if string.upper(letter[1]) ~= ARGV[2] then return 'WRONG' end
redis.call('sadd', KEYS[2], ARGV[1])
redis.call('pexpire', KEYS[2], ARGV[3])
return 'SOLVED'
