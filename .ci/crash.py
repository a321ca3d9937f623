#!/usr/bin/env python3
"""An acknowledged case survives kill -9: on the embedded H2 file (the default) and on PostgreSQL.

For each database: starts the packaged service on a new data directory, submits cases from 8 threads, kills the
process with SIGKILL while submissions are under way, starts it again on the same data, and checks that every case
answered 201 before the kill is there, DECIDED, and that sending it again answers 200 (recorded once, not twice).
Exits non-zero on any loss.
"""
import concurrent.futures
import os
import shutil
import signal
import sys
import threading
import time

import service

PORT = 18090


def case(tag, i):
    return {"caseId": f"CRASH-{tag}-{i}", "applicationDate": "2020-03-01",
            "person": {"id": f"P-CRASH-{tag}-{i}", "qualification": "SENIOR_WORKER", "frontline": True,
                       "role": "WORKER"},
            "competitionResults": [{"tier": "PROVINCIAL_CLASS_1", "rank": 4}]}


def run(name, env):
    data = f"target/crash-{name}"
    shutil.rmtree(data, ignore_errors=True)
    process = service.start(PORT, data, env=env, log_name=f"target/crash-{name}-1.log")
    service.wait_ready(PORT, process=process)
    token = service.client_token(PORT, "crash-ci", ["caller"])
    acknowledged = []
    lock = threading.Lock()
    stop = threading.Event()
    tag = f"{int(time.time())}"

    def submit(worker):
        i = 0
        while not stop.is_set():
            try:
                status, _ = service.call(PORT, "POST", "/api/v1/cases", case(tag, f"{worker}-{i}"), token=token,
                                         timeout=10)
            except Exception:  # the connection dies with the process: that case was not acknowledged
                return
            if status == 201:
                with lock:
                    acknowledged.append(f"CRASH-{tag}-{worker}-{i}")
            i += 1

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        for w in range(8):
            pool.submit(submit, w)
        time.sleep(4)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        stop.set()
    before = list(acknowledged)
    process = service.start(PORT, data, env=env, log_name=f"target/crash-{name}-2.log")
    failures = []
    try:
        service.wait_ready(PORT, process=process)
        for case_id in before:
            status, body = service.call(PORT, "GET", f"/api/v1/cases/{case_id}", token=token)
            if status != 200 or body.get("status") != "DECIDED":
                failures.append(f"{case_id}: acknowledged 201 before the kill, now {status}")
        again = [service.call(PORT, "POST", "/api/v1/cases", case(tag, cid.rsplit("-", 2)[-2] + "-" +
                                                                    cid.rsplit("-", 1)[-1]), token=token)[0]
                 for cid in before[:50]]
        if any(s != 200 for s in again):
            failures.append(f"sending acknowledged cases again answered {sorted(set(again))}, expected 200 only")
    finally:
        process.terminate()
        process.wait(timeout=30)
    print(f"crash on {name}: {len(before)} cases acknowledged before kill -9, "
          f"{len(before) - len([f for f in failures if 'kill' in f])} found after the restart")
    return failures


def main():
    if not os.path.exists(service.JAR):
        raise SystemExit(f"{service.JAR} is missing: build with mvn package first")
    failures = run("h2", {})
    if "--postgres" in sys.argv:
        failures += run("postgres", service.fresh_postgres("skills_rules_crash"))
    for f in failures[:20]:
        print("FAIL " + f)
    print(f"crash: {'0 failed' if not failures else str(len(failures)) + ' failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
