#!/usr/bin/env python3
"""Slow and stalled clients cannot take the service down.

Starts the packaged service on a new data directory and holds 1,000 connections to it (--clients):
  * 50% send a request line and headers one byte every few seconds (--interval) and never finish them;
  * 20% send complete headers of POST /api/v1/evaluations with a valid token and Content-Length: 100000,
    then the body one byte every few seconds;
  * 10% do the same after sending the first 16 KiB of the body at once (--prefix-bytes: more than RESTEasy
    Reactive buffers on the I/O thread for a non-blocking method, quarkus.rest.input-buffer-size=10k);
  * 20% send POST /oauth/token (no credentials needed) with Content-Length: 100000, then the form one byte
    every few seconds.
For blocking resource methods (all of this service's) RESTEasy Reactive reads the body on a worker thread,
waiting for each byte: enough slow bodies take every worker thread (200 at most by default).
A connection the service closes is opened again, so the pressure stays. While they are held:
  * 20 sequential GET /q/health/ready must each answer 200 in under 1 s;
  * a few authenticated POST /api/v1/evaluations must answer 200;
  * a chunked body (Transfer-Encoding: chunked, no Content-Length) of 8 MiB to POST /api/v1/evaluations/batch
    must be refused with 413, and the service must stay up (health 200 afterwards);
  * clients that stop sending (mid-headers, mid-body, after a 16 KiB body prefix, mid-form, or that send
    nothing), and those trickling their headers, must be cut off, their connections closed by the service,
    within --cutoff-within seconds (Vert.x's idle timeout does it: bytes of unfinished headers do not reset
    it, bytes of a body do); with --body-deadline, those trickling a body too.
Prints a summary and exits non-zero on any failure.

Usage: python3 .ci/slow-clients.py [path/to/quarkus-run.jar] [-Dquarkus.some.property=value ...]
Options given as -D... are passed to the JVM before -jar (to try settings without rebuilding).
Only the standard library.
"""
import argparse
import errno
import heapq
import http.client
import json
import os
import random
import resource
import selectors
import shutil
import socket
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import service  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOST = "127.0.0.1"
CASE = {"caseId": "S-1", "applicationDate": "2020-03-01",
        "person": {"id": "P-S-1", "qualification": "SENIOR_WORKER", "frontline": True, "role": "WORKER"}}


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("jar", nargs="?", default=service.JAR)
    parser.add_argument("--port", type=int, default=18300)
    parser.add_argument("--clients", type=int, default=1000, help="slow connections held (default 1000)")
    parser.add_argument("--interval", type=float, default=3.0, help="seconds between two trickled bytes")
    parser.add_argument("--prefix-bytes", type=int, default=16384,
                        help="body bytes sent at once by the 10%% that trickle after a prefix (0: none of those)")
    parser.add_argument("--health-calls", type=int, default=20)
    parser.add_argument("--health-limit", type=float, default=1.0, help="seconds a health answer may take")
    parser.add_argument("--evaluations", type=int, default=3)
    parser.add_argument("--chunked-mib", type=int, default=8)
    parser.add_argument("--cutoff-within", type=float, default=35.0,
                        help="seconds within which a stalled client, or one trickling its headers, must be "
                             "disconnected (quarkus.http.idle-timeout and some slack)")
    parser.add_argument("--body-deadline", type=float,
                        help="also require clients trickling a body to be disconnected within this many seconds")
    parser.add_argument("--work-dir", default="target/slow-clients",
                        help="data directory and log of the service (made anew)")
    parser.add_argument("--require-problem-json", action="store_true",
                        help="fail unless the 413 for the chunked body is application/problem+json")
    args, rest = parser.parse_known_args()
    unknown = [a for a in rest if not a.startswith("-D")]
    if unknown:
        parser.error("unrecognised arguments: " + " ".join(unknown))
    args.java_options = rest
    return args


def raise_fd_limit(needed):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        target = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        soft = target
    if soft != resource.RLIM_INFINITY and soft < needed:
        raise SystemExit(f"open-file limit {soft} is below the {needed} this check needs (ulimit -n)")
    return soft


# --- Slow connections ---------------------------------------------------------------------------------------------

class Conn:
    __slots__ = ("kind", "sock", "data", "pos", "opened", "closed", "answer", "how")

    def __init__(self, kind, sock, data):
        self.kind, self.sock, self.data, self.pos = kind, sock, data, 0
        self.opened, self.closed, self.answer, self.how = time.monotonic(), None, b"", None


