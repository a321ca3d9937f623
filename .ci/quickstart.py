#!/usr/bin/env python3
"""README's quick start, as a new user runs it: the packaged service on its embedded defaults in an empty folder,
then the "Try it" commands exactly as README writes them.

Checks that the first start generated the administrator's password into data/admin-password.txt, readable by its
owner only, and printed it in the log once; that README's curl lines get an administrator's token, create a calling
system, get its token and evaluate README's case.json into decisions. Exits non-zero on any failure.
"""
import json
import os
import re
import shutil
import stat
import subprocess
import sys

import service

PORT = 18500
WORK = os.path.abspath("target/quickstart")


def readme_blocks():
    text = open("README.md", encoding="utf-8").read()
    script = re.search(r"<!-- quickstart[^>]*-->\s*```bash\n(.*?)```", text, re.S)
    case = re.search(r"with `case\.json`:\s*```json\n(.*?)```", text, re.S)
    if not script or not case:
        raise SystemExit("README.md has no quick-start block (<!-- quickstart --> ```bash) or no case.json block")
    return script.group(1), case.group(1)


def main():
    script, case = readme_blocks()
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    with open(os.path.join(WORK, "case.json"), "w", encoding="utf-8") as f:
        f.write(case)
    env = {k: v for k, v in os.environ.items() if k != "SKILLS_ADMIN_PASSWORD"}
    env.update(QUARKUS_HTTP_PORT=str(PORT), SKILLS_RULES_DIR=os.path.abspath("rules"), MALLOC_ARENA_MAX="2")
    log_path = os.path.join(WORK, "service.log")
    process = subprocess.Popen(["java", "-Xmx160m", "-XX:+UseSerialGC", "-jar", os.path.abspath(service.JAR)],
                               cwd=WORK, env=env, stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
    failures = []
    try:
        service.wait_ready(PORT, process=process)
        password_file = os.path.join(WORK, "data", "admin-password.txt")
        mode = stat.S_IMODE(os.stat(password_file).st_mode)
        if mode != 0o600:
            failures.append(f"data/admin-password.txt has mode {oct(mode)}, expected 0o600")
        password = open(password_file).read().strip()
        shown = open(log_path).read().count(password)
        if shown != 1:
            failures.append(f"the generated password is in the log {shown} times, expected once")
        key_mode = stat.S_IMODE(os.stat(os.path.join(WORK, "data")).st_mode)
        if key_mode != 0o700:
            failures.append(f"the data directory has mode {oct(key_mode)}, expected 0o700")
        run = subprocess.run(["bash", "-euo", "pipefail", "-c", script.replace("localhost:8080", f"localhost:{PORT}")],
                             cwd=WORK, capture_output=True, text=True, timeout=120)
        if run.returncode != 0:
            failures.append(f"README's commands failed ({run.returncode}): {run.stderr.strip()[:500]}")
        else:
            answer = json.loads(run.stdout)
            if not answer.get("decisions") or answer.get("caseId") != json.loads(case)["caseId"]:
                failures.append(f"README's evaluation answered {run.stdout[:300]}")
            else:
                print(f"quick start: evaluated {answer['caseId']}: {len(answer['decisions'])} decision(s), "
                      f"total {answer['totalAmount']} (data directory mode {oct(key_mode)})")
    finally:
        process.terminate()
        process.wait(timeout=30)
    for f in failures:
        print("FAIL " + f)
    print(f"quickstart: {'passed' if not failures else str(len(failures)) + ' failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
