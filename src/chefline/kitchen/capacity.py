"""The capacity curve: one point per kitchen and load, what the kitchen held there, its knee.

A sweep races each kitchen alone at a list of loads: bursts of N users at once, or a steady
stream of R customers a second. Each race leaves a ``SweepPoint`` (its latency percentiles
beside the theory's, what the kitchen held); a load the kitchen would need too long for
leaves a ``SweepSkip`` with a sentence. ``Sweep`` holds them all, in the order they came,
and is what the table, the picture and a recorded file show. Qt-free and web-free.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from chefline.kitchen.cost import MIB
from chefline.kitchen.modes import MODES, KitchenSettings
from chefline.kitchen.recipe import DishKind

KNEE_FACTOR = 2.0
"""The knee is the first count of users whose p95 passes this many times one order's time
alone. At a steady rate the knee is where the kitchen saturates: the first rate at which its
queue grows over the stream by more than one order's time (a Poisson stream's bunching
alone lifts the p95 past twice one order well below capacity)."""
BUSY_BELOW_CORES = 1.5
"""A point raced while the rest of the machine left fewer cores free than this may read
slow: the kitchen and its customers' process want about one core each."""


class SweepAxis(StrEnum):
    """What grows from one point of a sweep to the next."""

    USERS = "users"
    """A burst of N users ordering at once."""
    RATE = "rate"
    """A Poisson stream of R customers a second, for the sweep's duration."""


