-- wrk: hold attempts on a contended seat map. Every request is a new player (a token used exactly once, so no hold is
-- ever released early by its ticket's next hold) asking for a random seat of SEAT_ROWS × SEAT_COLUMNS. With RETRY=1 a
-- player whose attempt was refused 409 seat-taken tries again with the same token (as bots do, SPEC §6) before a new
-- player is taken; a player is done after its first 201, so still no hold is released early. wrk's response() does
-- not say which request it answers, so each thread keeps its in-flight seats distinct and finds the player by the seat
-- in the answer (201 seatId, 409 "seat X is taken"). 201 and 409 seat-taken are both valid outcomes. Each thread owns the tokens i with i % THREADS == thread - 1; after DURATION
-- seconds (or when its tokens run out) it sends only cheap liveness GETs (fillers, IDLE_MS apart per connection) until
-- every hold it sent has been answered, then stops itself, so no hold is left in flight when wrk ends and every 201 is
-- on record. A hold not answered within STALL_SECONDS (lost with its connection) is reported as lost.
-- Env: TOKENS, THREADS, DURATION, ROUND, BOT_KEY, SEAT_ROWS, SEAT_COLUMNS, OUT_DIR, PREFIX, RETRY (0).
-- Writes OUT_DIR/holds-<PREFIX><thread>.txt: "seatId holdId expiresAt" per 201.
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "common.lua")
local now, threads = common.now, common.threads

function setup(thread)
  common.register(thread)
end

