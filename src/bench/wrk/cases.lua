-- POST /api/v1/evaluations with each case of a file in turn (one contract case per line, BENCH_CASES): the generated
-- cases of the side-by-side comparison, so the HTTP figure is taken on the same cases as the in-process ones.
local cases = {}
for line in io.lines(os.getenv("BENCH_CASES")) do
  if line ~= "" then cases[#cases + 1] = line end
end
local next_case = 0
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")}
request = function()
  next_case = next_case % #cases + 1
  return wrk.format("POST", "/api/v1/evaluations", headers, cases[next_case])
end
