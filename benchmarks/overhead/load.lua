-- The overhead run's load for wrk: an optional fixed request rate and optional paths to spread the requests over.
-- Usage:
--   wrk -t1 -c8 -d12s --latency -s load.lua URL -- RATE [PATH...]
-- RATE: requests a second, or 0 for as fast as the server answers. PATHs: the requests go to each in turn (on the
-- host of URL); none: every request goes to URL.
-- Fixed rate: each request claims the next slot of one schedule, RATE slots a second, and its connection waits for
-- that slot. One wrk thread (-t1), so that one schedule serves every connection. wrk waits whole milliseconds; the
-- schedule absorbs the rounding, because each claim moves it on by exactly 1/RATE s. A server that falls behind is
-- sent the missed requests as fast as it answers, as an open workload would.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } fixed_rate_timespec;
  int clock_gettime(int clock_id, fixed_rate_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local timespec = ffi.new("fixed_rate_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

local interval_ms
local next_slot_ms
local requests = {}
local next_request = 0

local function fixed_rate_delay()
  local now = now_ms()
  if next_slot_ms == nil then
    next_slot_ms = now
  end
  next_slot_ms = next_slot_ms + interval_ms
  local wait = next_slot_ms - now
  if wait < 0 then
    return 0
  end
  return wait
end

local function next_path_request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function init(args)
  local rate = tonumber(args[1])
  if rate == nil or rate < 0 then
    error("load.lua: give the rate in requests per second (0: as fast as the server answers) after --, e.g. -- 3000")
  end
  -- wrk looks for delay() and request() after init: leave out what is not asked for, so that wrk keeps its own
  -- (faster) path for it
  if rate > 0 then
    interval_ms = 1000 / rate
    delay = fixed_rate_delay
  end
  for i = 2, #args do
    requests[#requests + 1] = wrk.format("GET", args[i])
  end
  if #requests > 0 then
    request = next_path_request
  end
end
