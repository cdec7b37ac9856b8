-- wrk: another perf/wrk script (SCENARIO, e.g. entry.lua) as it is, plus a timeline of its answers: each thread writes
-- TIMELINE_DIR/timeline-<thread>.txt, one line "<epoch ms of a 100 ms bucket> <answers>" per bucket in which answers
-- with a status below 500 arrived. perf/warmup-bench.sh reads them to find when a service that just started reached
-- its steady throughput.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or ""
dofile(here .. os.getenv("SCENARIO"))
local common = dofile(here .. "common.lua")

local scenario_init, scenario_response = init, response
local timeline, bucket, count

function init(args)
  if scenario_init then scenario_init(args) end
  timeline = io.open((os.getenv("TIMELINE_DIR") or ".") .. "/timeline-" .. (id or 0) .. ".txt", "w")
  count = 0
end

function response(status, headers, body)
  if status < 500 then
    local b = math.floor(common.now() * 10)
    if b ~= bucket then
      if bucket and count > 0 then
        timeline:write(bucket * 100, " ", count, "\n")
        timeline:flush()
      end
      bucket, count = b, 0
    end
    count = count + 1
  end
  if scenario_response then return scenario_response(status, headers, body) end
end
