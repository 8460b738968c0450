-- wrk script: POST help requests to bokji-server, each with its own Idempotency-Key, at points spread over
-- four 읍면동 (invented neighbour reports, labelled as such). Used by scripts/bench-server.sh.
local points = {
  {35.7928, 127.185}, {35.7956, 127.151}, {35.8141, 127.131}, {35.9467, 126.9576},
}
local thread_id = 0
local counter = 0
local bodies = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function init(args)
  for i, p in ipairs(points) do
    bodies[i] = string.format(
      '{"service_code":"crisis_help","for_whom":"other","situations":["isolation"],' ..
      '"description":"(가상 부하 시험) 이웃이 며칠째 보이지 않습니다","lat":%f,"long":%f,' ..
      '"consent":{"agreed":true,"version":"help-2026-11-r90"}}', p[1], p[2])
  end
end

function request()
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", run_id or 0, tid, counter),
  }
  return wrk.format("POST", "/open311/v2/requests.json", headers, bodies[(counter % #bodies) + 1])
end
