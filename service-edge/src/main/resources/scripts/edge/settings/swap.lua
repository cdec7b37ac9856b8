-- Replaces a settings hash and answers what it held, in one step, so that concurrent changes each see the one they
-- replaced. KEYS 1 the hash. ARGV 1 the number of fields n; ARGV 2 the condition: '0' none, '1' the fields must hold
-- the expected values (a missing field never matches), '2' the hash must hold none of the fields; ARGV 3..2+n the
-- field names; then the n new values; then, for '1', the n expected values. Returns {1 written / 0 not, then the n
-- values the fields held (nil when missing)}.
local n = tonumber(ARGV[1])
local conditional = ARGV[2] == '1'
local onlyIntoEmpty = ARGV[2] == '2'
local names = {}
for i = 1, n do
  names[i] = ARGV[2 + i]
end
local held = redis.call('HMGET', KEYS[1], unpack(names))
local answer = { 0 }
for i = 1, n do
  answer[i + 1] = held[i]
end
if conditional then
  for i = 1, n do
    if held[i] ~= ARGV[2 + 2 * n + i] then
      return answer
    end
  end
end
if onlyIntoEmpty then
  for i = 1, n do
    if held[i] then
      return answer
    end
  end
end
local fields = {}
for i = 1, n do
  fields[2 * i - 1] = names[i]
  fields[2 * i] = ARGV[2 + n + i]
end
redis.call('HSET', KEYS[1], unpack(fields))
answer[1] = 1
return answer
