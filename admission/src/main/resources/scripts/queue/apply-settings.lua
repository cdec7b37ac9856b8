-- Settings change. KEYS 1..10 and ARGV 1..10 as in serving.lua, ARGV 11..14 new rate, openBatch, maxActive, paused. The
-- run so far is integrated at the old settings up to NOW, then the round switches, so a change is never applied
-- retroactively nor double-counted; a round already closed keeps its settings.
-- A round nobody has entered yet is seeded with them: its first entry then finds its settings here, even on an
-- instance that has not yet re-read the global ones (it does so every second), so a change made just before an open
-- holds for that round on every instance. Returns how many players the advance to NOW admitted (for the metrics:
-- every advance's admissions are counted once, by whoever made it), 0 when the round was only seeded.
local running = advance()
-- a closed round serves nobody more: it keeps the settings it ran with, so its stats say what it was served at
if NOW < CLOSE then
  redis.call('HSET', K_SERVE, 'rate', ARGV[11], 'batch', ARGV[12], 'maxActive', ARGV[13], 'paused', ARGV[14])
end
if not running then
  expire(K_SERVE)
  return 0
end
return running[3]
