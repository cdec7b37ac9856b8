-- Step 1 of a booking (RedisSales.sell), after answer.lua: the Idempotency-Key's earlier answer, or the sale of the
-- ticket's hold with the key marked in progress, or a refusal stored as the key's final answer.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}, so they live in one cluster slot):
--   1 answer         HASH    the key's answer: fingerprint, done, outcome, booking, seat
--   2 hold           HASH    the hold named by the request: ticket, seat, owner, token, heldAt, expiresAt
--   3 ticketBooking  HASH    ticketId -> bookingId (one booking per ticket)
--   4 sold           HASH    seatId -> bookingId
--   5 openSales      ZSET    bookingId -> when it was sold (epoch ms), until its confirmation is queued for sure
--   6 openSaleRecords HASH   bookingId -> JSON of the sale (the buyer, the key, the hold), what a reconciler re-sends
-- ARGV: 1 fingerprint, 2 ticketId, 3 bookingId, 4 seat lock key prefix ({r:<roundId>}:seat-lock:, the hold's seat
--       is appended here, same slot), 5 answer ttl ms (the in-progress mark's too: it lasts until the sale is
--       completed, by the request or by the reconciler), 6 sale ttl ms, 7 now epoch ms,
--       8 JSON of the buyer (booking id, ticket, nickname, bot, timestamps, Idempotency-Key, fingerprint, hold id)
-- Returns {'ANSWERED', field, value, ...} (the key's answer hash), {'SOLD', seat, owner, token, heldAtMs,
-- expiresAtMs}, or {refusal, seat or ''} with refusal ALREADY_BOOKED | UNKNOWN_HOLD | HOLD_EXPIRED | SEAT_TAKEN.
local prior = redis.call('hgetall', KEYS[1])
if #prior > 0 then table.insert(prior, 1, 'ANSWERED'); return prior end
local function refuse(reason, seat)
  answer(KEYS[1], ARGV[5], ARGV[1], reason, nil, seat)
  return {reason, seat or ''}
end
if redis.call('hexists', KEYS[3], ARGV[2]) == 1 then return refuse('ALREADY_BOOKED') end
local h = redis.call('hmget', KEYS[2], 'ticket', 'seat', 'owner', 'token', 'heldAt', 'expiresAt')
if not h[2] or not h[3] or h[1] ~= ARGV[2] then return refuse('UNKNOWN_HOLD') end
if redis.call('hexists', ARGV[4] .. h[2], h[3]) == 0 then return refuse('HOLD_EXPIRED') end
if redis.call('hsetnx', KEYS[4], h[2], ARGV[3]) == 0 then return refuse('SEAT_TAKEN', h[2]) end
redis.call('hset', KEYS[3], ARGV[2], ARGV[3])
redis.call('pexpire', KEYS[4], ARGV[6])
redis.call('pexpire', KEYS[3], ARGV[6])
-- the sale stays open until its confirmation is surely queued (complete.lua) or it is undone (undo.lua); a booking
-- service killed in between leaves it here for the reconciler (claim.lua)
local sale = cjson.decode(ARGV[8])
sale.seat = h[2]
sale.owner = h[3]
sale.token = h[4]
sale.heldAt = h[5]
sale.expiresAt = h[6]
redis.call('zadd', KEYS[5], ARGV[7], ARGV[3])
redis.call('hset', KEYS[6], ARGV[3], cjson.encode(sale))
redis.call('pexpire', KEYS[5], ARGV[6])
redis.call('pexpire', KEYS[6], ARGV[6])
answer(KEYS[1], ARGV[5], ARGV[1])
return {'SOLD', h[2], h[3], h[4], h[5], h[6]}
