#!/usr/bin/env bash
# Benchmarks of skills-rules, all measured in one run on this machine; prints a summary and writes it to
# target/bench/summary.md. Not part of the tests: nothing here is timed against a threshold.
#
#   src/bench/run.sh            everything (about 17 minutes; starts PostgreSQL with .ci/postgres-up)
#   BENCH_QUICK=1 src/bench/run.sh   shorter runs, for a look rather than figures
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH_STARTED=$(date +%s)
OUT=target/bench
mkdir -p "$OUT"
QUICK=${BENCH_QUICK:-}
DUR=$([ -n "$QUICK" ] && echo 5s || echo 20s)
# Load before each measured run, so the figures are the JIT-compiled steady state rather than its warm-up (on two
# shared cores the JIT needs more than a minute of load: 30 s left evaluations at half their steady rate).
WARM=$([ -n "$QUICK" ] && echo 5s || echo 90s)
BATCH_CASES=$([ -n "$QUICK" ] && echo 100000 || echo 1000000)
JMH_ARGS=$([ -n "$QUICK" ] && echo "-wi 2 -w 1 -i 3 -r 1 -f 1" || echo "-wi 3 -w 3 -i 5 -r 3 -f 1")
# The service's JVM options for every run here, as README runs it: a 160 MiB heap (live data is about 65 MiB under the
# batch), the serial collector and two C allocator arenas keep the footprint under 512 MiB on two cores.
BENCH_JVM=${BENCH_JVM:--Xmx160m -XX:+UseSerialGC}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# Every call needs a token: the bench's own administrator password for the instances it starts.
BENCH_ADMIN_PASSWORD=bench-admin-password-only-for-benchmarks
export BENCH_TOKEN=
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

echo "== build"
mvn -B -q -ntp package -DskipTests
mvn -B -q -ntp -Pbench test-compile
mvn -B -q -ntp -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$OUT/cp.txt")"
java -cp "$CP" -Dorg.jboss.logging.provider=jboss gov.rizhao.skills.bench.PrintCase typical > "$OUT/typical.json"

# Starts the jar ($1) on port $2 with the given environment; waits for the first 200 of an evaluation.
# Sets SERVER (its pid) and LAUNCH_MS (milliseconds from launch to that 200).
start() {
  local jar=$1 port=$2; shift 2
  if curl -s -o /dev/null "localhost:$port"; then echo "port $port is in use: stop what runs there first" >&2; exit 1; fi
  local t0; t0=$(date +%s%N)
  env "$@" QUARKUS_HTTP_PORT="$port" SKILLS_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" java $BENCH_JVM -jar "$jar" \
    > "$OUT/server-$port.log" 2>&1 &
  SERVER=$!
  PIDS+=("$SERVER")
  # The first 200 of an evaluation: with a token once the issuer answers (a missing token is 401 before that).
  until [ -n "${BENCH_TOKEN:-}" ] && curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
      -H "Authorization: Bearer $BENCH_TOKEN" --data @"$OUT/typical.json" "localhost:$port/api/v1/evaluations" \
      2>/dev/null | grep -q 200; do
    BENCH_TOKEN=$(token "$port" 2>/dev/null || true)
    sleep 0.05
  done
  LAUNCH_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}
