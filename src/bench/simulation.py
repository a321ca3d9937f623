#!/usr/bin/env python3
"""Impact simulation over many stored cases: how long, and in how much memory.

Starts the packaged service on a new PostgreSQL database with the bench's JVM options, submits every case of the
decision corpus (src/test/resources/corpus: cases of all measures and years) through the API, then copies those stored
cases in SQL, each copy with its own case, person and organization ids and a later submission time, until the table
holds the number asked (default 1,000,000). It then simulates the version in force over every stored case and follows
the job until it is done, sampling the service's resident memory. Prints one JSON line with the figures.

    python3 src/bench/simulation.py [cases] [jar]
"""
import json
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", ".ci"))
import service  # noqa: E402

CASES = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
JAR = sys.argv[2] if len(sys.argv) > 2 else service.JAR
PORT = 18095
DATABASE = "skills_rules_simulation"
CORPUS = "src/test/resources/corpus/decisions.json"
JVM = os.environ.get("BENCH_JVM", "-Xmx160m -XX:+UseSerialGC").split()


def psql(sql):
    return subprocess.run(["psql", "-h", "localhost", "-U", "skills", "-d", DATABASE, "-qAtc", sql],
                          env=dict(os.environ, PGPASSWORD="skills"), check=True, capture_output=True,
                          text=True).stdout.strip()


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) // 1024 for line in f if line.startswith("VmRSS:"))


def seed(token):
    corpus = json.load(open(CORPUS))
    stored = 0
    for i, (_, entry) in enumerate(sorted(corpus.items())):
        case = dict(entry["case"], caseId=f"SIM-{i}")
        status, _ = service.call(PORT, "POST", "/api/v1/cases", case, token=token)
        stored += status == 201
    copies = max(0, -(-CASES // stored) - 1)
    t0 = time.time()
    # Each copy: new ids in the columns and in the stored request, submitted after every case before it.
    psql(f"""
        INSERT INTO case_record (owner, case_id, payload_sha256, payload, application_date, organization_id,
                                 person_id, ruleset_version, evaluation, pools_before, total_amount, status,
                                 submitted_at)
        SELECT c.owner, c.case_id || '-' || g, c.payload_sha256,
               replace(replace(replace(c.payload, '"' || c.case_id || '"', '"' || c.case_id || '-' || g || '"'),
                               '"' || coalesce(c.person_id, '\x01') || '"',
                               '"' || coalesce(c.person_id, '') || '-' || g || '"'),
                       '"' || coalesce(c.organization_id, '\x01') || '"',
                       '"' || coalesce(c.organization_id, '') || '-' || g || '"'),
               c.application_date,
               c.organization_id || '-' || g, c.person_id || '-' || g, c.ruleset_version, c.evaluation,
               c.pools_before, c.total_amount, c.status, c.submitted_at + g * interval '1 second'
        FROM case_record c, generate_series(1, {copies}) g
        WHERE c.case_id LIKE 'SIM-%' AND c.case_id NOT LIKE 'SIM-%-%'
        """)
    psql(f"DELETE FROM case_record WHERE ctid IN (SELECT ctid FROM case_record ORDER BY submitted_at DESC "
         f"LIMIT greatest(0, (SELECT count(*) FROM case_record) - {CASES}))")
    psql("VACUUM ANALYZE case_record")
    return int(psql("SELECT count(*) FROM case_record")), time.time() - t0


def simulate(process, token, version):
    """One simulation of every stored case, followed to its end; its time and the service's peak memory."""
    peak = [rss_mib(process.pid)]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_mib(process.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.time()
    status, job = service.call(PORT, "POST", f"/api/v1/rulesets/{version}/simulations",
                               {"from": "1949-01-01", "to": "2999-12-31"}, token=token)
    if status != 202:
        raise SystemExit(f"simulation: {status} {job}")
    while job["status"] == "RUNNING":
        time.sleep(0.2)
        _, job = service.call(PORT, "GET", f"/api/v1/rulesets/{version}/simulations/{job['id']}", token=token)
    seconds = time.time() - t0
    done.set()
    sampler.join()
    if job["status"] != "DONE":
        raise SystemExit(f"simulation ended {job['status']}: {job.get('error')}")
    return {"done": job["done"], "seconds": round(seconds, 1), "rssPeakMiB": peak[0],
            "changedCases": job["result"]["changedCases"]}


def main():
    database = service.fresh_postgres(DATABASE)
    process = service.start(PORT, "target/bench/simulation-data", jar=JAR, env=dict(database, MALLOC_ARENA_MAX="2"),
                            java_options=JVM, log_name="target/bench/server-simulation.log")
    try:
        service.wait_ready(PORT, process=process)
        admin = service.admin_token(PORT)
        caller = service.client_token(PORT, "bench-simulation-caller", ["caller"], admin=admin)
        analyst = service.client_token(PORT, "bench-simulation-analyst", ["analyst"], admin=admin)
        stored, seed_seconds = seed(caller)
        _, active = service.call(PORT, "GET", "/api/v1/rulesets/active", token=analyst)
        rss_before = rss_mib(process.pid)
        # Twice: the first run also compiles the engine's code paths (JIT), as a service that has been running
        # for a while has done; both are reported, the figure is the second.
        cold = simulate(process, analyst, active["version"])
        warm = simulate(process, analyst, active["version"])
        print(json.dumps({"storedCases": stored, "simulated": warm["done"], "seconds": warm["seconds"],
                          "casesPerSecond": round(warm["done"] / warm["seconds"]),
                          "coldSeconds": cold["seconds"], "rssBeforeMiB": rss_before,
                          "rssPeakMiB": max(cold["rssPeakMiB"], warm["rssPeakMiB"]),
                          "seedSeconds": round(seed_seconds, 1), "changedCases": warm["changedCases"],
                          "jvm": " ".join(JVM)}))
    finally:
        process.terminate()
        process.wait(timeout=60)


if __name__ == "__main__":
    main()
