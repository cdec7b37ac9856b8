-- Ends wrk as soon as every thread has stopped itself. wrk's main thread otherwise sleeps out the whole -d: each thread
-- that is done leaves a marker file in OUT_DIR, and the one that finds every thread's marker sends wrk SIGINT, as
-- Ctrl-C would, so wrk prints its summary and exits at once. Shared by the wrk scripts of perf/:
--   local threadsDone = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "threads-done.lua")
local ffi = require("ffi")
ffi.cdef [[
  int getpid(void);
  int kill(int pid, int sig);
]]

local function marker(i)
  return (os.getenv("OUT_DIR") or ".") .. "/.done-" .. i
end

local threadsDone = {}

-- Call from setup() of the first thread, before any thread runs: no marker of an earlier run may count.
function threadsDone.reset()
  for i = 1, tonumber(os.getenv("THREADS") or "2") do os.remove(marker(i)) end
end

-- Call from thread number ID (of NTHREADS) once it has stopped itself.
function threadsDone.mark(id, nthreads)
  local mine = io.open(marker(id), "w")
  if mine then mine:close() end
  for i = 1, nthreads do
    local f = io.open(marker(i), "r")
    if not f then return end
    f:close()
  end
  ffi.C.kill(ffi.C.getpid(), 2)
end

return threadsDone