# A token of the calling system "bench" (caller, analyst), made by the administrator of the instance on port $1.
token() {
  local port=$1 admin secret
  admin=$(curl -sf -d grant_type=password -d username=admin -d "password=$BENCH_ADMIN_PASSWORD" \
    "localhost:$port/oauth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  secret=$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
      -d '{"clientId":"bench","roles":["caller","analyst"]}' "localhost:$port/api/v1/admin/clients" \
    || curl -sf -X POST -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
      "localhost:$port/api/v1/admin/clients/bench/secret")
  secret=$(echo "$secret" | python3 -c 'import json,sys; print(json.load(sys.stdin)["clientSecret"])')
  curl -sf -d grant_type=client_credentials -d client_id=bench -d "client_secret=$secret" \
    "localhost:$port/oauth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
rss_mib() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1/1024}'; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }
wrk_run() { # url, lua or "", label[, case file] -> wrk --latency output, and the server's CPU time during the run (ms)
  local url=$1 lua=$2 label=$3 case=${4:-$OUT/typical.json} before
  before=$(cpu_ms "$SERVER")
  if [ -n "$lua" ]; then BENCH_CASE="$case" wrk -t2 -c16 -d"$DUR" --latency -s "$lua" "$url" > "$OUT/wrk-$label.txt"
  else wrk -t2 -c16 -d"$DUR" --latency "$url" > "$OUT/wrk-$label.txt"; fi
  echo $(( $(cpu_ms "$SERVER") - before )) > "$OUT/cpu-$label.txt"
}

echo "== in-process evaluation (JMH)"
mvn -B -q -ntp -Pbench exec:exec@jmh -Djmh.args="$JMH_ARGS -rf json -rff $OUT/jmh.json EvaluationBenchmark" \
  > "$OUT/jmh.txt"

echo "== side by side: this service's engine, Drools DMN and GoRules ZEN in process, on the same generated cases"
# M06 and M10 (the table-shaped measures) for generated cases, each engine timed alone on one thread; every decision
# cross-checked between the three by summary.py. The same cases go over HTTP below.
SIDE=$OUT/side
mkdir -p "$SIDE"
SIDE_SECONDS=$([ -n "$QUICK" ] && echo 4 || echo 20)
java -cp "$CP" gov.rizhao.skills.bench.SideBySideCases 10000 "$SIDE/cases.jsonl"
java -cp "$CP" -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dorg.jboss.logging.provider=jboss \
  gov.rizhao.skills.bench.SideBySide "$SIDE/cases.jsonl" "$SIDE" rules src/bench/dmn/m06-m10.dmn "$SIDE_SECONDS" \
  > "$SIDE/java.jsonl"
(cd src/bench/zen && npm install --silent --no-audit --no-fund)  # not `npm ci`: the registry here serves only the linux-x64 binaries the lock file names
node src/bench/zen/run.mjs "$SIDE/cases.jsonl" "$SIDE/zen-results.jsonl" "$SIDE_SECONDS" > "$SIDE/zen.json"

