-- One instance's heartbeat into the fleet membership, and the live members in return.
-- KEYS[1] = <ns>:members (sorted set: member = instance id, score = last heartbeat, epoch ms)
-- ARGV[1] = now ms, ARGV[2] = member ttl ms, ARGV[3] = instance id
local now = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - ttl))
redis.call('PEXPIRE', KEYS[1], ttl * 2)
return redis.call('ZRANGEBYSCORE', KEYS[1], now - ttl, '+inf')
