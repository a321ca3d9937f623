#!/usr/bin/env python3
"""Two service instances on one PostgreSQL database hold the ledger's limits together.

Starts the packaged service twice (ports 18081 and 18082) on one new PostgreSQL database, chosen by environment
variables alone, sends more hires of one enterprise than its yearly M08 cap pays for and more chief-technician
nominations of one year than the M04 quota, all at once, alternating between the instances, and checks that every
request was answered 201 and that neither the enterprise's yearly M08 cap nor the yearly M04 quota (read from the service)
was passed. Exits non-zero on any failure.
"""
import concurrent.futures
import random
import shutil
import sys
import time

import service

JAR = sys.argv[1] if len(sys.argv) > 1 else service.JAR
PORTS = [18081, 18082]
# Both instances share one data directory, as instances behind one address do: the token signing key is the same.
DATA = "target/two-instances-data"


def request(port, method, path, body=None):
    return service.call(port, method, path, body, token=TOKENS[port])


TOKENS = {}


def parameter(port, key, date):
    """A single value in force on a date, as GET /api/v1/measures/{id} reports it."""
    status, measure = request(port, "GET", f"/api/v1/measures/{key.split('.')[0]}?date={date}")
    if status != 200:
        raise SystemExit(f"measures on {port}: {status} {measure}")
    return float(next(p["value"] for p in measure["parameters"] if p["key"] == key and "item" not in p))


def main():
    failures = []
    checks = 0
    database = service.fresh_postgres("skills_rules_instances")
    shutil.rmtree(DATA, ignore_errors=True)
    instances = [service.start(p, DATA, jar=JAR, env=database) for p in PORTS]
    try:
        for p, i in zip(PORTS, instances):
            service.wait_ready(p, process=i)
        # A token got from one instance is good on the other.
        token = service.client_token(PORTS[0], "two-instances-ci", ["caller", "analyst"])
        TOKENS.update({p: token for p in PORTS})
        tag = f"{random.randrange(16 ** 6):06x}"
        year = random.randrange(2600, 3000)
        enterprise = f"ORG-2I-{tag}"
        # The limits as the rules say, read from the service: nothing here restates the policy.
        year_cap = parameter(PORTS[0], "M08.enterpriseYearCap", f"{year}-03-01")
        quota = int(parameter(PORTS[0], "M04.yearlyQuota", f"{year}-06-15"))
        hires = [{
            "caseId": f"2I-{tag}-H{i}", "applicationDate": f"{year}-03-01",
            "organization": {"id": enterprise, "kind": "ENTERPRISE", "size": "LARGE", "inRizhao": True},
            "hires": [{"talentId": f"T-{tag}-{i}", "title": "QILU_CHIEF_TECHNICIAN", "fullTime": True,
                       "fromOutsideCity": True, "annualSalary": 400000, "recognized": True}]} for i in range(int(year_cap // 50000) + 10)]
        nominations = [{
            "caseId": f"2I-{tag}-N{i}", "applicationDate": f"{year}-06-15",
            "person": {"id": f"P-{tag}-{i}", "qualification": "TECHNICIAN", "frontline": True, "role": "WORKER"},
            "organization": {"id": f"ORG-{tag}-{i}", "kind": "ENTERPRISE", "size": "LARGE", "inRizhao": True},
            "nominations": [{"honor": "CHIEF_TECHNICIAN", "year": year}]} for i in range(quota + 10)]
        cases = hires + nominations
        random.shuffle(cases)
        with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
            answers = list(pool.map(lambda ic: request(PORTS[ic[0] % 2], "POST", "/api/v1/cases", ic[1]),
                                    enumerate(cases)))
        by_case = {c["caseId"]: a for c, a in zip(cases, answers)}
        checks += 4
        for case_id, (status, body) in by_case.items():
            if status != 201:
                failures.append(f"{case_id}: HTTP {status} {body}")
        granted = sum(float(by_case[h["caseId"]][1]["decisions"][0]["amount"]) for h in hires
                      if by_case[h["caseId"]][0] == 201)
        selected = sum(1 for n in nominations if by_case[n["caseId"]][0] == 201
                       and by_case[n["caseId"]][1]["decisions"][0]["outcome"] == "ELIGIBLE")
        if abs(granted - year_cap) > 0.001:
            failures.append(f"M08: granted {granted} across both instances, cap is {year_cap}")
        if selected != quota:
            failures.append(f"M04: {selected} selected across both instances, quota is {quota}")
        for p in PORTS:
            status, ledger = request(p, "GET", f"/api/v1/ledger?year={year}&organization={enterprise}")
            if status != 200 or abs(float(ledger["amount"]) - year_cap) > 0.001:
                failures.append(f"ledger on {p}: {status} {ledger}")
        print(f"two instances: {len(cases)} submissions, M08 granted {granted:.2f} of {year_cap:.2f}, "
              f"M04 selected {selected} of {quota}")
    finally:
        for i in instances:
            i.terminate()
        for i in instances:
            i.wait(timeout=30)
    for f in failures:
        print("FAIL " + f)
    failed = len({"answers" if f.startswith("2I-") else f.split(":")[0].split(" on ")[0] for f in failures})
    print(f"two-instances: {max(0, checks - failed)} passed, {failed if checks else 1} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
