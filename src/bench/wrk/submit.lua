-- Each request submits a new case (unique caseId and person): M09 with its per-person ledger check.
local counter = 0
function setup(thread)
  thread:set("prefix", string.format("%d-%d", os.time(), math.random(1, 1000000000)))
end
request = function()
  counter = counter + 1
  local id = prefix .. "-" .. counter
  local body = string.format('{"caseId":"W-%s","applicationDate":"2021-05-01",'
    .. '"person":{"id":"P-%s","qualification":"TECHNICIAN","frontline":true,"role":"WORKER"},'
    .. '"organization":{"id":"O-%d","kind":"ENTERPRISE","size":"LARGE","inRizhao":true},'
    .. '"certificates":[{"level":"TECHNICIAN","route":"SOCIAL_ASSESSMENT","obtainedOn":"2021-04-01"}]}',
    id, id, counter % 500)
  return wrk.format("POST", "/api/v1/cases",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")}, body)
end
