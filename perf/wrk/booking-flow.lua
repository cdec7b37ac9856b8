-- wrk: players who hold a distinct seat and then book it (POST holds → POST bookings with an Idempotency-Key).
-- Each thread owns the players i (0-based lines of TOKENS) with i % THREADS == thread - 1, up to PLAYERS; player i
-- takes seat i of the grid SEAT_ROWS (row letters) × SEAT_COLUMNS, i.e. row SEAT_ROWS[i // cols], number i % cols + 1.
-- A thread-local state machine: hold answers (201) push {holdId, seat} on a queue, and request() books queued holds
-- before it holds the next player's seat. wrk's response() does not say which request it answers, so the seat in the
-- answer body finds the player's token (seats are distinct per player). When a thread has nothing left to send but
-- answers are still due, its idle connections wait IDLE_MS (delay()) and then send a cheap GET of the liveness probe
-- (counted apart as fillers); each thread stops itself once every hold and booking it sent has been answered, or when
-- no hold or booking has been answered for STALL_SECONDS (a request lost with its connection: wrk silently reconnects
-- when the server closes a connection) — those are reported as lost.
-- PHASE (both) splits the flow in two runs: "hold" only holds every player's seat and writes the holds to
-- OUT_DIR/held-<PREFIX><thread>.txt ("holdId seatId"); "book" (same TOKENS, PLAYERS, THREADS, SEAT_*) reads them
-- from HELD_DIR and only books — so the booking POSTs can be measured on their own.
-- Bots (bot=true tokens + X-Bot-Key) skip the security letter. Env: TOKENS, PLAYERS, THREADS, ROUND, BOT_KEY,
-- SEAT_ROWS, SEAT_COLUMNS, OUT_DIR, PREFIX, PHASE, HELD_DIR. Writes OUT_DIR/bookings-<PREFIX><thread>.txt
-- ("bookingId seatId").
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "common.lua")
local now, threads = common.now, common.threads

function setup(thread)
  common.register(thread)
end

