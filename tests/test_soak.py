"""Long sessions: races back to back leave no threads, descriptors or memory behind."""

import asyncio
import os
import threading
import time
from pathlib import Path

import pytest

from chefline.client import RacePlan, RaceRunner
from chefline.kitchen import Arrivals, Recipe
from chefline.servers import start_kitchen

MODES = ["flask-one-chef", "flask-threaded", "flask-pool", "fastapi-async", "fastapi-def"]


def link(fd: Path) -> str:
    try:
        return os.readlink(fd)
    except FileNotFoundError:  # closed while we looked (the listing's own descriptor, too)
        return ""


def pool_workers() -> int:
    """anyio's worker threads (fastapi-def): a pool that grows with a race and idles out."""
    return sum(1 for t in threading.enumerate() if t.name.startswith("AnyIO worker"))


def resources() -> dict[str, int]:
    fds = list(Path("/proc/self/fd").iterdir())
    sockets = sum(1 for fd in fds if link(fd).startswith("socket:"))
    rss_kb = next(
        int(line.split()[1])
        for line in Path("/proc/self/status").read_text().splitlines()
        if line.startswith("VmRSS:")
    )
    threads = threading.active_count() - pool_workers()
    return {"threads": threads, "fds": len(fds), "sockets": sockets, "rss": rss_kb}


def settle(baseline: dict[str, int], timeout: float = 3.0) -> dict[str, int]:
    """Resources once finished handler threads and closing sockets are gone."""
    deadline = time.monotonic() + timeout
    now = resources()
    while time.monotonic() < deadline and any(
        now[key] > baseline[key] for key in ("threads", "fds", "sockets")
    ):
        time.sleep(0.05)
        now = resources()
    return now


def soak(races: int) -> None:
    kitchens = [start_kitchen(name) for name in MODES]
    own_listeners = [len(kitchen.relay) for kitchen in kitchens]  # the cost meter's
    plan = RacePlan(Recipe(wait=0.01), Arrivals(20))
    try:

        def one_race():
            result = asyncio.run(RaceRunner(kitchens, plan).run())
            assert all(len(t.served) == 20 for t in result.timelines.values())

        for _ in range(3):  # warm-up: thread pools and caches fill once
            one_race()
        baseline = settle(resources())
        for _ in range(races):
            one_race()
        after = settle(baseline)
    finally:
        for kitchen in kitchens:
            kitchen.stop()
    for key in ("threads", "fds", "sockets"):
        assert after[key] <= baseline[key], (key, baseline, after)
    assert pool_workers() <= 40  # bounded by the thread cap
    assert [len(k.relay) for k in kitchens] == own_listeners  # no race still listening
    assert after["rss"] < baseline["rss"] * 1.10, (baseline, after)


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="reads /proc")
def test_ten_races_leave_nothing_behind():
    soak(10)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="reads /proc")
def test_fifty_races_leave_nothing_behind():
    soak(50)
