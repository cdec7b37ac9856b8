-- Takes an issued security letter (RedisCaptchas.take): reads and deletes it at once, so every answer, right or
-- wrong, uses the letter up.
--
-- KEYS: 1 letter  HASH  {r:<roundId>}:captcha:<captchaId>: answer, ticket
-- Returns {answer, ticket}, both nil when there is no such letter.
local v = redis.call('hmget', KEYS[1], 'answer', 'ticket')
redis.call('del', KEYS[1])
return v
