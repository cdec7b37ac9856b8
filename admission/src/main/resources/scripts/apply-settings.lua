-- Settings change: ARGV 10..13 new rate, openBatch, maxActive, paused. The run so far is integrated at the old
-- settings up to NOW, then the round switches, so a change is never applied retroactively nor double-counted.
if not advance() then
  return 0
end
redis.call('HSET', K_SERVE, 'rate', ARGV[10], 'batch', ARGV[11], 'maxActive', ARGV[12], 'paused', ARGV[13])
return 1
