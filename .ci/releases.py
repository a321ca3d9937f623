#!/usr/bin/env python3
"""A rule release reaches every instance: two services on one PostgreSQL database switch together.

Starts the packaged service twice (ports 18091 and 18092) on one new PostgreSQL database. Calling systems keep
evaluating on both instances the whole time. On the first instance an analyst uploads a changed DRL file (a draft),
an approver approves and activates it: both instances must answer with the new version within 5 seconds of the
activation, and no evaluation may fail during the switch. Then a second draft is activated at a stated time a few
seconds ahead: neither instance may serve it before that time, and both must within 5 seconds after it.
Exits non-zero on any failure.
"""
import json
import shutil
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone

import service

JAR = sys.argv[1] if len(sys.argv) > 1 else service.JAR
PORTS = [18091, 18092]
DATA = "target/releases-data"
SWITCH_SECONDS = 5.0
DRL = "m04-chief-technician.drl"


def evaluation_case(i):
    return {"caseId": f"REL-{i}", "applicationDate": "2020-06-15",
            "person": {"id": f"P-REL-{i}", "qualification": "SENIOR_TECHNICIAN", "frontline": True,
                       "role": "WORKER"},
            "organization": {"id": f"ORG-REL-{i}", "kind": "ENTERPRISE", "size": "LARGE", "inRizhao": True},
            "nominations": [{"honor": "CHIEF_TECHNICIAN", "year": 2020}]}


class Watcher:
    """Evaluates continuously on one instance; remembers every failure and when each version was first seen."""

    def __init__(self, port, token):
        self.port, self.token = port, token
        self.count, self.failures, self.first_seen = 0, [], {}
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        i = 0
        while not self.stopping.is_set():
            i += 1
            try:
                status, body = service.call(self.port, "POST", "/api/v1/evaluations", evaluation_case(i),
                                            token=self.token, timeout=10)
            except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
                self.failures.append(f"{self.port}: {e}")
                continue
            self.count += 1
            if status != 200:
                self.failures.append(f"{self.port}: HTTP {status} {body}")
                continue
            self.first_seen.setdefault(body["rulesetVersion"], time.time())

    def wait_for(self, version, deadline):
        while time.time() < deadline:
            if version in self.first_seen:
                return self.first_seen[version]
            time.sleep(0.02)
        return None


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    out = []
    for name, value in fields.items():
        out += [f"--{boundary}", f'Content-Disposition: form-data; name="{name}"', "", value]
    body = "\r\n".join(out).encode() + b"\r\n"
    for name, content in files:
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                 f"Content-Type: application/octet-stream\r\n\r\n").encode() + content + b"\r\n"
    return boundary, body + f"--{boundary}--\r\n".encode()


def upload(port, token, base, name, content, reason):
    boundary, body = multipart({"base": base, "reason": reason}, [(name, content)])
    req = urllib.request.Request(f"http://localhost:{port}/api/v1/rulesets", data=body, method="POST",
                                 headers={"Authorization": "Bearer " + token,
                                          "Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def download(port, token, version, name):
    req = urllib.request.Request(f"http://localhost:{port}/api/v1/rulesets/{version}/files/{name}",
                                 headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.read()


def release(tokens, base, note):
    """A draft of the base with one comment line added to a DRL file, approved; returns its version."""
    port = PORTS[0]
    drl = download(port, tokens["analyst"], base, DRL)
    status, draft = upload(port, tokens["analyst"], base, DRL,
                           drl + f"\n// {note}\n".encode(), f"CI：{note}")
    if status != 201 or draft["status"] != "DRAFT" or draft["scenarios"]["failed"] != 0:
        raise SystemExit(f"upload: {status} {draft}")
    status, approved = service.call(port, "POST", f"/api/v1/rulesets/{draft['version']}/approve",
                                    {"reason": "复核无误"}, token=tokens["approver"])
    if status != 200 or approved["status"] != "APPROVED":
        raise SystemExit(f"approve: {status} {approved}")
    return draft["version"]


def main():
    failures = []
    database = service.fresh_postgres("skills_rules_releases")
    shutil.rmtree(DATA, ignore_errors=True)
    instances = [service.start(p, DATA, jar=JAR, env=database) for p in PORTS]
    watchers = []
    try:
        for p, i in zip(PORTS, instances):
            service.wait_ready(p, process=i)
        admin = service.admin_token(PORTS[0])
        tokens = {role: service.client_token(PORTS[0], f"releases-ci-{role}", [role], admin=admin)
                  for role in ("caller", "analyst", "approver")}
        status, active = service.call(PORTS[0], "GET", "/api/v1/rulesets/active", token=tokens["caller"])
        if status != 200:
            raise SystemExit(f"active: {status} {active}")
        first = active["version"]
        watchers = [Watcher(p, tokens["caller"]) for p in PORTS]
        for w in watchers:
            w.thread.start()
        for w in watchers:
            if w.wait_for(first, time.time() + 30) is None:
                failures.append(f"{w.port} does not serve the first version {first}")

        # Activation now, on one instance: both follow.
        second = release(tokens, first, "即时生效的修改")
        status, body = service.call(PORTS[0], "POST", f"/api/v1/rulesets/{second}/activate",
                                    {"reason": "即时生效"}, token=tokens["approver"])
        activated = time.time()
        if status != 200 or body["status"] != "ACTIVE":
            raise SystemExit(f"activate: {status} {body}")
        for w in watchers:
            seen = w.wait_for(second, activated + SWITCH_SECONDS + 5)
            delay = None if seen is None else max(0.0, seen - activated)
            print(f"instance {w.port}: serves the activated version {delay if delay is None else round(delay, 2)} s "
                  f"after the activation")
            if delay is None or delay > SWITCH_SECONDS:
                failures.append(f"{w.port} switched after {delay} s (at most {SWITCH_SECONDS})")

        # Activation at a stated time: neither before it, both within 5 s after it.
        third = release(tokens, second, "定时生效的修改")
        at = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(seconds=8)
        status, body = service.call(PORTS[0], "POST", f"/api/v1/rulesets/{third}/activate",
                                    {"reason": "定时生效", "at": at.isoformat().replace("+00:00", "Z")},
                                    token=tokens["approver"])
        if status != 200 or not body["activation"]["scheduled"]:
            raise SystemExit(f"scheduled activation: {status} {body}")
        due = at.timestamp()
        for w in watchers:
            seen = w.wait_for(third, due + SWITCH_SECONDS + 5)
            delay = None if seen is None else seen - due
            print(f"instance {w.port}: serves the scheduled version {delay if delay is None else round(delay, 2)} s "
                  f"after its time")
            if delay is None or delay > SWITCH_SECONDS:
                failures.append(f"{w.port} took the scheduled version {delay} s after its time")
            elif delay < 0:
                failures.append(f"{w.port} served the scheduled version {-delay:.2f} s before its time")
        for p in PORTS:
            status, active = service.call(p, "GET", "/api/v1/rulesets/active", token=tokens["caller"])
            if status != 200 or active["version"] != third:
                failures.append(f"active on {p}: {status} {active.get('version') if active else active}")
    finally:
        for w in watchers:
            w.stopping.set()
        for w in watchers:
            w.thread.join(timeout=15)
        for i in instances:
            i.terminate()
        for i in instances:
            i.wait(timeout=30)
    evaluated = sum(w.count for w in watchers)
    for w in watchers:
        failures += w.failures[:5]
    print(f"releases: {evaluated} evaluations on two instances during two activations, "
          f"{sum(len(w.failures) for w in watchers)} failed")
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
