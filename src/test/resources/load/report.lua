-- Prints one machine-readable line after a wrk run, for the load test to parse:
-- requests, requests/s, latency percentiles in microseconds and every kind of error.
-- wrk counts a response with status >= 400 as a "status" error.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "wrk-result requests=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d bytes=%d"
      .. " connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    summary.bytes, e.connect, e.read, e.write, e.status, e.timeout))
end
