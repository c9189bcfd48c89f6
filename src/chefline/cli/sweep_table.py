"""The capacity sweep as text: a table per kitchen, its knee, and what was skipped."""

from __future__ import annotations

from chefline.cli.table import render, seconds
from chefline.kitchen.capacity import (
    KNEE_FACTOR,
    Sweep,
    SweepAxis,
    SweepPoint,
    busy_points,
    capacity_in_theory,
    memory_text,
)
from chefline.kitchen.modes import MODES
from chefline.texts import QT_TRANSLATE_NOOP, translate

SWEEP_NOTE = QT_TRANSLATE_NOOP(
    "Cli",
    "p50/p95/p99: each customer's time from ordering (at a steady rate: from when they meant "
    "to order) to the dish. ×theory: p95 over a\nperfect kitchen's p95. processes, threads, "
    "memory: the most each kitchen held; for a kitchen in the app's process, memory is\nhow "
    "much the app grew while it held the load alone (+).",
)


def sweep_title(sweep: Sweep) -> str:
    spec = sweep.spec
    if spec.axis is SweepAxis.RATE:
        load = translate("Cli", "customers at a steady rate (Poisson), each stream {0:g} s long")
        load = load.format(spec.duration)
    else:
        load = translate("Cli", "a burst of users ordering at once")
    title = translate("Cli", "Capacity sweep: {0}; {1} dish, one order alone {2:.2f} s; each "
                      "kitchen raced alone").format(load, spec.dish, spec.one_order)  # fmt: skip
    if sweep.when:
        title += f" ({sweep.when})"
    return title


def kitchen_table(sweep: Sweep, name: str) -> str:
    """The kitchen's points, its knee, and the loads it was not raced at."""
    rate = sweep.spec.axis is SweepAxis.RATE
    headers = [translate("Cli", "rate") if rate else translate("Cli", "users")]
    if rate:
        headers.append(translate("Cli", "customers"))
    headers += [translate("Cli", "served"), "p50", "p95", "p99",
                translate("Cli", "theory p95"), translate("Cli", "×theory")]  # fmt: skip
    if rate:
        headers.append(translate("Cli", "queue growth"))
    headers += [translate("Cli", "processes"), translate("Cli", "threads"),
                translate("Cli", "memory")]  # fmt: skip
    rows = [_row(point, rate) for point in sweep.curve(name)]
    mode = MODES.get(name)
    lines = [f"{name}" + (f" — {mode.route}" if mode else "")]
    if rate:
        capacity = capacity_in_theory(sweep.spec, name)
        lines.append(
            translate("Cli", "  capacity in theory: no limit but its own work")
            if capacity is None
            else translate("Cli", "  capacity in theory: {0:.3g} customers a second").format(
                capacity
            )
        )
    if rows:
        lines.append(render(headers, rows, right=set(range(len(headers)))))
    lines.append(knee_sentence(sweep, name))
    lines += [f"  {skip.reason}" for skip in sweep.skipped(name)]
    return "\n".join(lines)


def _row(point: SweepPoint, rate: bool) -> list[str]:
    ratio = point.ratio
    cells = [f"{point.x:g}/s" if rate else f"{point.x:g}"]
    if rate:
        cells.append(str(point.customers))
    cells += [f"{point.served}/{point.customers}", seconds(point.p50), seconds(point.p95),
              seconds(point.p99), seconds(point.theory_p95),
              "-" if ratio is None else f"{ratio:.2f}"]  # fmt: skip
    if rate:
        growth = point.queue_growth
        cells.append("-" if growth is None else f"{growth:+.2f} s")
    processes = "-" if point.processes is None else (
        translate("Cli", "in app") if point.in_app else str(point.processes))  # fmt: skip
    threads = "-" if point.threads is None else str(point.threads)
    return [*cells, processes, threads, memory_text(point)]


def knee_sentence(sweep: Sweep, name: str) -> str:
    knee = sweep.knee(name)
    one = sweep.spec.one_order
    rate = sweep.spec.axis is SweepAxis.RATE
    curve = sweep.curve(name)
    if rate and knee is not None and knee.queue_growth is not None:
        return translate("Cli", "  saturates at {0:g}/s: the last quarter of its customers "
                         "waited {1:.2f} s longer than the first, more than one order's "
                         "{2:.2f} s").format(knee.x, knee.queue_growth, one)  # fmt: skip
    if knee is not None:
        load = f"{knee.x:g}/s" if rate else _users(knee.x)
        return translate("Cli", "  knee: {0} (p95 {1:.2f} s, over {2:g} × one order's "
                         "{3:.2f} s)").format(load, knee.p95, KNEE_FACTOR, one)  # fmt: skip
    if not curve:
        return translate("Cli", "  no point measured")
    top = curve[-1].x
    if rate:
        return translate("Cli", "  its queue held steady up to {0:g}/s").format(top)
    load = _users(top)
    return translate("Cli", "  no knee up to {0}: p95 stayed within {1:g} × one order's "
                     "{2:.2f} s").format(load, KNEE_FACTOR, one)  # fmt: skip


def _users(x: float) -> str:
    return translate("Cli", "1 user") if x == 1 else translate("Cli", "{0:g} users").format(x)


def sweep_report(sweep: Sweep) -> str:
    """Everything ``chefline sweep`` prints: the title, one table per kitchen, the notes."""
    parts = [sweep_title(sweep), ""]
    for name in sweep.spec.kitchens:
        parts += [kitchen_table(sweep, name), ""]
    parts.append(translate("Cli", SWEEP_NOTE))
    busy = busy_points(sweep)
    if busy:
        least = min(p.spare_cores or 0.0 for p in busy)
        parts.append(translate("Cli", "The machine was busy with other work during {0} of {1} "
                               "points (as few as {2:.1f} cores free of {3}): those may read "
                               "slow.").format(len(busy), len(sweep.points), least,
                                               sweep.spec.cores))  # fmt: skip
    if sweep.cancelled:
        parts.append(translate("Cli", "The sweep was stopped before every point was raced."))
    return "\n".join(parts)
