-- wrk script: POSTs the ad-hoc claim of bench/api/claim.json (the README's, patient 罗英芳) to the path given
-- as the first argument. For /api/adhoc-claims every request gets a claim number of its own (run id, thread, counter), so
-- each one is a new claim that moves money; statuses are counted per thread and printed at the end.
local threads = {}
local counter = 0
statuses = {}

local template

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open("bench/api/claim.json"))
  template = file:read("*a")
  file:close()
  path = args[1] or "/api/adhoc-claims/preview"
  run = args[2] or "R"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Basic " .. (args[3] or "")
end

function request()
  counter = counter + 1
  return wrk.format("POST", path, nil, string.format(template, string.format("B%s-%d-%d", run, tid, counter)))
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + n end
  end
  for status, n in pairs(total) do io.write(string.format("status %d: %d\n", status, n)) end
  io.write(string.format("p50_ms %.2f\np90_ms %.2f\np99_ms %.2f\nmax_ms %.2f\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests %d\nerrors %d\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
