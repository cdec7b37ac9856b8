-- wrk: players polling their place in the queue. Ticket ids come from TICKETS (one per line), picked at random.
function init(args)
  ids = {}
  for line in io.lines(os.getenv("TICKETS")) do ids[#ids + 1] = line end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("GET", "/api/v1/queue/" .. ids[math.random(#ids)])
end

function done(summary, latency, requests)
  io.write(string.format("status: %d requests, %d non-2xx/3xx, %d socket errors\n", summary.requests,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
