"""Benchmarks of the engine alone (no window): fidelity, one-chef capacity."""

from __future__ import annotations

import asyncio
import itertools
import math
from collections.abc import Sequence

from common import Row, known, median

from chefline.client import RacePlan, RaceResult, RaceRunner, RaceTarget
from chefline.kitchen import Arrivals, KitchenSettings, Recipe
from chefline.kitchen.modes import MODES
from chefline.process import raise_open_file_limit
from chefline.servers import start_kitchen

SIZES = (10, 100, 200)
CONCURRENT_REPEATS = 3


def race(kitchens: Sequence[RaceTarget], plan: RacePlan) -> RaceResult:
    return asyncio.run(RaceRunner(kitchens, plan).run())


def fidelity(quick: bool) -> list[Row]:
    """Measured makespan ÷ theory for every mode at N = 10, 100, 200 and d = 1 s.

    Concurrent modes race alone (median of three). The one-at-a-time modes take N·d, so the
    four of them race side by side, once per N; they hold the GIL for microseconds a dish.
    """
    raise_open_file_limit()
    settings = KitchenSettings()
    ratios: dict[str, dict[int, float]] = {name: {} for name in MODES}
    # Kitchens with few chefs take ⌈N/k⌉·d: minutes at N=200.
    slow = [name for name, mode in MODES.items() if (mode.slots(settings) or 1000) < 10]
    fast = [name for name in MODES if name not in slow]
    for name in fast:
        with start_kitchen(name, settings) as kitchen:
            for n in SIZES:
                plan = RacePlan(Recipe(wait=1.0), Arrivals(n))
                runs = [race([kitchen], plan).timelines[name].summary() for _ in range(3)]
                ratios[name][n] = median([known(s.ratio_to_theory) for s in runs])
    slow_wait = 0.1 if quick else 1.0
    kitchens = [start_kitchen(name, settings) for name in slow]
    try:
        for n in SIZES:
            result = race(kitchens, RacePlan(Recipe(wait=slow_wait), Arrivals(n)))
            for name in slow:
                ratios[name][n] = known(result.timelines[name].summary().ratio_to_theory)
    finally:
        for kitchen in kitchens:
            kitchen.stop()
    rows = []
    for name in MODES:
        sequential = MODES[name].slots(settings) == 1
        limit = 1.02 if sequential else 1.10
        at = ", ".join(f"{ratios[name][n]:.3f}" for n in SIZES)
        wait = slow_wait if name in slow else 1.0
        rows.append(Row(
            "fidelity", f"{name}: ×theory at N=10, 100, 200 (d={wait:g} s)", at,
            f"≤ {limit:.2f} at N=200", ratios[name][200] <= limit,
        ))  # fmt: skip
    return rows


def one_chef_capacity() -> list[Row]:
    """1000 orders of 10 ms at the one chef: no connection stalls (the listen backlog)."""
    raise_open_file_limit()
    n, d = 1000, 0.01
    with start_kitchen("flask-one-chef") as kitchen:
        result = race([kitchen], RacePlan(Recipe(wait=d), Arrivals(n)))
    timeline = result.timelines["flask-one-chef"]
    summary = timeline.summary()
    accepted = sorted(o.accepted for o in timeline.orders.values() if o.accepted is not None)
    gap = max((b - a for a, b in itertools.pairwise(accepted)), default=math.inf)
    return [
        Row("capacity", f"flask-one-chef, {n} orders of {d * 1000:g} ms: served, errors",
            f"{summary.served}/{n}, {summary.failed} errors", "all, 0 errors",
            summary.served == n and summary.failed == 0),
        Row("capacity", "flask-one-chef: makespan ÷ theory; longest pause between two orders",
            f"{summary.ratio_to_theory:.3f}; {gap * 1000:.0f} ms",
            "no stall (pause < 500 ms)", gap < 0.5),
    ]  # fmt: skip
