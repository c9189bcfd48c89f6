"""The capacity sweep: each kitchen raced alone at rising loads, one race a point. No Qt.

``chefline sweep`` and the window's capacity curve both run a ``SweepRunner``: it opens one
kitchen at a time in a restaurant of its own (so that the kitchen has the machine's cores),
races it at each load in turn, and hands each point to its listener as the race ends. A
load whose race would last longer than the sweep's limit (by the theory, stretched by how
much slower than its theory the kitchen's last point was) is skipped with a sentence, and
so is every larger one: one chef at 1000 users × 1 s would take a quarter of an hour.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TypeVar

from chefline.client.plan import RacePlan
from chefline.client.race import RaceResult, RaceRunner
from chefline.client.sweep_file import MAX_STEPS
from chefline.engine.process_memory import ProcessMemory
from chefline.engine.restaurant import Restaurant
from chefline.kitchen import limits
from chefline.kitchen.arrivals import DEFAULT_SEED, Arrivals
from chefline.kitchen.capacity import (
    Sweep,
    SweepAxis,
    SweepPoint,
    SweepSkip,
    SweepSpec,
    load_text,
    queue_growth,
)
from chefline.kitchen.errors import BadInput
from chefline.kitchen.modes import KitchenSettings, get_mode
from chefline.kitchen.order import OrderStatus
from chefline.kitchen.stats import percentile
from chefline.servers.spare_cores import SpareCores
from chefline.texts import QT_TRANSLATE_NOOP, translate

DEFAULT_LIMIT_S = 60.0
"""Longest a point may take by default: a sweep of four kitchens stays within minutes."""
MIN_LIMIT_S = 1.0

TOO_LONG = QT_TRANSLATE_NOOP(
    "Sweep",
    "{0} skipped at {1}: it would take about {2:.0f} s, over the {3:g} s a point may take.",
)
NOT_OPEN = QT_TRANSLATE_NOOP("Sweep", "{0} skipped at {1}: the kitchen could not open ({2}).")
REFUSED = QT_TRANSLATE_NOOP("Sweep", "{0} skipped at {1}: {2}")

T = TypeVar("T")
OffThread = Callable[[Callable[[], T]], Awaitable[T]]
"""Runs blocking work (opening a kitchen) off the loop's thread; ``asyncio.to_thread`` by
default, the window's own helper in the window."""


@dataclass(frozen=True)
class SweepStage:
    """News that a point is starting: which kitchen, which load, about how long."""

    kitchen: str
    x: float
    expected: float


SweepNews = SweepPoint | SweepSkip | SweepStage
SweepListener = Callable[[SweepNews], None]


@dataclass(frozen=True)
class SweepPlan:
    """A sweep before it runs: the kitchens, the loads and the dish (``race``'s recipe or
    chat order; its arrivals are replaced at each point)."""

    kitchens: tuple[str, ...]
    steps: tuple[float, ...]
    race: RacePlan = field(default_factory=RacePlan)
    axis: SweepAxis = SweepAxis.USERS
    duration: float = 10.0
    """Seconds each steady stream lasts (``RATE``)."""
    seed: int = DEFAULT_SEED
    limit: float = DEFAULT_LIMIT_S
    settings: KitchenSettings = field(default_factory=KitchenSettings)

    def __post_init__(self) -> None:
        for name in self.kitchens:
            get_mode(name)  # BadInput with the known ones
        if not self.kitchens:
            raise BadInput(translate("Sweep", "a sweep needs at least one kitchen"))
        if len(set(self.kitchens)) != len(self.kitchens):
            raise BadInput(translate("Sweep", "each kitchen can be swept once"))
        if not 1 <= len(self.steps) <= MAX_STEPS:
            raise BadInput(translate("Sweep", "a sweep has 1 to {0} loads, not {1}").format(
                MAX_STEPS, len(self.steps)))  # fmt: skip
        if list(self.steps) != sorted(set(self.steps)):
            raise BadInput(translate("Sweep", "the loads must rise, each once"))
        if not MIN_LIMIT_S <= self.limit <= limits.MAX_EXPECTED_RACE_S:
            raise BadInput(translate("Sweep", "the limit must be between {0:g} and {1:g} s, "
                                     "not {2:g}").format(MIN_LIMIT_S, limits.MAX_EXPECTED_RACE_S,
                                                         self.limit))  # fmt: skip
        for x in self.steps:
            self.arrivals(x)  # BadInput for a count or a rate a race cannot hold

    def arrivals(self, x: float) -> Arrivals:
        if self.axis is SweepAxis.RATE:
            return Arrivals.at_rate(x, self.duration, self.seed)
        if x != int(x):
            raise BadInput(translate("Sweep", "users are whole numbers, not {0:g}").format(x))
        return Arrivals(int(x))

    def plan_at(self, x: float) -> RacePlan:
        """The race of one point: the sweep's dish, at load ``x``, the kitchen alone."""
        return replace(self.race, arrivals=self.arrivals(x), in_turn=False)

    def spec(self) -> SweepSpec:
        recipe = self.race.recipe
        settings = {"pool_size": self.settings.pool_size, "workers": self.settings.workers,
                    "thread_cap": self.settings.thread_cap}  # fmt: skip
        rate = self.axis is SweepAxis.RATE
        return SweepSpec(self.kitchens, self.axis, self.steps, recipe.dish.value,
                         recipe.service_time, self.limit, self.duration if rate else 0.0,
                         self.seed if rate else 0, os.cpu_count() or 1, settings)  # fmt: skip

    def theory_line(self, name: str) -> list[tuple[float, float]]:
        """The kitchen's ideal p95 at every load of the sweep."""
        mode, line = get_mode(name), []
        for x in self.steps:
            latencies = mode.expected_latencies(self.arrivals(x).offsets, self.race.recipe,
                                                self.settings)  # fmt: skip
            line.append((x, percentile(latencies, 95) or 0.0))
        return line


