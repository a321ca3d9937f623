-- POST /api/v1/evaluations with the typical mixed case (M06 and M09), read from the BENCH_CASE file.
local f = assert(io.open(os.getenv("BENCH_CASE") or "target/bench/typical.json", "r"))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
wrk.body = f:read("*a")
f:close()