class SlowClients:
    """Holds the slow connections from one thread: trickles their bytes, notices the ones the service closes and
    opens new ones in their place. Stalled probes are opened the same way but never sent more than their start."""

    def __init__(self, port, token, clients, interval, prefix_bytes):
        self.port, self.interval = port, interval
        self.selector = selectors.DefaultSelector()
        self.heap = []  # (when, sequence, conn): next byte to send
        self.seq = 0
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.live = 0
        self.reopened = 0
        self.open_failures = 0
        self.closed_by_server = {}  # kind -> count
        self.lifetimes = {}  # kind -> seconds each closed one had been open
        self.answers = {}  # first line of what the service wrote before closing -> count
        self.probes = []
        self.initial = []  # the slow connections opened first, watched for how long the service keeps them
        header_body = (f"POST /api/v1/evaluations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n"
                       f"Content-Type: application/json\r\nAccept: application/json\r\n"
                       f"Content-Length: 100000\r\n\r\n").encode()
        body = (b'{"caseId":"SLOW-' + b"x" * (100000 - 40) + b'"}').ljust(100000, b" ")
        form_head = (b"POST /oauth/token HTTP/1.1\r\nHost: localhost\r\n"
                     b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n")
        form = (b"grant_type=client_credentials&client_id=slow&client_secret=" + b"z" * 100000)[:100000]
        headers_slow = (b"GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\n"
                        + b"".join(b"X-Slow-%d: %s\r\n" % (i, b"y" * 40) for i in range(80)) + b"\r\n")
        # kind -> (bytes of the whole request, bytes sent at once); then the rest one byte at a time
        self.kinds = {
            "slow-headers": (headers_slow, 1),
            "slow-body": (header_body + body, len(header_body)),
            "slow-body-after-prefix": (header_body + body, len(header_body) + prefix_bytes),
            "slow-form": (form_head + form, len(form_head)),
        }
        fifth = clients // 10
        shares = {"slow-body": 2 * fifth, "slow-body-after-prefix": fifth if prefix_bytes else 0,
                  "slow-form": 2 * fifth}
        shares["slow-headers"] = clients - sum(shares.values())
        self.plan = [kind for kind, count in shares.items() for _ in range(count)]
        # connections that send a start and then nothing: the service must close them
        self.stalled_kinds = {
            "stalled-headers": (headers_slow, 60),
            "stalled-body": (header_body + body, len(header_body) + 10),
            "stalled-body-after-prefix": (header_body + body, len(header_body) + max(prefix_bytes, 16384)),
            "stalled-form": (form_head + form, len(form_head) + 10),
            "connected-silent": (b"", 0),
        }

    # opening ----------------------------------------------------------------
    def open(self, kind, data, burst, trickle=True):
        try:
            sock = socket.create_connection((HOST, self.port), timeout=3)
        except OSError:
            self.open_failures += 1
            return None
        sock.setblocking(False)
        conn = Conn(kind, sock, data)
        self.push(conn, burst)
        if conn.closed is None:
            self.selector.register(sock, selectors.EVENT_READ, conn)
            if trickle:
                self.schedule(conn, time.monotonic() + random.uniform(0.2, 1.0) * self.interval)
        return conn

    def open_all(self):
        random.shuffle(self.plan)
        for i, kind in enumerate(self.plan):
            data, burst = self.kinds[kind]
            with self.lock:
                conn = self.open(kind, data, burst)
                if conn is not None:
                    self.live += 1
                    self.initial.append(conn)
            if i % 50 == 49:
                time.sleep(0.02)  # let the accept loop keep up on 2 cores
        with self.lock:
            for kind, (data, burst) in self.stalled_kinds.items():
                conn = self.open(kind, data, burst, trickle=False)
                if conn is not None:
                    self.probes.append(conn)

    def schedule(self, conn, when):
        self.seq += 1
        heapq.heappush(self.heap, (when, self.seq, conn))

    def push(self, conn, count):
        end = min(conn.pos + count, len(conn.data))
        while conn.pos < end:
            try:
                conn.pos += conn.sock.send(conn.data[conn.pos:end])
            except BlockingIOError:
                return  # the service does not read: the rest goes later
            except OSError:
                self.lost(conn, "send failed")
                return

    # the loop ---------------------------------------------------------------
    def lost(self, conn, how):
        if conn.closed is not None:
            return
        conn.closed, conn.how = time.monotonic(), how
        try:
            self.selector.unregister(conn.sock)
        except (KeyError, ValueError):
            pass
        conn.sock.close()
        line = conn.answer.split(b"\r\n", 1)[0].decode(errors="replace") if conn.answer else "(nothing)"
        self.answers[line] = self.answers.get(line, 0) + 1
        if conn.kind in self.kinds:
            self.closed_by_server[conn.kind] = self.closed_by_server.get(conn.kind, 0) + 1
            self.lifetimes.setdefault(conn.kind, []).append(conn.closed - conn.opened)
            self.live -= 1
            if not self.stop.is_set():  # keep the pressure: a new one in its place
                data, burst = self.kinds[conn.kind]
                if self.open(conn.kind, data, burst) is not None:
                    self.live += 1
                    self.reopened += 1

    def run(self):
        while not self.stop.is_set():
            with self.lock:
                now = time.monotonic()
                while self.heap and self.heap[0][0] <= now:
                    _, _, conn = heapq.heappop(self.heap)
                    if conn.closed is None:
                        self.push(conn, 1)
                        if conn.closed is None:
                            self.schedule(conn, now + self.interval)
                wait = min(0.2, max(0.0, self.heap[0][0] - now)) if self.heap else 0.2
            for key, _ in self.selector.select(timeout=wait):
                conn = key.data
                with self.lock:
                    try:
                        chunk = conn.sock.recv(65536)
                    except BlockingIOError:
                        continue
                    except OSError as e:
                        self.lost(conn, "reset" if e.errno == errno.ECONNRESET else str(e))
                        continue
                    if not chunk:
                        self.lost(conn, "closed")
                    elif len(conn.answer) < 4096:
                        conn.answer += chunk

    def close_all(self, thread=None):
        self.stop.set()
        if thread is not None:
            thread.join(timeout=5)  # out of select() before the selector goes
        with self.lock:
            for key in list(self.selector.get_map().values()):
                key.data.sock.close()
            self.selector.close()


# --- Measurements -------------------------------------------------------------------------------------------------

def timed_request(port, method, path, body=None, token=None, timeout=5.0):
    """(status or error text, seconds, content type, body bytes) of one request on a new connection."""
    start = time.monotonic()
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = "Bearer " + token
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        return response.status, time.monotonic() - start, response.getheader("Content-Type"), payload
    except (OSError, http.client.HTTPException) as e:
        return f"{type(e).__name__}: {e}"[:80], time.monotonic() - start, None, b""
    finally:
        connection.close()


def chunked_upload(port, token, mib, timeout=20.0):
    """Sends a JSON array of 8 MiB (whitespace: only a size limit can refuse it) chunked, no Content-Length,
    stopping as soon as the service answers. (status or error text, bytes sent, content type, body, seconds)."""
    start = time.monotonic()
    sock = socket.create_connection((HOST, port), timeout=10)
    head = (f"POST /api/v1/evaluations/batch HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: application/json\r\nAccept: application/json\r\n"
            f"Transfer-Encoding: chunked\r\n\r\n").encode()
    total = mib * 1024 * 1024
    piece = 64 * 1024
    sent = 0
    answer = b""
    error = None
    sock.setblocking(False)
    selector = selectors.DefaultSelector()
    selector.register(sock, selectors.EVENT_READ | selectors.EVENT_WRITE)
    outgoing = head + b"1\r\n[\r\n"
    finished_sending = False
    deadline = start + timeout
    try:
        while time.monotonic() < deadline:
            if not outgoing and not finished_sending:
                if sent < total:
                    n = min(piece, total - sent)
                    outgoing = b"%x\r\n" % n + b" " * n + b"\r\n"
                    sent += n
                else:
                    outgoing = b"1\r\n]\r\n0\r\n\r\n"
                    finished_sending = True
            events = selector.select(timeout=1.0)
            readable = any(mask & selectors.EVENT_READ for _, mask in events)
            writable = any(mask & selectors.EVENT_WRITE for _, mask in events)
            if readable:
                try:
                    chunk = sock.recv(65536)
                except OSError as e:
                    error = error or f"{type(e).__name__}: {e}"
                    break
                if not chunk:
                    break
                answer += chunk
                if b"\r\n\r\n" in answer:
                    head_part, _, rest = answer.partition(b"\r\n\r\n")
                    length = next((int(l.split(b":", 1)[1]) for l in head_part.split(b"\r\n")
                                   if l.lower().startswith(b"content-length:")), None)
                    if length is not None and len(rest) >= length:
                        break
            if writable and outgoing:
                try:
                    n = sock.send(outgoing)
                    outgoing = outgoing[n:]
                except BlockingIOError:
                    pass
                except OSError as e:  # the service closed: what it answered may still be readable
                    error = f"{type(e).__name__}: {e}"
                    selector.modify(sock, selectors.EVENT_READ)
                    outgoing = b""
                    finished_sending = True
            if finished_sending and not outgoing:
                selector.modify(sock, selectors.EVENT_READ)
    finally:
        selector.close()
        sock.close()
    seconds = time.monotonic() - start
    if not answer:
        return error or "no answer", sent, None, b"", seconds
    head_part, _, rest = answer.partition(b"\r\n\r\n")
    lines = head_part.decode(errors="replace").split("\r\n")
    try:
        status = int(lines[0].split()[1])
    except (IndexError, ValueError):
        status = lines[0]
    content_type = next((l.split(":", 1)[1].strip() for l in lines[1:] if l.lower().startswith("content-type:")),
                        None)
    return status, sent, content_type, rest[:300], seconds


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    args = arguments()
    os.chdir(ROOT)
    began = time.monotonic()
    raise_fd_limit(args.clients * 2 + 512)
    failures = []

    shutil.rmtree(args.work_dir, ignore_errors=True)
    os.makedirs(args.work_dir, exist_ok=True)
    log = os.path.join(args.work_dir, "service.log")
    print(f"== starting {args.jar} on port {args.port} (JVM options: {' '.join(args.java_options) or 'none'})")
    process = service.start(args.port, os.path.join(args.work_dir, "data"), jar=args.jar,
                            java_options=args.java_options, log_name=log)
    clients = None
    thread = None
    try:
        service.wait_ready(args.port, process=process)
        started = time.monotonic() - began
        token = service.client_token(args.port, "slow-clients-ci", ["caller"])
        status, seconds, _, _ = timed_request(args.port, "POST", "/api/v1/evaluations", CASE, token, timeout=30)
        if status != 200:
            failures.append(f"an evaluation without load answered {status}")
        print(f"   ready after {started:.1f} s; an evaluation without load: {status} in {seconds:.2f} s")

        clients = SlowClients(args.port, token, args.clients, args.interval, args.prefix_bytes)
        print(f"== opening {args.clients} slow connections (one byte every {args.interval:g} s)"
              f" and {len(clients.stalled_kinds)} stalled ones")
        opening = time.monotonic()
        clients.open_all()
        thread = threading.Thread(target=clients.run, daemon=True)
        thread.start()
        print(f"   opened in {time.monotonic() - opening:.1f} s; "
              f"{clients.live} held, {clients.open_failures} could not connect; by kind: "
              + ", ".join(f"{k} {clients.plan.count(k)}" for k in clients.kinds))
        # Long enough for every slow connection to have sent something after its start (the prefix ones to be
        # with a worker thread by then).
        time.sleep(args.interval * 1.5)

        print(f"== {args.health_calls} sequential GET /q/health/ready while they are held")
        health = []
        for i in range(args.health_calls):
            status, seconds, _, _ = timed_request(args.port, "GET", "/q/health/ready",
                                                  timeout=max(2.0, args.health_limit * 2))
            health.append((status, seconds))
            time.sleep(0.25)
        latencies = [s for _, s in health]
        bad = [(st, round(s, 2)) for st, s in health if st != 200 or s >= args.health_limit]
        statuses = [str(st) for st, _ in health]
        print(f"   max {max(latencies):.3f} s, p50 {statistics.median(latencies):.3f} s, "
              f"p90 {percentile(latencies, 0.9):.3f} s; statuses: "
              + ", ".join(f"{st} x{statuses.count(st)}" for st in sorted(set(statuses)))
              + f"; not 200 in under {args.health_limit:g} s: {len(bad)}" + (f" {bad[:5]}" if bad else ""))
        if bad:
            failures.append(f"health: {len(bad)} of {len(health)} answers not 200 within {args.health_limit:g} s")

        print(f"== {args.evaluations} POST /api/v1/evaluations while they are held")
        for i in range(args.evaluations):
            status, seconds, _, payload = timed_request(args.port, "POST", "/api/v1/evaluations", CASE, token,
                                                        timeout=10)
            print(f"   {status} in {seconds:.2f} s")
            if status != 200:
                failures.append(f"evaluation {i + 1} answered {status} after {seconds:.1f} s")

        with clients.lock:
            print(f"   held now: {clients.live}; closed by the service so far (and opened again): "
                  f"{dict(clients.closed_by_server) or 'none'}")

        print(f"== a chunked {args.chunked_mib} MiB body (no Content-Length) to POST /api/v1/evaluations/batch")
        status, sent, content_type, payload, seconds = chunked_upload(args.port, token, args.chunked_mib)
        print(f"   {status} after {sent / 1048576:.2f} MiB sent, {seconds:.2f} s; Content-Type: {content_type}; "
              f"body: {payload[:200].decode(errors='replace')!r}")
        if status != 413:
            failures.append(f"chunked {args.chunked_mib} MiB body answered {status}, not 413")
        elif not (content_type or "").startswith("application/problem+json"):
            note = f"the 413 is {content_type or 'without a body'}, not application/problem+json"
            if args.require_problem_json:
                failures.append(note)
            else:
                print("   note: " + note)
        if process.poll() is not None:
            failures.append(f"the service exited with {process.returncode} (see {log})")
        else:
            status, seconds, _, _ = timed_request(args.port, "GET", "/q/health/ready", timeout=5)
            print(f"   service up afterwards; health {status} in {seconds:.3f} s")
            if status != 200:
                failures.append(f"health after the chunked body: {status}")

        print(f"== stalled clients cut off within {args.cutoff_within:g} s")
        longest = max(args.cutoff_within, args.body_deadline or 0)
        deadline = max([p.opened for p in clients.probes] + [c.opened for c in clients.initial],
                       default=time.monotonic()) + longest + 1.5
        watched = clients.probes + [c for c in clients.initial if c.kind == "slow-headers" or args.body_deadline]
        while time.monotonic() < deadline and any(c.closed is None for c in watched):
            time.sleep(0.25)
        with clients.lock:
            for p in clients.probes:
                if p.closed is None:
                    print(f"   {p.kind}: still open after {time.monotonic() - p.opened:.1f} s")
                    failures.append(f"{p.kind} not cut off within {args.cutoff_within:g} s")
                else:
                    answer = p.answer.split(b"\r\n", 1)[0].decode(errors="replace") or "nothing"
                    print(f"   {p.kind}: {p.how} after {p.closed - p.opened:.1f} s (answered {answer})")
                    if p.closed - p.opened > args.cutoff_within:
                        failures.append(f"{p.kind} cut off only after {p.closed - p.opened:.1f} s")
            print("   slow (trickling) connections closed by the service during the run: "
                  + (", ".join(f"{kind} {len(times)} (open for {min(times):.1f}-{max(times):.1f} s, median "
                               f"{statistics.median(times):.1f} s)" for kind, times in clients.lifetimes.items())
                     or "none")
                  + f"; opened again: {clients.reopened}; what they were answered: {clients.answers or 'nothing'}")
            now = time.monotonic()
            limits = {"slow-headers": args.cutoff_within}
            if args.body_deadline:
                limits.update({k: args.body_deadline for k in ("slow-body", "slow-body-after-prefix", "slow-form")})
            for kind, limit in limits.items():
                mine = [c for c in clients.initial if c.kind == kind]
                late = [c for c in mine if (c.closed or now) - c.opened > limit + 1]
                if late:
                    failures.append(f"{len(late)} of {len(mine)} {kind} connections still held after {limit:g} s")
        if process.poll() is not None:
            failures.append(f"the service exited with {process.returncode} (see {log})")
    finally:
        if clients is not None:
            clients.close_all(thread)
        process.terminate()
        try:
            process.wait(timeout=30)
        except Exception:
            process.kill()
            process.wait()

    print(f"== {time.monotonic() - began:.0f} s in all; service log: {log}")
    if failures:
        print("FAILED:")
        for f in failures:
            print("  - " + f)
        sys.exit(1)
    print("PASSED: health answered in time under slow clients, the chunked body was refused, stalled clients were "
          "cut off")


if __name__ == "__main__":
    main()