def _to_thread(work: Callable[[], T]) -> Awaitable[T]:
    return asyncio.to_thread(work)


class SweepRunner:
    """Runs one sweep: create it, ``await run()``, read ``sweep``; ``cancel()`` stops it
    after the point under way (whose race is stopped and left out)."""

    def __init__(
        self,
        plan: SweepPlan,
        listener: SweepListener | None = None,
        off_thread: OffThread[object] | None = None,
    ) -> None:
        self.plan = plan
        self.listener = listener
        self._off_thread: OffThread[object] = off_thread or _to_thread
        when = datetime.now(UTC).isoformat(timespec="seconds")
        theory = {name: plan.theory_line(name) for name in plan.kitchens}
        self.sweep = Sweep(plan.spec(), theory=theory, when=when)
        self._race: RaceRunner | None = None
        self._restaurant: Restaurant | None = None
        self._cancelled = False

    def _tell(self, news: SweepNews) -> None:
        if isinstance(news, SweepPoint):
            self.sweep.points.append(news)
        elif isinstance(news, SweepSkip):
            self.sweep.skips.append(news)
        if self.listener is not None:
            self.listener(news)

    def cancel(self, *, at_once: bool = False) -> None:
        """Stop after the race under way, which is stopped; ``at_once`` (the app is
        closing): its customers go at once too, their open orders with them."""
        self._cancelled = self.sweep.cancelled = True
        if at_once and self._restaurant is not None:
            self._restaurant.drop_customers()
        if self._race is not None:
            self._race.cancel()

    async def run(self) -> Sweep:
        restaurant = self._restaurant = Restaurant(self.plan.settings, keep_customers=True)
        try:
            for name in self.plan.kitchens:
                if self._cancelled:
                    break
                await self._sweep_kitchen(restaurant, name)
        finally:
            await self._off_thread(restaurant.close)
        return self.sweep

    async def _sweep_kitchen(self, restaurant: Restaurant, name: str) -> None:
        failures = await self._off_thread(lambda: restaurant.open([name]))
        assert isinstance(failures, list)
        if failures:
            for x in self.plan.steps:
                reason = translate("Sweep", NOT_OPEN).format(name, self._load(x), failures[0].error)
                self._tell(SweepSkip(name, x, reason))  # fmt: skip
            return
        if not await self._warm_up(restaurant, name):
            return
        mode, settings = get_mode(name), self.plan.settings
        slower = 1.0  # how much slower than its theory the kitchen's last point was
        for index, x in enumerate(self.plan.steps):
            if self._cancelled:
                return
            plan = self.plan.plan_at(x)
            expected = plan.expected_makespan(mode, settings) * slower
            if expected > self.plan.limit:
                for later in self.plan.steps[index:]:
                    guess = self.plan.plan_at(later).expected_makespan(mode, settings) * slower
                    reason = translate("Sweep", TOO_LONG).format(
                        name, self._load(later), guess, self.plan.limit
                    )
                    self._tell(SweepSkip(name, later, reason, guess))  # fmt: skip
                return
            try:
                plan = restaurant.check_plan(plan, [name])
            except BadInput as error:
                self._tell(SweepSkip(name, x, translate("Sweep", REFUSED).format(
                    name, self._load(x), error)))  # fmt: skip
                continue
            self._tell(SweepStage(name, x, expected))
            point = await self._race_point(restaurant, name, x, plan)
            if point is None:  # cancelled mid-race: the half-served point is left out
                return
            self._tell(point)
            if point.makespan and point.theory_makespan:
                slower = max(1.0, point.makespan / point.theory_makespan)

    async def _warm_up(self, restaurant: Restaurant, name: str) -> bool:
        """One order, not measured, before the kitchen's first point: its first call to the
        model (which may still be starting), its first connections and imports would
        otherwise land in that point (one LLM order measured 0.59 s where it takes 0.26 s,
        and the async kitchen looked bent at 1 user). False if the sweep was stopped."""
        if self.plan.race.recipe.service_time > self.plan.limit:
            return True  # every point is past the limit: nothing to warm for
        plan = restaurant.check_plan(replace(self.plan.race, arrivals=Arrivals(1), in_turn=False),
                                     [name])  # fmt: skip
        self._race = restaurant.race(plan)
        try:
            result = await self._race.run()
        finally:
            self._race = None
        if result.cancelled or self._cancelled:
            self._cancelled = self.sweep.cancelled = True
            return False
        return True

    async def _race_point(
        self, restaurant: Restaurant, name: str, x: float, plan: RacePlan
    ) -> SweepPoint | None:
        began = time.perf_counter()
        spare, memory = SpareCores(), ProcessMemory().start()
        try:  # CustomersGone, BadInput: the sweep ends (its restaurant closes) and says why
            self._race = restaurant.race(plan)
            result = await self._race.run()
        finally:
            self._race = None
            grown = memory.stop()
        if result.cancelled or self._cancelled:  # cancel(), or the task itself (Ctrl+C)
            self._cancelled = self.sweep.cancelled = True
            return None
        return point_of(result, name, x, plan, self.plan.settings, grown=grown,
                        spare_cores=spare.cores(), seconds=time.perf_counter() - began)  # fmt: skip

    def _load(self, x: float) -> str:
        return load_text(self.plan.axis, x)


