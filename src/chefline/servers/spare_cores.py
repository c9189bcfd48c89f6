"""How many cores the rest of the machine left to Chefline while a race ran.

A claim such as "worker processes cook CPU-bound dishes in parallel" needs two free cores:
on a presenter's laptop with a browser busy, or a CI runner, it is not false, only untestable.
This meter says how much CPU the machine spent outside this process and its children.
"""

from __future__ import annotations

import time

import psutil


def _machine_busy_seconds() -> float:
    times = psutil.cpu_times()
    busy = times.user + times.system
    for extra in ("nice", "irq", "softirq", "steal"):  # guest time is already in user
        busy += getattr(times, extra, 0.0)
    return busy


def _own_seconds() -> float:
    """CPU seconds of this process and its live children (child kitchens, their workers)."""
    me = psutil.Process()
    total = sum(me.cpu_times()[:4])  # user, system, and what waited-for children used
    for child in me.children(recursive=True):
        try:
            total += sum(child.cpu_times()[:2])
        except psutil.Error:  # ended between listing and reading
            continue
    return total


class SpareCores:
    """Started before a race and read after it: ``cores()`` left free by everything else."""

    def __init__(self) -> None:
        self._began = (time.monotonic(), _machine_busy_seconds(), _own_seconds())

    def cores(self) -> float:
        began, busy, own = self._began
        wall = time.monotonic() - began
        if wall <= 0:
            return float(psutil.cpu_count() or 1)
        others = max(0.0, (_machine_busy_seconds() - busy) - (_own_seconds() - own))
        return max(0.0, (psutil.cpu_count() or 1) - others / wall)