function init(args)
  nthreads = tonumber(os.getenv("THREADS") or "2")
  local players = tonumber(os.getenv("PLAYERS") or "1000")
  local rows = os.getenv("SEAT_ROWS") or "ABCDEFGHIJ"
  local cols = tonumber(os.getenv("SEAT_COLUMNS") or "10")
  if players > #rows * cols then error("PLAYERS exceeds the seats of SEAT_ROWS x SEAT_COLUMNS") end
  round = os.getenv("ROUND")
  botKey = os.getenv("BOT_KEY")
  seatOf, tokenOf = {}, {}
  local i = 0
  for line in io.lines(os.getenv("TOKENS")) do
    if i >= players then break end
    if i % nthreads == id - 1 then
      local r = math.floor(i / cols) + 1
      local seat = rows:sub(r, r) .. "-" .. (i % cols + 1)
      seatOf[#seatOf + 1] = seat
      tokenOf[seat] = line
    end
    i = i + 1
  end
  if i < players then error("TOKENS has only " .. i .. " tokens for " .. players .. " players") end
  idleMs = tonumber(os.getenv("IDLE_MS") or "50")
  stallSeconds = tonumber(os.getenv("STALL_SECONDS") or "15")
  nextPlayer = 1
  queue, qHead, qTail = {}, 1, 0
  holdSent, holdAns, held, bookSent, bookAns, booked, fillers = 0, 0, 0, 0, 0, 0, 0
  outcomes = {}
  phase = os.getenv("PHASE") or "both"
  local prefix = os.getenv("PREFIX") or "b"
  if phase == "hold" then
    out = io.open((os.getenv("OUT_DIR") or ".") .. "/held-" .. prefix .. id .. ".txt", "w")
  else
    out = io.open((os.getenv("OUT_DIR") or ".") .. "/bookings-" .. prefix .. id .. ".txt", "w")
  end
  if phase == "book" then
    for line in io.lines((os.getenv("HELD_DIR") or ".") .. "/held-" .. prefix .. id .. ".txt") do
      local holdId, seat = line:match("^(%S+) (%S+)$")
      if holdId and tokenOf[seat] then
        qTail = qTail + 1
        queue[qTail] = { holdId, seat }
      end
    end
    nextPlayer = #seatOf + 1 -- nothing left to hold
  end
  myPlayers = #seatOf
  finished = false
  verifyCall = (id == 1)
end

local function finish()
  if out then out:close(); out = nil end
  local parts = {}
  for k, v in pairs(outcomes) do parts[#parts + 1] = k .. "=" .. v end
  outcomeText = table.concat(parts, ";")
  finished = true
  wrk.thread:stop()
  common.stopped(id, nthreads)
end

function delay()
  if qHead <= qTail or nextPlayer <= #seatOf then return 0 end
  return idleMs
end

function request()
  if verifyCall then
    -- wrk calls request() once on the first thread's state after init() only to check the request parses, and never
    -- sends it: answer that call with a throw-away request instead of spending a player on it
    verifyCall = false
    return wrk.format("GET", "/actuator/health/liveness")
  end
  if qHead <= qTail then
    local entry = queue[qHead]
    queue[qHead] = nil
    qHead = qHead + 1
    bookSent = bookSent + 1
    if firstBook == nil then firstBook = now() end
    return wrk.format("POST", "/api/v1/bookings", {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. tokenOf[entry[2]],
      ["Idempotency-Key"] = "bench-" .. entry[1],
    }, '{"holdId":"' .. entry[1] .. '"}')
  end
  if nextPlayer <= #seatOf then
    local seat = seatOf[nextPlayer]
    nextPlayer = nextPlayer + 1
    holdSent = holdSent + 1
    if firstHold == nil then firstHold = now() end
    return wrk.format("POST", "/api/v1/rounds/" .. round .. "/holds", {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. tokenOf[seat],
      ["X-Bot-Key"] = botKey,
    }, '{"seatId":"' .. seat .. '"}')
  end
  fillers = fillers + 1
  return wrk.format("GET", "/actuator/health/liveness")
end

function response(status, headers, body)
  if finished then wrk.thread:stop(); return end
  isFiller = false
  if status == 201 then
    holdAns = holdAns + 1
    held = held + 1
    local holdId = body:match('"holdId"%s*:%s*"([^"]+)"')
    local seat = body:match('"seatId"%s*:%s*"([^"]+)"')
    if phase == "hold" and holdId and seat then
      out:write(holdId, " ", seat, "\n")
    elseif holdId and seat and tokenOf[seat] then
      qTail = qTail + 1
      queue[qTail] = { holdId, seat }
    else
      outcomes["hold 201 unreadable"] = (outcomes["hold 201 unreadable"] or 0) + 1
    end
  elseif status == 202 then
    bookAns = bookAns + 1
    booked = booked + 1
    lastBook = now()
    out:write(body:match('"bookingId"%s*:%s*"([^"]+)"') or "?", " ", body:match('"seatId"%s*:%s*"([^"]+)"') or "?", "\n")
  elseif status == 200 and body:find('"status"', 1, true) and not body:find('"holdId"', 1, true) then
    isFiller = true -- the liveness probe
  else
    local instance = body:match('"instance"%s*:%s*"([^"]+)"') or ""
    local slug = body:match('"type"%s*:%s*"[^"]-/problems/([^"]+)"') or "-"
    local kind
    if instance:find("/bookings", 1, true) then
      kind = "book"; bookAns = bookAns + 1; lastBook = now()
    elseif instance:find("/holds", 1, true) then
      kind = "hold"; holdAns = holdAns + 1
    else
      -- no problem body to tell which it was: count it against whichever has answers outstanding
      if bookAns < bookSent then kind = "book?"; bookAns = bookAns + 1 else kind = "hold?"; holdAns = holdAns + 1 end
    end
    local key = kind .. " " .. status .. " " .. slug
    outcomes[key] = (outcomes[key] or 0) + 1
  end
  local t = now()
  if not isFiller then last = t end
  if nextPlayer > #seatOf and qHead > qTail then
    if holdAns >= holdSent and bookAns >= bookSent then
      finish()
    elseif t - (last or t) > stallSeconds then
      lost = (holdSent - holdAns) + (bookSent - bookAns)
      finish()
    end
  end
end

function done(summary, latency, requests)
  local firstB, lastB, firstH, lastA = math.huge, 0, math.huge, 0
  local totals = { holdSent = 0, held = 0, bookSent = 0, booked = 0, fillers = 0, lost = 0, players = 0 }
  for _, thread in ipairs(threads) do
    firstB = math.min(firstB, thread:get("firstBook") or math.huge)
    lastB = math.max(lastB, thread:get("lastBook") or 0)
    firstH = math.min(firstH, thread:get("firstHold") or math.huge)
    lastA = math.max(lastA, thread:get("last") or 0)
    for k, _ in pairs(totals) do
      if k ~= "players" then totals[k] = totals[k] + (thread:get(k) or 0) end
    end
    totals.players = totals.players + (thread:get("myPlayers") or 0)
  end
  local failures, text, socket, complete = common.failures(summary, totals.lost, "requests")
  io.write(string.format("flow: %d players, %d holds sent, %d held (201), %d bookings sent, %d booked (202), %d fillers\n",
    totals.players, totals.holdSent, totals.held, totals.bookSent, totals.booked, totals.fillers))
  io.write(string.format("flow-errors: %d (%s), %d socket errors\n", failures, text, socket))
  io.write(string.format("flow-lost: %d\n", totals.lost))
  io.write(string.format("flow-complete: %s\n", complete))
  if firstH < math.huge and lastA > firstH then
    local answers = totals.held + totals.booked + failures - totals.lost
    io.write(string.format("flow-rate: %d holds+bookings in %.3f s = %.1f/s\n", answers, lastA - firstH,
      answers / (lastA - firstH)))
  end
  if firstB < math.huge and lastB > firstB then
    io.write(string.format("book-rate: %d accepted in %.3f s = %.1f/s\n", totals.booked, lastB - firstB,
      totals.booked / (lastB - firstB)))
    io.write(string.format("first-book-epoch: %.3f\n", firstB))
    io.write(string.format("last-book-epoch: %.3f\n", lastB))
  end
end
