"""The capacity sweep: sync, threaded, worker processes and async at 1, 10, 100, 1000 users.

python benchmarks/sweep.py [--record FILE.json]   # alone: prints its rows and its tables

The sweep ``chefline sweep`` runs by default, at d = 0.5 s, each kitchen raced alone; the
target is its wall time (a point over the 60 s limit is skipped, as one chef's 1000 users
would take 500 s). The rows also carry each kitchen's p95 beside its theory, its knee, and
what it held at 100 users. ``--record`` keeps the sweep itself, to draw or show again
(``chefline sweep --open FILE --out curve.png``).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

from common import Row, table

from chefline.cli.sweep_table import sweep_report
from chefline.client.plan import RacePlan
from chefline.client.sweep_file import save_sweep
from chefline.engine import SweepPlan, SweepRunner
from chefline.kitchen.capacity import Sweep, busy_points, memory_text
from chefline.kitchen.recipe import Recipe
from chefline.process import race_collections, raise_open_file_limit

KITCHENS = ("flask-one-chef", "flask-threaded", "flask-processes", "fastapi-async")
USERS = (1, 10, 100, 1000)
D = 0.5
TARGET_S = 180.0


def run_sweep() -> tuple[Sweep, float]:
    raise_open_file_limit()
    plan = SweepPlan(KITCHENS, USERS, RacePlan(Recipe(wait=D)))
    began = time.perf_counter()
    with race_collections():
        sweep = asyncio.run(SweepRunner(plan).run())
    return sweep, time.perf_counter() - began


def rows_of(sweep: Sweep, seconds: float) -> list[Row]:
    raced, skipped = len(sweep.points), len(sweep.skips)
    rows = [Row("sweep", f"{len(KITCHENS)} kitchens × {len(USERS)} user counts (1-1000) at "
                f"d = {D:g} s, each kitchen alone: wall time ({raced} points raced, {skipped} "
                "skipped as over 60 s)", f"{seconds:.0f} s", f"≤ {TARGET_S:.0f} s",
                seconds <= TARGET_S)]  # fmt: skip
    for name in KITCHENS:
        curve = sweep.curve(name)
        p95 = " / ".join(f"{p.p95:.2f}" if p.p95 is not None else "–" for p in curve)
        ratio = " / ".join(f"{p.ratio:.2f}" if p.ratio is not None else "–" for p in curve)
        knee = sweep.knee(name)
        skipped_from = sweep.skipped(name)
        tail = f"; skipped from {skipped_from[0].x:g}" if skipped_from else ""
        loads = ", ".join(f"{p.x:g}" for p in curve)
        rows.append(Row("sweep", f"{name}: p95 at {loads} users (×theory)",
                        f"{p95} s ({ratio}); knee {knee.x:g}{tail}" if knee
                        else f"{p95} s ({ratio}); no knee{tail}", "", None))  # fmt: skip
    held = []
    for name in KITCHENS:
        at_100 = next((p for p in sweep.curve(name) if p.x == 100), None)
        if at_100 is not None:
            where = "in app" if at_100.in_app else f"{at_100.processes} processes"
            held.append(f"{name} {where}, {at_100.threads} threads, {memory_text(at_100)}")
    rows.append(Row("sweep", "what each held at 100 users", "; ".join(held), "", None))
    busy = busy_points(sweep)
    if busy:
        least = min(p.spare_cores or 0.0 for p in busy)
        figure = f"{len(busy)} of {raced} (as few as {least:.1f} cores free)"
        rows.append(Row("sweep", "points raced while the machine was busy", figure, "", None))
    return rows


def capacity_sweep() -> list[Row]:
    """For run.py: the sweep's rows."""
    sweep, seconds = run_sweep()
    return rows_of(sweep, seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", type=Path, help="save the sweep there (JSON)")
    args = parser.parse_args()
    sweep, seconds = run_sweep()
    print(sweep_report(sweep), file=sys.stderr)
    if args.record:
        save_sweep(sweep, args.record)
    print(table(rows_of(sweep, seconds)))


if __name__ == "__main__":
    main()