@dataclass(frozen=True, slots=True)
class SweepSpec:
    """What was swept: the kitchens, the loads, the dish, and the bounds."""

    kitchens: tuple[str, ...]
    axis: SweepAxis
    steps: tuple[float, ...]
    """User counts (whole numbers) or rates (customers a second), rising."""
    dish: str
    """"io", "cpu" or "llm" (``DishKind``)."""
    one_order: float
    """Seconds one order takes alone, in theory: the dish's prep, wait and plate."""
    limit: float
    """Longest a point may take, by its theory (and the kitchen's last point): seconds."""
    duration: float = 0.0
    """Seconds each steady stream lasts (``RATE``)."""
    seed: int = 0
    """The stream of arrival times (``RATE``)."""
    cores: int = 1
    """The machine's cores, as the theory counted them."""
    settings: dict[str, int] = field(default_factory=dict)
    """The kitchens' knobs (pool size, workers, thread cap)."""

    def to_json(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["kitchens"], data["steps"] = list(self.kitchens), list(self.steps)
        data["axis"] = self.axis.value
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SweepSpec:
        return cls(
            tuple(str(name) for name in data["kitchens"]), SweepAxis(data["axis"]),
            tuple(float(x) for x in data["steps"]), str(data["dish"]),
            float(data["one_order"]), float(data["limit"]), float(data.get("duration", 0.0)),
            int(data.get("seed", 0)), int(data.get("cores", 1)),
            {str(k): int(v) for k, v in dict(data.get("settings", {})).items()},
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class SweepPoint:
    """One race of one kitchen at one load, measured."""

    kitchen: str
    x: float
    """The load: users at once, or customers a second."""
    customers: int
    served: int
    failed: int
    p50: float | None
    p95: float | None
    p99: float | None
    """Seconds from ordering (or meaning to, at a rate) to the dish, served orders only."""
    makespan: float | None
    theory_p50: float | None
    theory_p95: float | None
    theory_p99: float | None
    theory_makespan: float | None
    """What a perfect kitchen of this shape would take (None: your app has no theory)."""
    processes: int | None = None
    """Processes of the kitchen's own (0: it cooks inside the app); None: not measured."""
    threads: int | None = None
    """The most OS threads it held at once."""
    memory: int | None = None
    """Bytes its own processes held at most (None for a kitchen inside the app)."""
    app_memory: int | None = None
    """A kitchen inside the app: how much the app's own process grew while this kitchen,
    raced alone, held the load (bytes; the runner's records of the orders included)."""
    spare_cores: float | None = None
    """Cores the rest of the machine left free during the race."""
    queue_growth: float | None = None
    """A steady stream: how much longer the last quarter of customers waited than the first
    (median against median, seconds). Near 0 below capacity; growing past it."""
    seconds: float = 0.0
    """How long the point took, kitchen's race and all."""

    @property
    def ratio(self) -> float | None:
        """p95 ÷ the theory's p95."""
        if self.p95 is None or not self.theory_p95:
            return None
        return self.p95 / self.theory_p95

    @property
    def in_app(self) -> bool:
        return self.processes == 0

    @property
    def held_memory(self) -> int | None:
        """What the kitchen held: its processes' memory, or what the app grew by for it."""
        return self.app_memory if self.in_app else self.memory

    def to_json(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SweepPoint:
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = data.get(f.name)
            if f.name == "kitchen":
                values[f.name] = str(value)
            elif f.name in ("customers", "served", "failed"):
                values[f.name] = int(data[f.name])
            elif f.name in ("processes", "threads", "memory", "app_memory"):
                values[f.name] = None if value is None else int(value)
            elif f.name in ("x", "seconds"):
                values[f.name] = float(data.get(f.name, 0.0))
            else:
                values[f.name] = None if value is None else float(value)
        return cls(**values)


@dataclass(frozen=True, slots=True)
class SweepSkip:
    """A load a kitchen was not raced at, and why (one sentence)."""

    kitchen: str
    x: float
    reason: str
    expected: float | None = None
    """How long the point would have taken, by the estimate that skipped it (seconds)."""

    def to_json(self) -> dict[str, Any]:
        return {"kitchen": self.kitchen, "x": self.x, "reason": self.reason,
                "expected": self.expected}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SweepSkip:
        expected = data.get("expected")
        return cls(str(data["kitchen"]), float(data["x"]), str(data["reason"]),
                   None if expected is None else float(expected))  # fmt: skip


@dataclass
class Sweep:
    """A whole sweep, or as much of it as has run: its spec, points, skips and theory."""

    spec: SweepSpec
    points: list[SweepPoint] = field(default_factory=list)
    skips: list[SweepSkip] = field(default_factory=list)
    theory: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    """Each kitchen's theory line: (load, p95) at every step, raced or not."""
    cancelled: bool = False
    when: str = ""
    """When it ran (ISO 8601, UTC): a recorded sweep says how old its figures are."""

    def curve(self, kitchen: str) -> list[SweepPoint]:
        """The kitchen's points, by rising load."""
        return sorted((p for p in self.points if p.kitchen == kitchen), key=lambda p: p.x)

    def skipped(self, kitchen: str) -> list[SweepSkip]:
        return sorted((s for s in self.skips if s.kitchen == kitchen), key=lambda s: s.x)

    def knee(self, kitchen: str) -> SweepPoint | None:
        """Users: the first count whose p95 passes twice one order's time alone. Rates: the
        first rate at which the queue grew by more than one order (None: none did)."""
        return knee_of(self.curve(kitchen), self.spec.one_order, self.spec.axis)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": SWEEP_FORMAT,
            "when": self.when,
            "cancelled": self.cancelled,
            "spec": self.spec.to_json(),
            "points": [p.to_json() for p in self.points],
            "skips": [s.to_json() for s in self.skips],
            "theory": {name: [list(xy) for xy in line] for name, line in self.theory.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Sweep:
        """A sweep as ``to_json`` wrote it; KeyError, TypeError or ValueError if it is not
        one (``chefline.client.sweep_file`` checks a file from disk before this)."""
        theory = {str(name): [(float(x), float(y)) for x, y in line]
                  for name, line in dict(data.get("theory", {})).items()}  # fmt: skip
        return cls(
            SweepSpec.from_json(data["spec"]),
            [SweepPoint.from_json(p) for p in data["points"]],
            [SweepSkip.from_json(s) for s in data.get("skips", [])],
            theory, bool(data.get("cancelled", False)), str(data.get("when", "")),
        )  # fmt: skip


SWEEP_FORMAT = "chefline-sweep/1"
"""Written in every recorded sweep, checked when one is read."""


def knee_of(
    curve: Sequence[SweepPoint], one_order: float, axis: SweepAxis = SweepAxis.USERS
) -> SweepPoint | None:
    """The first point (by rising load) past the knee: its p95 over ``KNEE_FACTOR`` ×
    ``one_order`` (users), or its queue grown by more than ``one_order`` (rates; a stream
    too short to tell, under 8 customers, by its p95)."""
    for point in sorted(curve, key=lambda p: p.x):
        if axis is SweepAxis.RATE and point.queue_growth is not None:
            if point.queue_growth > one_order:
                return point
        elif point.p95 is not None and point.p95 > KNEE_FACTOR * one_order:
            return point
    return None


def queue_growth(latencies_by_arrival: Sequence[float]) -> float | None:
    """Median latency of the last quarter of customers minus that of the first quarter
    (in the order they arrived); None with fewer than 8."""
    if len(latencies_by_arrival) < 8:
        return None
    quarter = len(latencies_by_arrival) // 4
    first, last = latencies_by_arrival[:quarter], latencies_by_arrival[-quarter:]
    return statistics.median(last) - statistics.median(first)


def capacity_in_theory(spec: SweepSpec, kitchen: str) -> float | None:
    """Customers a second the kitchen can serve for ever, in theory: its chefs (and, for
    the CPU dish, the cores) over one order's time. None: no limit but the kitchen's own
    work (waits awaited on one loop; a thread per customer)."""
    mode = MODES.get(kitchen)
    if mode is None or spec.one_order <= 0:
        return None
    cpu = spec.dish == DishKind.CPU.value
    if mode.on_event_loop:  # the waits overlap; the CPU dish takes the one thread
        return 1 / spec.one_order if cpu else None
    slots = mode.slots(KitchenSettings(**spec.settings))
    if cpu:
        slots = min(slots or spec.cores, spec.cores)
    return None if slots is None else slots / spec.one_order


def busy_points(sweep: Sweep) -> list[SweepPoint]:
    """The points raced while the machine was busy with other work."""
    return [p for p in sweep.points
            if p.spare_cores is not None and p.spare_cores < BUSY_BELOW_CORES]  # fmt: skip


def load_text(axis: SweepAxis, x: float) -> str:
    """A load as words: "1 user", "100 users", "2.5/s"."""
    if axis is SweepAxis.RATE:
        return f"{x:g}/s"
    return "1 user" if x == 1 else f"{x:g} users"


def memory_text(point: SweepPoint) -> str:
    """The memory column: the kitchen's processes', or the app's growth for it."""
    if point.in_app:
        return "-" if point.app_memory is None else f"+{_mb(point.app_memory)} MB"
    return "-" if point.memory is None else f"{_mb(point.memory)} MB"


def _mb(size: int) -> str:
    mb = size / MIB
    return f"{mb:.1f}" if mb < 10 else f"{mb:.0f}"