echo "== start, rebuild, HTTP (embedded H2)"
# First start with these rules: nothing cached, the ruleset is compiled. Then a restart: the compiled ruleset is read
# from data/ruleset-cache, as on any start whose rule files were built before.
rm -rf data "$OUT/rules" && mkdir -p "$OUT/rules" && cp rules/*.drl rules/*.drl.xlsx "$OUT/rules/"
start target/quarkus-app/quarkus-run.jar 18080 SKILLS_RULES_DIR="$OUT/rules" SKILLS_DATA_DIR=./data
START_COLD_MS=$LAUNCH_MS
COLD_MS=$(grep -o 'built in [0-9]* ms' "$OUT/server-18080.log" | head -1 | grep -o '[0-9]*')
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
start target/quarkus-app/quarkus-run.jar 18080 SKILLS_RULES_DIR="$OUT/rules" SKILLS_DATA_DIR=./data
START_MS=$LAUNCH_MS
CACHED_MS=$(grep -o 'built in [0-9]* ms' "$OUT/server-18080.log" | head -1 | grep -o '[0-9]*')
RSS_START=$(rss_mib "$SERVER")
: > "$OUT/rebuild-warm.txt"
for i in $(seq 1 15); do  # each draft edits one cell of a workbook; the summary takes the last five, the JIT warm
  # A draft of the rules on disk: built (only the changed workbook is read again), its scenarios run, stored.
  python3 src/bench/edit_workbook.py "$OUT/rules/m06-technical-expert.drl.xlsx" 每人一次性奖励 "$i"
  curl -s -o /dev/null -w '%{time_total}\n' -X POST -H "Authorization: Bearer $BENCH_TOKEN" \
    localhost:18080/api/v1/rulesets/reload | awk '{printf "%d\n", $1 * 1000}' >> "$OUT/rebuild-warm.txt"
done
BENCH_CASE="$OUT/typical.json" wrk -t2 -c16 -d"$WARM" -s src/bench/wrk/evaluate.lua \
  http://localhost:18080/api/v1/evaluations > /dev/null
wrk_run http://localhost:18080/q/health/live "" trivial
wrk_run http://localhost:18080/api/v1/evaluations src/bench/wrk/evaluate.lua evaluate &
WRK=$!
sleep 5
RSS_LOAD=$(rss_mib "$SERVER")
wait $WRK
# Each shared example (../shared/examples, copied into the tests' resources), and the side-by-side cases in turn.
for example in src/test/resources/examples/*.json; do
  name=$(basename "$example" .json)
  python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["case"], ensure_ascii=False))' \
    "$example" > "$OUT/example-$name.json"
  wrk_run http://localhost:18080/api/v1/evaluations src/bench/wrk/evaluate.lua "example-$name" "$OUT/example-$name.json"
done
BENCH_CASES="$SIDE/cases.jsonl" wrk_run http://localhost:18080/api/v1/evaluations src/bench/wrk/cases.lua side

echo "== batch"
BEFORE=$(cpu_ms "$SERVER")
java -cp "$CP" gov.rizhao.skills.bench.BatchDriver http://localhost:18080 "$BATCH_CASES" 1000 2 | tee "$OUT/batch.txt"
echo $(( $(cpu_ms "$SERVER") - BEFORE )) > "$OUT/cpu-batch.txt"
RSS_BATCH=$(rss_mib "$SERVER")
kill "$SERVER"

echo "== submissions on PostgreSQL"
.ci/postgres-up > /dev/null
# The same starting point each run: a new, empty database, chosen by environment variables alone.
PGPASSWORD=skills psql -h localhost -U skills -d postgres -qc "DROP DATABASE IF EXISTS skills_rules_bench"
PGPASSWORD=skills psql -h localhost -U skills -d postgres -qc "CREATE DATABASE skills_rules_bench"
BENCH_TOKEN=
start target/quarkus-app/quarkus-run.jar 18090 SKILLS_RULES_DIR=rules SKILLS_DATA_DIR=./target/bench/pg-data \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/skills_rules_bench \
  QUARKUS_DATASOURCE_USERNAME=skills QUARKUS_DATASOURCE_PASSWORD=skills
PG_SERVER=$SERVER
wrk -t2 -c16 -d"$WARM" -s src/bench/wrk/submit.lua http://localhost:18090 > /dev/null
wrk_run http://localhost:18090 src/bench/wrk/submit.lua submit
kill "$PG_SERVER"

echo "== impact simulation over stored cases (PostgreSQL)"
python3 src/bench/simulation.py "$([ -n "$QUICK" ] && echo 100000 || echo 1000000)" | tee "$OUT/simulation.json"

echo "== streaming batch (application/x-ndjson), flat memory"
python3 src/bench/ndjson.py "$([ -n "$QUICK" ] && echo 100000 || echo 1000000)" | tee "$OUT/ndjson.json"

python3 src/bench/summary.py "$OUT" "$START_MS" "$START_COLD_MS" "$COLD_MS" "$CACHED_MS" "$RSS_START" "$RSS_LOAD" \
  "$RSS_BATCH" | tee "$OUT/summary.md"
# A full run's figures replace the latest ones in src/bench/README.md (a quick one's are only a look).
if [ -z "$QUICK" ]; then python3 src/bench/readme.py "$OUT/summary.md" src/bench/README.md "$BENCH_STARTED"; fi
