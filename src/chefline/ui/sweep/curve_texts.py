"""The capacity curve's words: marked here, translated where drawn (context "CapacityCurve")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from chefline.kitchen.capacity import KNEE_FACTOR, Sweep, SweepAxis, busy_points
from chefline.texts import QT_TRANSLATE_NOOP

CONTEXT = "CapacityCurve"
TITLE = QT_TRANSLATE_NOOP("CapacityCurve", "How many customers each kitchen holds")
LATENCY = QT_TRANSLATE_NOOP("CapacityCurve", "p95: the time 95 of 100 customers stayed within")
THREADS = QT_TRANSLATE_NOOP("CapacityCurve", "threads held")
MEMORY = QT_TRANSLATE_NOOP("CapacityCurve", "memory held (MB)")
USERS = QT_TRANSLATE_NOOP("CapacityCurve", "users ordering at once")
RATE = QT_TRANSLATE_NOOP("CapacityCurve", "customers a second (a steady Poisson stream)")
KNEE_LINE = QT_TRANSLATE_NOOP(
    "CapacityCurve", "dotted: p95 = {0:g} × one order = {1:.2f} s, past it the knee"
)
KNEE = QT_TRANSLATE_NOOP("CapacityCurve", "knee")
NO_KNEE = QT_TRANSLATE_NOOP("CapacityCurve", "no knee")
NO_SWEEP = QT_TRANSLATE_NOOP(
    "CapacityCurve", "Choose the kitchens and the loads above, then Run (Ctrl+Return)."
)
KNEE_AT = QT_TRANSLATE_NOOP("CapacityCurve", "knee {0}")
SATURATED = QT_TRANSLATE_NOOP("CapacityCurve", "saturated")
SATURATES_AT = QT_TRANSLATE_NOOP("CapacityCurve", "saturates at {0}")
STEADY = QT_TRANSLATE_NOOP("CapacityCurve", "its queue held steady")
SKIPPED = QT_TRANSLATE_NOOP("CapacityCurve", "skipped from {0}")
RACING = QT_TRANSLATE_NOOP("CapacityCurve", "racing…")
CAPACITY = QT_TRANSLATE_NOOP("CapacityCurve", "capacity {0:.2g}/s")
EMPTY = QT_TRANSLATE_NOOP("CapacityCurve", "No point yet: the curve fills as each race ends.")
NOTE = QT_TRANSLATE_NOOP(
    "CapacityCurve",
    "Solid: measured, each kitchen raced alone. Dashed: a perfect kitchen of the same shape "
    "(hollow marks on it: loads skipped as too long). Hollow memory marks: a kitchen in the "
    "app's process, what the app grew by while it held the load.",
)
DISH = QT_TRANSLATE_NOOP("CapacityCurve", "{0} dish, one order alone {1:.2f} s")
STREAM = QT_TRANSLATE_NOOP("CapacityCurve", "each stream {0:g} s long")
BUSY = QT_TRANSLATE_NOOP("CapacityCurve", "the machine was busy during {0} of {1} points")
STOPPED = QT_TRANSLATE_NOOP("CapacityCurve", "stopped before the end")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def subtitle(sweep: Sweep) -> str:
    spec = sweep.spec
    parts = [tr(DISH).format(spec.dish, spec.one_order)]
    busy = busy_points(sweep)  # before the rest: a narrow window elides the end
    if busy:
        parts.append(tr(BUSY).format(len(busy), len(sweep.points)))
    if sweep.cancelled:
        parts.append(tr(STOPPED))
    if spec.axis is SweepAxis.RATE:
        parts.append(tr(STREAM).format(spec.duration))
    else:
        parts.append(tr(KNEE_LINE).format(KNEE_FACTOR, KNEE_FACTOR * spec.one_order))
    if sweep.when:
        parts.append(sweep.when.replace("T", " ").replace("+00:00", " UTC"))
    return " · ".join(parts)
