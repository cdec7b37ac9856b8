-- wrk: distinct players entering the waiting room. Each request is a new nickname from a new client address
-- (X-Forwarded-For, honoured because wrk connects from loopback, a trusted proxy), like players behind the ALB.
-- Each thread stops after its share of PLAYERS and writes the ticket ids it got to OUT_DIR/tickets-<thread>.txt.
-- wrk's own Requests/sec divides by the whole -d duration even when threads stop early, so the rate is computed
-- here from each thread's first request to its last answer (common.now, see common.lua), and the last thread
-- to reach its quota ends wrk at once (SIGINT, as Ctrl-C would) instead of letting it sleep out -d.
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "common.lua")
local now, threads = common.now, common.threads

function setup(thread)
  common.register(thread)
end

function init(args)
  players = tonumber(os.getenv("PLAYERS") or "10000")
  nthreads = tonumber(os.getenv("THREADS") or "2")
  prefix = os.getenv("NICK_PREFIX") or "p"
  quota = math.floor(players / nthreads)
  sent, got = 0, 0
  out = io.open((os.getenv("OUT_DIR") or ".") .. "/tickets-" .. prefix .. id .. ".txt", "w")
end

function request()
  if sent == 0 then first = now() end
  sent = sent + 1
  local n = id * 10000000 + sent
  local body = '{"nickname":"' .. prefix .. n .. '"}'
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", (n / 65536) % 256, (n / 256) % 256, n % 256),
  }
  return wrk.format("POST", "/api/v1/queue", headers, body)
end

function response(status, headers, body)
  got = got + 1
  last = now()
  if out == nil then return end -- in-flight answers after this thread's quota
  if status == 201 or status == 200 then
    local ticket = body:match('"ticketId"%s*:%s*"([^"]+)"')
    if ticket then out:write(ticket, "\n") end
  end
  if got >= quota then
    out:close()
    out = nil
    wrk.thread:stop()
    common.stopped(id, nthreads)
  end
end

function done(summary, latency, requests)
  local start, finish, answered = math.huge, 0, 0
  for _, thread in ipairs(threads) do
    start = math.min(start, thread:get("first") or math.huge)
    finish = math.max(finish, thread:get("last") or 0)
    answered = answered + (thread:get("got") or 0)
  end
  io.write(string.format("entry: %d requests, %d non-2xx/3xx, %d socket errors\n", summary.requests,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("entry-rate: %d answers in %.3f s = %.1f/s\n", answered, finish - start,
    answered / (finish - start)))
end
