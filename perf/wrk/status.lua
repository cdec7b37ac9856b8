-- wrk: players polling their place in the queue. Ticket ids come from TICKETS (one per line), picked at random; each
-- ticket polls from an address of its own (X-Forwarded-For, honoured because wrk connects from loopback, a trusted
-- proxy), as players behind the ALB do, so the per-address poll limit (300 per 10 s) never counts the whole bench as
-- one client. At the bench's rate a ticket is polled far below its own limit (30 per 10 s).
function init(args)
  ids = {}
  for line in io.lines(os.getenv("TICKETS")) do ids[#ids + 1] = line end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local n = math.random(#ids)
  local headers = {
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256),
  }
  return wrk.format("GET", "/api/v1/queue/" .. ids[n], headers)
end

function done(summary, latency, requests)
  io.write(string.format("status: %d requests, %d non-2xx/3xx, %d socket errors\n", summary.requests,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
