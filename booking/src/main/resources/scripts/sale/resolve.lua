-- The key's in-doubt booking was sent again and acknowledged (RedisSales.resolve), after answer.lua: the key is
-- answered ACCEPTED.
--
-- KEYS: 1 answer  HASH  the key's answer ({r:<roundId>} hash tag)
-- ARGV: 1 fingerprint, 2 bookingId, 3 seatId, 4 answer ttl ms
-- Returns 1.
answer(KEYS[1], ARGV[4], ARGV[1], 'ACCEPTED', ARGV[2], ARGV[3])
return 1
