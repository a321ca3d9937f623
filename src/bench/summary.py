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


examples = sorted(p.name[len("wrk-example-"):-4] for p in out.glob("wrk-example-*.txt"))
example_rates = {name: wrk(f"example-{name}") for name in examples}
ratios = [evaluate[0] / trivial[0]] + [r[0] / trivial[0] for r in example_rates.values()]
side = wrk("side") if (out / "wrk-side.txt").exists() else None
submit_cpu = cpu_per_request_us("submit")

rows = [
    row("in-process, typical case (M06+M09): median / p99", f"{typical[0]:.1f} / {typical[1]:.1f} µs", "≤ 20 µs median",
        typical[0] <= 20),
    row("in-process, every measure: median / p99", f"{every[0]:.1f} / {every[1]:.1f} µs", "—", True),
    row("bare Drools stateless session, same KieBase and facts: typical / every measure (median)",
        f"{bare_typ[0]:.1f} / {bare_all[0]:.1f} µs", "—", True),
    row("bare Drools / service (median), how many times faster the service is: typical / every measure",
        f"{bare_typ[0] / typical[0]:.2f}× / {bare_all[0] / every[0]:.2f}×", "≥ 2×", bare_typ[0] / typical[0] >= 2),
    row("HTTP trivial JSON endpoint (`GET /q/health/live`): req/s, p50 / p99",
        f"{trivial[0]:.0f}, {trivial[1]:.2f} / {trivial[2]:.2f} ms", "—", True),
    row("HTTP `POST /api/v1/evaluations`, typical case: req/s, p50 / p99; / trivial",
        f"{evaluate[0]:.0f}, {evaluate[1]:.2f} / {evaluate[2]:.2f} ms; **{evaluate[0] / trivial[0]:.3f}**", "≥ 0.35",
        evaluate[3] == 0 and evaluate[0] / trivial[0] >= 0.35),
] + [
    row(f"HTTP evaluate, shared example `{name}`: req/s, p50 / p99; / trivial",
        f"{r[0]:.0f}, {r[1]:.2f} / {r[2]:.2f} ms; **{r[0] / trivial[0]:.3f}**", "≥ 0.35",
        r[3] == 0 and r[0] / trivial[0] >= 0.35)
    for name, r in example_rates.items()
] + [
    row("server CPU per request: trivial / evaluate (typical)", f"{cpu_per_request_us('trivial'):.0f} / "
        f"{cpu_per_request_us('evaluate'):.0f} µs", "—", True),
    row("`POST /api/v1/cases` on PostgreSQL, ledger checks on: submissions/s, p50 / p99",
        f"{submit[0]:.0f}, {submit[1]:.1f} / {submit[2]:.1f} ms", "≥ 2500/s, p99 ≤ 50 ms",
        submit[0] >= 2500 and submit[2] <= 50 and submit[3] == 0),
    row("service CPU per submission (PostgreSQL's own not counted)", f"{submit_cpu / 1000:.2f} ms", "≤ 0.4 ms",
        submit_cpu <= 400),
    row(f"JSON batch of {batch_cases:,} generated cases (HTTP, 1000 per request)",
        f"{batch_s:.1f} s, {batch_rate:,} cases/s", "—", True),
    row("JSON batch CPU per case: service / the client generating and sending them",
        f"{batch_server_ms * 1000 / batch_cases:.0f} / {batch_client_ms * 1000 / batch_cases:.0f} µs", "—", True),
    row("packaged jar: launch to first 200 of an evaluation, rules built before (read from the ruleset cache)",
        f"{start_ms / 1000:.1f} s", "≤ 2.5 s", start_ms <= 2500),
    row("packaged jar: launch to first 200, first start with these rules (compiled)", f"{start_cold_ms / 1000:.1f} s",
        "—", True),
    row("ruleset build at start: compiled / read from the cache", f"{cold_ms} / {cached_ms} ms", "—", True),
    row("reload after one workbook edit (a draft: the edited workbook read, the ruleset built, every scenario run, "
        f"stored; median of reloads 11-15; all fifteen)",
        f"{statistics.median(warm[-5:]):.0f} ms ({' '.join(map(str, warm))})", "≤ 300 ms",
        statistics.median(warm[-5:]) <= 300),
    row("RSS after start / under HTTP load / after the batch (README's run command)",
        f"{rss_start} / {rss_load} / {rss_batch} MiB", "≤ 512 MiB", max(rss_load, rss_batch) <= 512),
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


def side_by_side(folder):
    """The in-process engines on the same generated cases, and each one's decisions against ours."""
    engines = [json.loads(line) for line in (folder / "java.jsonl").read_text().splitlines() if line.strip()]
    engines.append(json.loads((folder / "zen.json").read_text().strip().splitlines()[-1]))
    results = {"skills-rules": "ours-results.jsonl", "Drools DMN (kie-dmn-core)": "dmn-results.jsonl",
               "GoRules ZEN": "zen-results.jsonl"}
    ours = (folder / results["skills-rules"]).read_text().splitlines()
    print(f"\nSide by side: M06 and M10 for {engines[0]['cases']:,} generated cases, each engine in process on one "
          "thread (half the time to warm up, then each call timed), decisions (outcome, amount, promotion) compared "
          "case by case with ours.\n")
    print("| engine | evaluations/s | median | p99 | decisions equal to ours |\n|---|---|---|---|---|")
    for e in engines:
        name = e["engine"] if e["engine"] in results else "GoRules ZEN"
        theirs = (folder / results[name]).read_text().splitlines()
        same = sum(a == b for a, b in zip(ours, theirs))
        label = e["engine"] + (f" {e['version']}" if "version" in e else "")
        own = f" (its own report of the work: {e['engineMedianMicros']:.1f} µs)" if e.get("engineMedianMicros") else ""
        print(f"| {label} | {e['evaluationsPerSecond']:,.0f} | {e['medianMicros']:.1f} µs{own} | {e['p99Micros']:.1f} µs | "
              f"{same:,} of {len(ours):,}{'' if same == len(ours) == len(theirs) else ' **differ**'} |")
    if side:
        print(f"| skills-rules over HTTP (wrk, 2 threads, 16 connections, the same cases in turn) | {side[0]:,.0f} | "
              f"{side[1] * 1000:.0f} µs | {side[2] * 1000:.0f} µs | (the same engine) |")


if (out / "side" / "java.jsonl").exists():
    side_by_side(out / "side")