def point_of(
    result: RaceResult,
    name: str,
    x: float,
    plan: RacePlan,
    settings: KitchenSettings,
    *,
    grown: int | None = None,
    spare_cores: float | None = None,
    seconds: float = 0.0,
) -> SweepPoint:
    """One kitchen's race at load ``x`` as a point of the curve."""
    timeline = result.timelines[name]
    s = timeline.summary()
    ideal = get_mode(name).expected_latencies(plan.arrivals.offsets, plan.recipe, settings)
    cost = timeline.cost
    by_arrival = [timeline.orders[i] for i in sorted(timeline.orders)]
    latencies = [o.latency for o in by_arrival if o.status is OrderStatus.SERVED]
    in_app = cost is not None and cost.in_app
    return SweepPoint(
        name, x, s.customers, s.served, s.failed, s.latency_p50, s.latency_p95, s.latency_p99,
        s.makespan, percentile(ideal, 50), percentile(ideal, 95), percentile(ideal, 99),
        s.expected_makespan,
        processes=None if cost is None else cost.processes,
        threads=None if cost is None else cost.threads,
        memory=None if cost is None else cost.memory,
        app_memory=grown if in_app else None,
        spare_cores=spare_cores,
        queue_growth=queue_growth([v for v in latencies if v is not None])
        if plan.arrivals.steady else None,
        seconds=seconds,
    )  # fmt: skip


def parse_steps(text: str, axis: SweepAxis) -> tuple[float, ...]:
    """ "1,10,100" as loads, rising; BadInput in one sentence for anything else."""
    parts = [part.strip() for part in text.replace(" ", ",").split(",") if part.strip()]
    try:
        values = [float(part) for part in parts]
    except ValueError:
        raise BadInput(translate("Sweep", "loads are numbers separated by commas, such as "
                                 "1,10,100,1000; not {0!r}").format(text)) from None  # fmt: skip
    if not values:
        raise BadInput(translate("Sweep", "name at least one load, such as 1,10,100,1000"))
    if any(v != v for v in values):
        raise BadInput(translate("Sweep", "a load must be a number, not NaN"))
    if axis is SweepAxis.USERS and any(v != int(v) for v in values):
        raise BadInput(translate("Sweep", "users are whole numbers: {0}").format(text))
    return tuple(sorted(set(values)))


def sweep_kitchens(names: Sequence[str]) -> tuple[str, ...]:
    """The kitchens to sweep, checked (BadInput names the known ones)."""
    for name in names:
        get_mode(name)
    return tuple(names)
