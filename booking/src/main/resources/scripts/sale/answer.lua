-- answer(key, ttlMs, fingerprint, outcome, booking, seat): stores an Idempotency-Key's answer, the one writer of that
-- hash for every sale script. With an outcome the answer is final (done = 1, the outcome, the booking and seat it
-- names); without one the key is only marked in progress (done = 0). The hash expires after ttlMs.
-- Prepended to sell.lua, complete.lua and resolve.lua (RedisSales), not run on its own.
local function answer(key, ttlMs, fingerprint, outcome, booking, seat)
  if outcome then
    redis.call('hset', key, 'fingerprint', fingerprint, 'done', '1', 'outcome', outcome,
      'booking', booking or '', 'seat', seat or '')
  else
    redis.call('hset', key, 'fingerprint', fingerprint, 'done', '0')
  end
  redis.call('pexpire', key, ttlMs)
end