function init(args)
  nthreads = tonumber(os.getenv("THREADS") or "2")
  duration = tonumber(os.getenv("DURATION") or "15")
  round = os.getenv("ROUND")
  botKey = os.getenv("BOT_KEY")
  local rows = os.getenv("SEAT_ROWS") or "ABCDEFGHIJ"
  local cols = tonumber(os.getenv("SEAT_COLUMNS") or "10")
  seats = {}
  for r = 1, #rows do
    for n = 1, cols do seats[#seats + 1] = rows:sub(r, r) .. "-" .. n end
  end
  tokens = {}
  local i = 0
  for line in io.lines(os.getenv("TOKENS")) do
    if i % nthreads == id - 1 then tokens[#tokens + 1] = line end
    i = i + 1
  end
  math.randomseed(os.time() * 1000 + id)
  idleMs = tonumber(os.getenv("IDLE_MS") or "50")
  stallSeconds = tonumber(os.getenv("STALL_SECONDS") or "15")
  nextToken, sent, answered, held, taken, fillers, lost = 1, 0, 0, 0, 0, 0, 0
  retry = os.getenv("RETRY") == "1"
  retryPool, inflight, players = {}, {}, 0
  outcomes = {}
  out = io.open((os.getenv("OUT_DIR") or ".") .. "/holds-" .. (os.getenv("PREFIX") or "h") .. id .. ".txt", "w")
  finished = false
  verifyCall = (id == 1)
end

function delay()
  if stopping then return idleMs end
  return 0
end

-- A seat with none of this thread's holds in flight, or nil. An answer that names no seat (a 429, a problem of another
-- kind) cannot free its seat's entry, so an entry older than STALL_SECONDS (past wrk's request timeout: that request
-- has been answered or lost) counts as free; the search is bounded, so a thread never spins on a full table.
function freeSeat(t)
  for _ = 1, 4 * #seats do
    local seat = seats[math.random(#seats)]
    local entry = inflight[seat]
    if not entry or t - entry.at > stallSeconds then return seat end
  end
  return nil
end

function request()
  if verifyCall then
    -- wrk calls request() once on the first thread's state after init() only to check the request parses, and never
    -- sends it: answer that call with a throw-away request instead of spending a player on it
    verifyCall = false
    return wrk.format("GET", "/actuator/health/liveness")
  end
  local t = now()
  if first == nil then first = t end
  local token
  if t - first < duration then
    if retry and #retryPool > 0 then
      token = table.remove(retryPool)
    elseif nextToken <= #tokens then
      token = tokens[nextToken]
      nextToken = nextToken + 1
      players = players + 1
    end
  end
  local seat
  if token and not retry then
    seat = seats[math.random(#seats)]
  elseif token then
    seat = freeSeat(t)
    if seat then
      inflight[seat] = { token = token, at = t }
    else
      -- every seat has a hold of this thread in flight: the player waits for the next request
      retryPool[#retryPool + 1] = token
    end
  end
  if seat then
    sent = sent + 1
    return wrk.format("POST", "/api/v1/rounds/" .. round .. "/holds", {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. token,
      ["X-Bot-Key"] = botKey,
    }, '{"seatId":"' .. seat .. '"}')
  end
  if token then -- no free seat: a filler now, the player's hold at a later request
    fillers = fillers + 1
    return wrk.format("GET", "/actuator/health/liveness")
  end
  stopping = true
  fillers = fillers + 1
  return wrk.format("GET", "/actuator/health/liveness")
end

function response(status, headers, body)
  if finished then wrk.thread:stop(); return end
  if status == 200 and not body:find('"holdId"', 1, true) then
    -- a filler
  else
    answered = answered + 1
    last = now()
    if retry then
      -- find the player by its seat: a refused one goes back to the pool and tries again, a holder is done
      local seat = status == 201 and body:match('"seatId"%s*:%s*"([^"]+)"') or body:match('seat ([%w%-]+) is taken')
      local entry = seat and inflight[seat]
      if entry then
        inflight[seat] = nil
        if status == 409 then retryPool[#retryPool + 1] = entry.token end
      end
    end
    if status == 201 then
      held = held + 1
      out:write(body:match('"seatId"%s*:%s*"([^"]+)"') or "?", " ", body:match('"holdId"%s*:%s*"([^"]+)"') or "?", " ",
        body:match('"expiresAt"%s*:%s*"([^"]+)"') or "?", "\n")
    else
      local slug = body:match('"type"%s*:%s*"[^"]-/problems/([^"]+)"') or "-"
      if status == 409 and slug == "seat-taken" then
        taken = taken + 1
      else
        local key = status .. " " .. slug
        outcomes[key] = (outcomes[key] or 0) + 1
      end
    end
  end
  if stopping and answered < sent and now() - (last or first) > stallSeconds then lost = sent - answered end
  if stopping and (answered >= sent or lost > 0) then
    out:close(); out = nil
    local parts = {}
    for k, v in pairs(outcomes) do parts[#parts + 1] = k .. "=" .. v end
    outcomeText = table.concat(parts, ";")
    finished = true
    wrk.thread:stop()
    common.stopped(id, nthreads)
  end
end

function done(summary, latency, requests)
  local start, finish = math.huge, 0
  local totals = { sent = 0, answered = 0, held = 0, taken = 0, fillers = 0, lost = 0, players = 0 }
  for _, thread in ipairs(threads) do
    start = math.min(start, thread:get("first") or math.huge)
    finish = math.max(finish, thread:get("last") or 0)
    for k, _ in pairs(totals) do totals[k] = totals[k] + (thread:get(k) or 0) end
  end
  local other, text, socket, complete = common.failures(summary, totals.lost, "holds")
  io.write(string.format("holds: %d sent, %d answered: %d held (201), %d seat-taken (409), %d other; %d fillers\n",
    totals.sent, totals.answered, totals.held, totals.taken, other, totals.fillers))
  io.write(string.format("holds-errors: %d (%s), %d socket errors\n", other, text, socket))
  io.write(string.format("holds-players: %d (%s)\n", totals.players,
    os.getenv("RETRY") == "1" and "a refused player retries with its token" or "a new player per attempt"))
  io.write(string.format("holds-lost: %d\n", totals.lost))
  io.write(string.format("holds-complete: %s\n", complete))
  if finish > start then
    io.write(string.format("holds-rate: %d answers in %.3f s = %.1f/s\n", totals.answered, finish - start,
      totals.answered / (finish - start)))
  end
end
