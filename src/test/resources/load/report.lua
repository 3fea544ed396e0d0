-- Prints one machine-readable line after a wrk run, for the load test to parse: requests,
-- requests/s, latency percentiles in microseconds and every kind of error. wrk itself counts only
-- statuses >= 400 as errors; every response that is not 2xx is counted here (non2xx), and the
-- first one is printed so that a failing test shows what the server said.
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  non2xx = 0
  first = ""
end

response = function(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first == "" then
      first = status .. " " .. string.sub(body or "", 1, 300):gsub("%s+", " ")
    end
  end
end

done = function(summary, latency, requests)
  local bad, sample = 0, ""
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    if sample == "" then
      sample = thread:get("first")
    end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "wrk-result requests=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d bytes=%d"
      .. " connect=%d read=%d write=%d status=%d timeout=%d non2xx=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    summary.bytes, e.connect, e.read, e.write, e.status, e.timeout, bad))
  if sample ~= "" then
    io.write("wrk-first-non2xx " .. sample .. "\n")
  end
end
