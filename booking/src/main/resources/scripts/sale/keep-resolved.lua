-- Once MySQL has the rows of resolved bookings of one round (RedisPendingBookings.resolved, the listener): each pending
-- copy is kept ARGV[1] ms more (instead of until the long bound complete.lua gave it) and its booking's outcome is
-- written beside it for as long, so a lookup while MySQL does not answer still tells CONFIRMED or REJECTED. One call
-- for the round's whole batch, not two commands a booking.
--
-- KEYS (all carry the round's hash tag {r:<roundId>}), two per booking i = 1..n:
--   2i-1 pendingBooking  STRING  JSON of the accepted booking (complete.lua)
--   2i   bookingOutcome  STRING  CONFIRMED | REJECTED
-- ARGV: 1 how long both are kept, ms; 1+i the outcome of booking i
-- Returns n.
local ttl = ARGV[1]
local n = #ARGV - 1
for i = 1, n do
  redis.call('pexpire', KEYS[2 * i - 1], ttl)
  redis.call('set', KEYS[2 * i], ARGV[i + 1], 'PX', ttl)
end
return n
