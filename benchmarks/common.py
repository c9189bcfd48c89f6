"""Shared pieces of the benchmarks: result rows, the table, the machine (pages.py writes them)."""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
RESULTS = ROOT / "benchmarks" / "results.json"


@dataclass(frozen=True)
class WrkRun:
    requests_per_s: float
    cpu_us_per_request: float
    """The server's CPU time per request (this process's, for servers in its threads)."""
    requests: int = 0
    user_us_per_request: float = 0.0
    """Its user-space part: Python's work, without the kernel's loopback work, which lands on
    either process of the pair and scatters the total from run to run."""


def need_command(command: str, needed_by: str) -> None:
    """Installs the Debian package of that name when the command is missing (as root; else
    says how, and fails)."""
    if shutil.which(command) is None:
        subprocess.run(["sh", str(ROOT / "packaging" / "apt-missing.sh"), "--required",
                        needed_by, command], check=True)  # fmt: skip


def _cpu_times(pid: int | None) -> tuple[float, float]:
    """(user, system) CPU seconds of this process, or of process ``pid``."""
    if pid is None:
        now = os.times()
        return now.user, now.system
    import psutil

    times = psutil.Process(pid).cpu_times()
    return times.user, times.system


def wrk(url: str, *headers: str, needed_by: str = "a benchmark", pid: int | None = None) -> WrkRun:
    """Keep-alive load from another process: wrk, one thread, 20 connections, 3 s (installed
    from Debian first when missing). ``pid``: the server's process, when it is not this one."""
    need_command("wrk", needed_by)
    before = _cpu_times(pid)
    out = subprocess.run(["wrk", "-t1", "-c20", "-d3s", *headers, url], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    after = _cpu_times(pid)
    rate, count = re.search(r"Requests/sec:\s+([\d.]+)", out), re.search(r"(\d+) requests in", out)
    assert rate is not None and count is not None, out
    cpu = (after[0] - before[0]) + (after[1] - before[1])
    requests = int(count.group(1))
    user = after[0] - before[0]
    return WrkRun(float(rate.group(1)), 1e6 * cpu / requests, requests, 1e6 * user / requests)


@dataclass
class Row:
    benchmark: str
    measure: str
    figure: str
    target: str
    met: bool | None
    """None: a figure shown for information, with no target."""
    group: str = ""
    """The run.py benchmark that produced the row (set by run.py)."""
    measured: str = ""
    """The day the row was measured, as 2026-12-07 (set by run.py)."""


def verdict(met: bool | None) -> str:
    return {True: "met", False: "**missed**", None: ""}[met]


def table(rows: list[Row]) -> str:
    lines = ["| benchmark | measure | figure | target | |", "|---|---|---|---|---|"]
    lines += [f"| {r.benchmark} | {r.measure} | {r.figure} | {r.target} | {verdict(r.met)} |"
              for r in rows]  # fmt: skip
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from PySide6 import __version__ as qt
    except ImportError:
        qt = "?"
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"PySide6 {qt}, {platform.system()} {platform.release()}"
    )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round((len(ordered) - 1) * q / 100))]


def known(value: float | None) -> float:
    """A figure the race must have measured (a race's figures are None when nothing was served)."""
    assert value is not None, "the race measured nothing"
    return value


def median(values: list[float]) -> float:
    return statistics.median(values)


def child(script: str, *args: str, timeout: float = 600) -> dict[str, Any]:
    """Run a benchmark child process (fresh interpreter) and parse the JSON it prints last."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True, text=True, timeout=timeout, env=env,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"{script} {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result
