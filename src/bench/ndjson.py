#!/usr/bin/env python3
"""The streaming batch: N cases (1,000,000 by default) through POST /api/v1/evaluations/batch as
application/x-ndjson, written in 64 KiB chunks while the answers are read, on the packaged service with the
README's flags; the service's resident memory is sampled throughout. Prints one JSON line.

    python3 src/bench/ndjson.py [cases] [jar]
"""
import json
import os
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", ".ci"))
import service  # noqa: E402

CASES = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
JAR = sys.argv[2] if len(sys.argv) > 2 else service.JAR
PORT = 18096
JVM = os.environ.get("BENCH_JVM", "-Xmx160m -XX:+UseSerialGC").split()
CASE = ('{"caseId":"ND-%d","applicationDate":"2021-06-01","person":{"id":"P-%d","qualification":"SENIOR_WORKER",'
        '"frontline":true,"role":"WORKER"},"competitionResults":[{"tier":"PROVINCIAL_CLASS_1","rank":4}],'
        '"certificates":[{"level":"TECHNICIAN","route":"SOCIAL_ASSESSMENT","obtainedOn":"2021-03-01"}],'
        '"organization":{"id":"ORG-%d","kind":"ENTERPRISE","size":"MEDIUM","inRizhao":true}}\n')


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) // 1024 for line in f if line.startswith("VmRSS:"))


def send(sock, token):
    head = (f"POST /api/v1/evaluations/batch HTTP/1.1\r\nHost: localhost:{PORT}\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
    sock.sendall(head.encode())
    chunk = []
    size = 0
    for i in range(CASES):
        line = (CASE % (i, i % 50_000, i % 5_000)).encode()
        chunk.append(line)
        size += len(line)
        if size >= 65536 or i == CASES - 1:
            data = b"".join(chunk)
            sock.sendall(b"%x\r\n" % len(data) + data + b"\r\n")
            chunk, size = [], 0
    sock.sendall(b"0\r\n\r\n")


def receive(sock, result):
    """Counts the answer lines of a chunked response (decisions and problems)."""
    buf = b""
    lines = problems = 0
    f = sock.makefile("rb")
    status = f.readline()
    while f.readline() not in (b"\r\n", b""):
        pass
    while True:
        size = int(f.readline().strip() or b"0", 16)
        if size == 0:
            break
        data = f.read(size)
        f.readline()
        buf += data
        parts = buf.split(b"\n")
        buf = parts.pop()
        for p in parts:
            lines += 1
            problems += p.startswith(b'{"line"')
    result.update(status=status.decode().strip(), lines=lines, problems=problems)


def main():
    os.makedirs("target/bench", exist_ok=True)
    process = service.start(PORT, "target/bench/ndjson-data", jar=JAR, env={"MALLOC_ARENA_MAX": "2"},
                            java_options=JVM, log_name="target/bench/server-ndjson.log")
    try:
        service.wait_ready(PORT, process=process)
        admin = service.admin_token(PORT)
        token = service.client_token(PORT, "bench-ndjson", ["caller"], admin=admin)
        rss = [rss_mib(process.pid)]
        done = threading.Event()

        def sample():
            while not done.is_set():
                rss.append(rss_mib(process.pid))
                time.sleep(0.5)

        threading.Thread(target=sample, daemon=True).start()
        sock = socket.create_connection(("localhost", PORT))
        result = {}
        reader = threading.Thread(target=receive, args=(sock, result))
        t0 = time.time()
        reader.start()
        send(sock, token)
        reader.join()
        seconds = time.time() - t0
        done.set()
        print(json.dumps({"cases": CASES, "answered": result.get("lines"), "problems": result.get("problems"),
                          "status": result.get("status"), "seconds": round(seconds, 1),
                          "casesPerSecond": round(CASES / seconds), "rssStartMiB": rss[0],
                          "rssPeakMiB": max(rss), "rssAtHalfMiB": rss[len(rss) // 2], "rssEndMiB": rss[-1],
                          "jvm": " ".join(JVM)}))
    finally:
        process.terminate()
        process.wait(timeout=60)


if __name__ == "__main__":
    main()
