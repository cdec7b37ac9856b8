-- Shared by the wrk scripts of perf/ (entry.lua, booking-flow.lua, booking-holds.lua):
--   local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "common.lua")
-- * common.now(): wall-clock seconds (gettimeofday through LuaJIT's ffi); wrk's own Requests/sec divides by the whole -d
--   duration even when threads stop early, so the scripts time their own first request and last answer;
-- * common.register(thread) from setup(): numbers the threads (each gets its "id") and keeps them in common.threads for
--   done(); the first call also clears the markers of an earlier run;
-- * common.stopped(id, nthreads) once a thread has stopped itself: wrk's main thread otherwise sleeps out the whole -d,
--   so each stopped thread leaves a marker file in OUT_DIR, and the one that finds every thread's marker sends wrk
--   SIGINT, as Ctrl-C would, so wrk prints its summary and exits at once;
-- * common.failures(summary, lost, what) from done(): every thread's unexpected answers (its "outcomeText",
--   "name=count;…") and the LOST requests never answered, with wrk's socket errors and whether the run completed.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } tw_timeval;
  int gettimeofday(tw_timeval *tv, void *tz);
  int getpid(void);
  int kill(int pid, int sig);
]]

local common = { threads = {} }

function common.now()
  local tv = ffi.new("tw_timeval")
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) + tonumber(tv.tv_usec) / 1e6
end

local function marker(i)
  return (os.getenv("OUT_DIR") or ".") .. "/.done-" .. i
end

function common.register(thread)
  if #common.threads == 0 then -- before any thread runs: no marker of an earlier run may count
    for i = 1, tonumber(os.getenv("THREADS") or "2") do os.remove(marker(i)) end
  end
  thread:set("id", #common.threads + 1)
  table.insert(common.threads, thread)
end

function common.stopped(id, nthreads)
  local mine = io.open(marker(id), "w")
  if mine then mine:close() end
  for i = 1, nthreads do
    local f = io.open(marker(i), "r")
    if not f then return end
    f:close()
  end
  ffi.C.kill(ffi.C.getpid(), 2)
end

function common.failures(summary, lost, what)
  local outcomes, stoppedAll = {}, true
  for _, thread in ipairs(common.threads) do
    if not thread:get("finished") then stoppedAll = false end
    for part in (thread:get("outcomeText") or ""):gmatch("[^;]+") do
      local k, v = part:match("^(.*)=(%d+)$")
      if k then outcomes[k] = (outcomes[k] or 0) + tonumber(v) end
    end
  end
  local count, text = 0, {}
  for k, v in pairs(outcomes) do count = count + v; text[#text + 1] = k .. " x" .. v end
  if lost > 0 then count = count + lost; text[#text + 1] = "lost (never answered) x" .. lost end
  table.sort(text)
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local complete = not stoppedAll and "no (wrk's -d ran out before every answer came)"
    or lost > 0 and "no (" .. lost .. " " .. what .. " never answered)" or "yes"
  return count, #text > 0 and table.concat(text, ", ") or "none", socket, complete
end

return common
