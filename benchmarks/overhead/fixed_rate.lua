-- A fixed request rate for wrk, which otherwise sends as fast as the server answers: each request claims the next
-- slot of one schedule, RATE slots a second, and its connection waits for that slot. Usage:
--   wrk -t1 -c8 -d12s --latency -s fixed_rate.lua URL -- RATE
-- One wrk thread (-t1), so that one schedule serves every connection. wrk waits whole milliseconds; the schedule
-- absorbs the rounding, because each claim moves it on by exactly 1/RATE s. A server that falls behind is sent the
-- missed requests as fast as it answers, as an open workload would.
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

function init(args)
  local rate = tonumber(args[1])
  if rate == nil or rate <= 0 then
    error("fixed_rate.lua: give the rate in requests per second after --, e.g. -- 3000")
  end
  interval_ms = 1000 / rate
end

function delay()
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
