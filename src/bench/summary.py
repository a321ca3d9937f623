#!/usr/bin/env python3
"""Turns the outputs of src/bench/run.sh into one table: each figure, its target, and whether it is met."""
import json
import re
import statistics
import sys
from pathlib import Path

out = Path(sys.argv[1])
start_ms, start_cold_ms, cold_ms, cached_ms, rss_start, rss_load, rss_batch = (int(x) for x in sys.argv[2:9])


def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def cpu_per_request_us(label):
    """The server's CPU time during a wrk run, per request, in µs."""
    text = (out / f"wrk-{label}.txt").read_text()
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    return int((out / f"cpu-{label}.txt").read_text()) * 1000 / requests


def wrk(label):
    text = (out / f"wrk-{label}.txt").read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rps, p50, p99, int(non2xx.group(1)) if non2xx else 0


jmh = {}
for b in json.loads((out / "jmh.json").read_text()):
    name = b["benchmark"].rsplit(".", 1)[1] + "/" + b["params"]["kind"]
    pct = b["primaryMetric"]["scorePercentiles"]
    jmh[name] = (pct["50.0"], pct["99.0"])

trivial, evaluate, submit = wrk("trivial"), wrk("evaluate"), wrk("submit")
warm = [int(x) for x in (out / "rebuild-warm.txt").read_text().split()]
batch_text = (out / "batch.txt").read_text()
batch = re.search(r"([\d.]+) s, (\d+) cases/s", batch_text)
batch_s, batch_rate = float(batch.group(1)), int(batch.group(2))
batch_cases = int(re.search(r"batch: (\d+) cases", batch_text).group(1))
batch_client_ms = int(re.search(r"client CPU (-?\d+) ms", batch_text).group(1))
batch_server_ms = int((out / "cpu-batch.txt").read_text())
typical, every = jmh["service/typical"], jmh["service/every-measure"]
bare_typ, bare_all = jmh["bareDrools/typical"], jmh["bareDrools/every-measure"]


def row(what, figure, target, met):
    return f"| {what} | {figure} | {target} | {'yes' if met else '**no**'} |"


rows = [
    row("in-process, typical case (M06+M09): median / p99", f"{typical[0]:.1f} / {typical[1]:.1f} µs", "≤ 25 µs median",
        typical[0] <= 25),
    row("in-process, every measure: median / p99", f"{every[0]:.1f} / {every[1]:.1f} µs", "—", True),
    row("bare Drools stateless session, same KieBase and facts: typical / every measure (median)",
        f"{bare_typ[0]:.1f} / {bare_all[0]:.1f} µs", "—", True),
    row("service / bare Drools (median): typical / every measure",
        f"{typical[0] / bare_typ[0]:.2f} / {every[0] / bare_all[0]:.2f}", "—", True),
    row("HTTP `POST /api/v1/evaluations` (typical): req/s, p50 / p99",
        f"{evaluate[0]:.0f}, {evaluate[1]:.2f} / {evaluate[2]:.2f} ms", "—", evaluate[3] == 0),
    row("HTTP trivial JSON endpoint (`GET /q/health/live`): req/s, p50 / p99",
        f"{trivial[0]:.0f}, {trivial[1]:.2f} / {trivial[2]:.2f} ms", "—", True),
    row("evaluate / trivial (req/s)", f"{evaluate[0] / trivial[0]:.2f}", "≥ 0.5", evaluate[0] / trivial[0] >= 0.5),
    row("server CPU per request: trivial / evaluate", f"{cpu_per_request_us('trivial'):.0f} / "
        f"{cpu_per_request_us('evaluate'):.0f} µs", "—", True),
    row("`POST /api/v1/cases` on PostgreSQL, ledger checks on: submissions/s, p50 / p99",
        f"{submit[0]:.0f}, {submit[1]:.1f} / {submit[2]:.1f} ms", "≥ 3000/s, p99 ≤ 50 ms",
        submit[0] >= 3000 and submit[2] <= 50 and submit[3] == 0),
    row("service CPU per submission (PostgreSQL's own not counted)", f"{cpu_per_request_us('submit'):.0f} µs", "—", True),
    row(f"batch of {batch_cases:,} generated cases (HTTP, 1000 per request)",
        f"{batch_s:.1f} s, {batch_rate:,} cases/s", "1M ≤ 20 s", batch_cases >= 1_000_000 and batch_s <= 20),
    row("batch CPU per case: service / the client generating and sending them",
        f"{batch_server_ms * 1000 / batch_cases:.0f} / {batch_client_ms * 1000 / batch_cases:.0f} µs", "—", True),
    row("packaged jar: launch to first 200 of an evaluation, rules built before (read from the ruleset cache)",
        f"{start_ms / 1000:.1f} s", "≤ 3 s", start_ms <= 3000),
    row("packaged jar: launch to first 200, first start with these rules (compiled)", f"{start_cold_ms / 1000:.1f} s",
        "—", True),
    row("ruleset build at start: compiled / read from the cache", f"{cold_ms} / {cached_ms} ms", "—", True),
    row("draft from disk, warm (an edited DRL file built, 115 scenarios run, stored; median of drafts 11-15; all fifteen)",
        f"{statistics.median(warm[-5:]):.0f} ms ({' '.join(map(str, warm))})", "≤ 500 ms",
        statistics.median(warm[-5:]) <= 500),
    row("RSS after start / under HTTP load / after the batch", f"{rss_start} / {rss_load} / {rss_batch} MiB",
        "≤ 512 MiB", max(rss_load, rss_batch) <= 512),
]
simulation_file = out / "simulation.json"
if simulation_file.exists():
    sim = json.loads(simulation_file.read_text().strip().splitlines()[-1])
    rows.append(row(f"impact simulation of {sim['simulated']:,} stored cases (PostgreSQL): time, cases/s, RSS peak",
                    f"{sim['seconds']} s, {sim['casesPerSecond']:,}/s, {sim['rssPeakMiB']} MiB "
                    f"(before {sim['rssBeforeMiB']} MiB)",
                    "1,000,000 in ≤ 60 s, memory bounded",
                    sim["seconds"] * 1_000_000 / max(1, sim["simulated"]) <= 60 and sim["rssPeakMiB"] <= 512))
ndjson_file = out / "ndjson.json"
if ndjson_file.exists():
    nd = json.loads(ndjson_file.read_text().strip().splitlines()[-1])
    rows.append(row(f"streaming batch (NDJSON) of {nd['cases']:,} cases: time, cases/s, RSS start / half / peak",
                    f"{nd['seconds']} s, {nd['casesPerSecond']:,}/s, {nd['rssStartMiB']} / {nd['rssAtHalfMiB']} / "
                    f"{nd['rssPeakMiB']} MiB",
                    "1,000,000 in ≤ 25 s, memory flat",
                    nd["seconds"] * 1_000_000 / max(1, nd["cases"]) <= 25 and nd["rssPeakMiB"] <= 512))
print("| measured | figure | target | met |\n|---|---|---|---|")
print("\n".join(rows))
