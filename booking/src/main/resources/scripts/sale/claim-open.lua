-- Claims the open sales of a round sold before a cut-off (SaleReconciler, via RedisSales.claimOpen): sales whose
-- booking request never learned whether SQS has the confirmation (booking killed between the sale and the send or the
-- completion, or an acknowledgement that never came). Each claimed sale's time moves to now, so another instance's
-- reconciler leaves it alone for the next grace period; a sale whose record is gone is dropped.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}):
--   1 openSales       ZSET  bookingId -> when it was sold or last claimed (epoch ms)
--   2 openSaleRecords HASH  bookingId -> JSON of the sale (sell.lua)
-- ARGV: 1 cut-off epoch ms, 2 now epoch ms, 3 at most this many
-- Returns the claimed sales' JSON records.
local ids = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local claimed = {}
for _, id in ipairs(ids) do
  local record = redis.call('hget', KEYS[2], id)
  if record then
    redis.call('zadd', KEYS[1], 'XX', ARGV[2], id)
    table.insert(claimed, record)
  else
    redis.call('zrem', KEYS[1], id)
  end
end
return claimed
