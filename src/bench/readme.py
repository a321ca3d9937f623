#!/usr/bin/env python3
"""Puts a full run's summary into src/bench/README.md, between its two markers, headed by when, at which commit
and on what machine it was measured: the latest figures are always the ones of one whole run.

    readme.py <summary.md> <README.md> <epoch seconds the run started>
"""
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

BEGIN, END = "<!-- latest run: written by src/bench/run.sh -->", "<!-- end of latest run -->"
summary, readme, started = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])


def output(*command):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return (result.stdout + result.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "?"


cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")), platform.processor() or "?")
memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 1024 / 1024
commit = output("git", "rev-parse", "--short", "HEAD")
dirty = " (with changes not committed)" if output("git", "status", "--porcelain") not in ("", "?") else ""
header = (f"`src/bench/run.sh` at {commit}{dirty}, {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, one run of "
          f"{(time.time() - started) / 60:.0f} minutes: {os.cpu_count()} × {cpu}, {memory:.0f} GiB, "
          f"{output('java', '-version')}, Node {output('node', '--version')}, {output('psql', '--version')}; "
          "`wrk -t2 -c16`, 20 s per HTTP figure.")
text = readme.read_text()
if BEGIN not in text or END not in text:
    sys.exit(f"{readme}: the markers {BEGIN} and {END} are missing")
before, rest = text.split(BEGIN, 1)
after = rest.split(END, 1)[1]
readme.write_text(f"{before}{BEGIN}\n{header}\n\n{summary.read_text().strip()}\n{END}{after}")
print(f"{readme}: latest run written")
