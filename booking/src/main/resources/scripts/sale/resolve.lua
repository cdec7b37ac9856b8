-- The key's in-doubt booking was sent again and acknowledged (RedisSales.resolve), after answer.lua: the key is
-- answered ACCEPTED.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}):
--   1 answer          HASH  the key's answer
--   2 openSales       ZSET  sales whose confirmation is not surely queued yet
--   3 openSaleRecords HASH  their records
-- ARGV: 1 fingerprint, 2 bookingId, 3 seatId, 4 answer ttl ms
-- Returns 1.
answer(KEYS[1], ARGV[4], ARGV[1], 'ACCEPTED', ARGV[2], ARGV[3])
redis.call('zrem', KEYS[2], ARGV[2])
redis.call('hdel', KEYS[3], ARGV[2])
return 1
