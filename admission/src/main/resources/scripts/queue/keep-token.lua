-- Keeps the first token of a ticket. KEYS 1 tokens; ARGV 1 queue number, 2 token, 3 expireAt (epoch s).
redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIREAT', KEYS[1], ARGV[3])
return redis.call('HGET', KEYS[1], ARGV[1])
