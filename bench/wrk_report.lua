-- After a wrk run, print one line the bench reads: throughput, latency percentiles in
-- milliseconds and error counts (wrk's own text output rounds and names units loosely).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    'WRK-REPORT {"requests": %d, "seconds": %.3f, "requests_per_second": %.2f, '
      .. '"median_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, "errors": {"connect": %d, '
      .. '"read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout
  ))
end
