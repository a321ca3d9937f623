#!/usr/bin/env python3
"""The console's pages with 100,000 stored cases: each answers within a second.

Starts the packaged service on a new PostgreSQL database, submits every case of the decision corpus through the API
(cases of all measures and years, with their grants), then copies those stored cases and their grants in SQL, each
copy with its own ids, until the case table holds 100,000 (or the number given). It then signs in to the console as
an auditor who is also an analyst and approver, and fetches each page three times; a page's figure is its fastest
answer (this machine is shared: the best of three is the page, not the neighbours). Fails when a page answers with
anything but 200 or takes a second or more. Prints one JSON line with the times in milliseconds.

    python3 .ci/console-pages.py [cases]
"""
import http.cookiejar
import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import service  # noqa: E402

CASES = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
PORT = 18097
DATABASE = "skills_rules_console"
CORPUS = "src/test/resources/corpus/decisions.json"
LIMIT_MS = 1000


def psql(sql):
    return subprocess.run(["psql", "-h", "localhost", "-U", "skills", "-d", DATABASE, "-qAtc", sql],
                          env=dict(os.environ, PGPASSWORD="skills"), check=True, capture_output=True,
                          text=True).stdout.strip()


def seed(token):
    corpus = json.load(open(CORPUS))
    stored = 0
    for i, (_, entry) in enumerate(sorted(corpus.items())):
        case = dict(entry["case"], caseId=f"PAGE-{i}")
        status, _ = service.call(PORT, "POST", "/api/v1/cases", case, token=token)
        stored += status == 201
    copies = max(0, -(-CASES // stored) - 1)
    psql(f"""
        INSERT INTO case_record (owner, case_id, payload_sha256, payload, application_date, organization_id,
                                 person_id, ruleset_version, evaluation, pools_before, total_amount, status,
                                 submitted_at)
        SELECT c.owner, c.case_id || '-' || g, c.payload_sha256, c.payload, c.application_date,
               c.organization_id || '-' || g, c.person_id || '-' || g, c.ruleset_version, c.evaluation,
               c.pools_before, c.total_amount, c.status, c.submitted_at + g * interval '1 second'
        FROM case_record c, generate_series(1, {copies}) g
        WHERE c.case_id LIKE 'PAGE-%' AND c.case_id NOT LIKE 'PAGE-%-%'
        """)
    psql(f"""
        INSERT INTO grant_record (owner, case_id, measure, subject, grant_year, organization_id, person_id, amount,
                                  withdrawn, created_at)
        SELECT r.owner, r.case_id || '-' || g, r.measure, r.subject, r.grant_year, r.organization_id || '-' || g,
               r.person_id || '-' || g, r.amount, r.withdrawn, r.created_at + g * interval '1 second'
        FROM grant_record r, generate_series(1, {copies}) g
        WHERE r.case_id LIKE 'PAGE-%' AND r.case_id NOT LIKE 'PAGE-%-%'
        """)
    psql("VACUUM ANALYZE case_record")
    psql("VACUUM ANALYZE grant_record")
    return int(psql("SELECT count(*) FROM case_record")), int(psql("SELECT count(*) FROM grant_record"))


def console(username, password):
    """An opener holding the console's session cookie, signed in as a browser would (same-origin form)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    origin = f"http://localhost:{PORT}"
    form = urllib.parse.urlencode({"username": username, "password": password}).encode()
    req = urllib.request.Request(origin + "/console/login", data=form, method="POST",
                                 headers={"Origin": origin, "Content-Type": "application/x-www-form-urlencoded"})
    with opener.open(req, timeout=30) as r:
        if not r.url.endswith("/console"):
            raise SystemExit(f"console sign-in did not land on /console: {r.url}")
    return opener


def timed(opener, path):
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        with opener.open(f"http://localhost:{PORT}{path}", timeout=30) as r:
            body = r.read()
            status = r.status
        ms = (time.perf_counter() - t0) * 1000
        if status != 200 or b"<main" not in body:
            raise SystemExit(f"{path}: {status}")
        best = ms if best is None else min(best, ms)
    return round(best)


def main():
    database = service.fresh_postgres(DATABASE)
    os.makedirs("target/console-pages", exist_ok=True)
    process = service.start(PORT, "target/console-pages/data", env=dict(database, MALLOC_ARENA_MAX="2"),
                            java_options=["-Xmx160m", "-XX:+UseSerialGC"], log_name="target/console-pages/service.log")
    try:
        service.wait_ready(PORT, process=process)
        admin = service.admin_token(PORT)
        caller = service.client_token(PORT, "pages-caller", ["caller"], admin=admin)
        password = "console-pages-password"
        status, _ = service.call(PORT, "POST", "/api/v1/admin/users",
                                 {"username": "pages-person", "roles": ["analyst", "approver", "auditor"],
                                  "password": password}, token=admin)
        if status != 201:
            raise SystemExit(f"creating the console user: {status}")
        t0 = time.time()
        cases, grants = seed(caller)
        seeded = round(time.time() - t0, 1)
        _, active = service.call(PORT, "GET", "/api/v1/rulesets/active", token=caller)
        year = int(psql("SELECT grant_year FROM grant_record GROUP BY grant_year ORDER BY count(*) DESC LIMIT 1"))
        scope = psql(f"SELECT scope FROM grant_claim GROUP BY scope ORDER BY count(*) DESC LIMIT 1")
        owner_case = psql("SELECT owner || ' ' || case_id FROM case_record ORDER BY submitted_at DESC LIMIT 1").split(" ", 1)
        browser = console("pages-person", password)
        pages = {
            "/console": "首页",
            "/console/measures?date=2021-06-01": "政策措施",
            "/console/rulesets": "规则版本",
            f"/console/rulesets/{active['version']}": "一个版本",
            "/console/try": "评估试算",
            f"/console/cases?caseId={urllib.parse.quote(owner_case[1])}&owner={urllib.parse.quote(owner_case[0])}": "案件",
            f"/console/ledger?year={year}": "台账",
            f"/console/ledger/pool?scope={urllib.parse.quote(scope)}": "名额明细",
            "/console/audit": "审计",
        }
        times = {label: timed(browser, path) for path, label in pages.items()}
        slow = {k: v for k, v in times.items() if v >= LIMIT_MS}
        print(json.dumps({"storedCases": cases, "grants": grants, "seedSeconds": seeded, "pagesMs": times},
                         ensure_ascii=False))
        if slow:
            raise SystemExit(f"pages answering in a second or more: {slow}")
    finally:
        process.terminate()
        process.wait(timeout=60)


if __name__ == "__main__":
    main()
