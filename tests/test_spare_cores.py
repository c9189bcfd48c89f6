"""A claim about parallel CPU work is checked only when the cores were free for it: the
meter tells another process's load from Chefline's own."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
import time

import psutil

from chefline.kitchen.order import OrderRecord, OrderStatus
from chefline.kitchen.scenes import Claim
from chefline.kitchen.timeline import RaceTimeline
from chefline.kitchen.timeline_summary import TimelineSummary
from chefline.servers.spare_cores import SpareCores

SPIN_S = 1.0


def test_another_process_spinning_takes_a_core_away():
    """The spinner must not be our child: a child's CPU is Chefline's own (child kitchens),
    so it is started through a middle process that exits at once, leaving it to init."""
    spin = (f"import time\nend = time.monotonic() + {SPIN_S}\n"
            "while time.monotonic() < end: pass")  # fmt: skip
    start_detached = (
        "import subprocess, sys\n"
        f"subprocess.Popen([sys.executable, '-c', {spin!r}], start_new_session=True)"
    )
    subprocess.run([sys.executable, "-c", start_detached], check=True, timeout=10)
    time.sleep(0.1)  # let it start spinning
    spare = SpareCores()
    time.sleep(SPIN_S * 0.7)  # read while it still spins
    assert spare.cores() <= (psutil.cpu_count() or 1) - 0.7


def test_chefline_s_own_work_is_not_counted_against_it():
    """Our own hashing (as a CPU-bound kitchen does, GIL released) leaves the spare cores
    where another process's load puts them: measured both ways in one run."""
    stop = threading.Event()

    def cook() -> None:
        while not stop.is_set():
            hashlib.sha256(bytes(1 << 16)).digest()

    quiet = SpareCores()
    time.sleep(SPIN_S / 2)
    without_us = quiet.cores()
    busy = SpareCores()
    chef = threading.Thread(target=cook)
    chef.start()
    time.sleep(SPIN_S / 2)
    with_us = busy.cores()
    stop.set()
    chef.join()
    assert with_us >= without_us - 0.5


def summary(kitchen: str, makespan: float) -> TimelineSummary:
    """A kitchen's figures for one order that took ``makespan`` (theory: the same)."""
    timeline = RaceTimeline(kitchen, makespan)
    timeline.add(OrderRecord(kitchen, 0, sent=0.0, received=makespan,
                             status=OrderStatus.SERVED))  # fmt: skip
    return timeline.summary()


def test_a_parallel_claim_is_checked_only_with_the_cores_free():
    claim = Claim("faster", "flask-processes", low=1.4, than="fastapi-async", min_cores=2)
    even = {"flask-processes": summary("flask-processes", 2.0),
            "fastapi-async": summary("fastapi-async", 2.0)}  # fmt: skip
    assert claim.problem(even, {}, spare_cores=1.0) is None  # a core was busy elsewhere
    assert claim.problem(even, {}, spare_cores=1.9) is not None  # the machine was free


def test_a_margin_widens_a_ratio_to_theory_and_nothing_else():
    slow = RaceTimeline("fastapi-async", 1.0)
    slow.add(OrderRecord("fastapi-async", 0, sent=0.0, received=1.4, status=OrderStatus.SERVED))
    summaries = {
        "fastapi-async": slow.summary(),
        "flask-processes": summary("flask-processes", 2.0),
    }
    ratio = Claim("ratio", "fastapi-async", low=0.9, high=1.3)
    assert "expected 0.9 to 1.3" in (ratio.problem(summaries, {}) or "")
    assert ratio.problem(summaries, {}, margin=1.15) is None
    faster = Claim("faster", "fastapi-async", low=1.5, than="flask-processes")
    assert faster.problem(summaries, {}, margin=1.15) is not None  # 2.0 ÷ 1.4 stays short
