-- Undoes step 1 when the confirmation surely did not reach SQS (RedisSales.undo): the seat and the ticket are free
-- again if still this booking's, and the key is forgotten so a retry with it tries again. The hold stays.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}):
--   1 sold           HASH  seatId -> bookingId
--   2 ticketBooking  HASH  ticketId -> bookingId
--   3 answer         HASH  the key's answer
--   4 openSales      ZSET  sales whose confirmation is not surely queued yet
--   5 openSaleRecords HASH their records
-- ARGV: 1 seatId, 2 ticketId, 3 bookingId
-- Returns 1.
if redis.call('hget', KEYS[1], ARGV[1]) == ARGV[3] then redis.call('hdel', KEYS[1], ARGV[1]) end
if redis.call('hget', KEYS[2], ARGV[2]) == ARGV[3] then redis.call('hdel', KEYS[2], ARGV[2]) end
redis.call('del', KEYS[3])
redis.call('zrem', KEYS[4], ARGV[3])
redis.call('hdel', KEYS[5], ARGV[3])
return 1
