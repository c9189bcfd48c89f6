"""What every kitchen mode declares: who it is, how many orders it cooks at once, its theory."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from chefline.kitchen import limits
from chefline.kitchen.errors import BadInput
from chefline.kitchen.modes.serving import Serving
from chefline.kitchen.numbers import is_whole
from chefline.kitchen.recipe import DishKind, Recipe
from chefline.kitchen.theory import (
    event_loop_latencies,
    event_loop_makespan,
    fifo_latencies,
    fifo_makespan,
    shared_cpu_latencies,
    shared_cpu_makespan,
)


@dataclass(frozen=True, slots=True)
class KitchenSettings:
    """Knobs of the modes that have them."""

    pool_size: int = 4
    """Chefs in the ``flask-pool`` kitchen."""
    thread_cap: int = 40
    """anyio's thread limiter in ``fastapi-def`` (40 is its default)."""
    workers: int = 4
    """Worker processes in the ``flask-processes`` kitchen."""

    def __post_init__(self) -> None:
        _check_int("pool size", self.pool_size, limits.MIN_POOL_SIZE, limits.MAX_POOL_SIZE)
        _check_int("thread cap", self.thread_cap, limits.MIN_THREAD_CAP, limits.MAX_THREAD_CAP)
        _check_int("workers", self.workers, limits.MIN_WORKERS, limits.MAX_WORKERS)


def _check_int(name: str, value: int, low: int, high: int) -> None:
    if not is_whole(value) or not low <= value <= high:
        raise BadInput(f"{name} must be a whole number between {low} and {high}, not {value!r}")


class KitchenMode:
    """Base of every mode; a subclass sets the class attributes and, if needed, ``slots``."""

    name: str = ""
    serving: Serving | None = None
    """How a built-in mode is served (its framework, server, route style, code step); the
    builders, the route view and the child process read it. None for your own app."""
    framework: str = ""
    """"flask" or "fastapi" (from ``serving``); "asgi" or "wsgi" for your app."""
    route: str = ""
    """The route's shape in one line, e.g. ``async def`` + ``await asyncio.sleep``."""
    chat_route: str = ""
    """The /chat route (the LLM dish) in one line: how it calls the model."""
    summary: str = ""
    """One sentence in the restaurant's terms."""
    on_event_loop: bool = False
    """True when orders share one thread that awaits their waits (they overlap)."""
    own_process: bool = False
    """True when the kitchen runs in processes of its own, started and stopped by the app
    (from ``serving``)."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        serving = cls.__dict__.get("serving")
        if serving is not None:  # what follows from the serving is not said twice
            cls.framework = serving.framework.value
            cls.own_process = serving.server.own_process

    def slots(self, settings: KitchenSettings) -> int | None:
        """How many orders this kitchen cooks at once (None: as many as arrive)."""
        return 1

    def interpreters(self, settings: KitchenSettings) -> int:
        """How many Python interpreters share the kitchen's own work (its GILs)."""
        return 1

    def own_work(
        self, customers: int, per_order: float, settings: KitchenSettings, cores: int | None = None
    ) -> float:
        """What the kitchen's own work adds to a race of ``customers`` orders: in one
        interpreter it runs in series, whatever the kitchen's concurrency."""
        cores = cores or os.cpu_count() or 1
        return customers * per_order / min(self.interpreters(settings), cores)

    def expected_makespan(
        self,
        arrivals: Sequence[float],
        recipe: Recipe,
        settings: KitchenSettings | None = None,
        cores: int | None = None,
    ) -> float:
        settings = settings or KitchenSettings()
        cores = cores or os.cpu_count() or 1
        service = recipe.service_time
        if self.on_event_loop:
            if recipe.dish is DishKind.CPU:
                return fifo_makespan(arrivals, service, 1)
            return event_loop_makespan(arrivals, recipe)
        slots = self.slots(settings)
        if recipe.dish is DishKind.CPU:
            return shared_cpu_makespan(arrivals, service, slots, cores)
        return fifo_makespan(arrivals, service, slots)

    def expected_latencies(
        self,
        arrivals: Sequence[float],
        recipe: Recipe,
        settings: KitchenSettings | None = None,
        cores: int | None = None,
    ) -> list[float]:
        """Each order's ideal time from its arrival to its dish (the theory of a latency
        percentile, as ``expected_makespan`` is of the last dish)."""
        settings = settings or KitchenSettings()
        cores = cores or os.cpu_count() or 1
        service = recipe.service_time
        if self.on_event_loop:
            if recipe.dish is DishKind.CPU:
                return fifo_latencies(arrivals, service, 1)
            return event_loop_latencies(arrivals, recipe)
        slots = self.slots(settings)
        if recipe.dish is DishKind.CPU:
            return shared_cpu_latencies(arrivals, service, slots, cores)
        return fifo_latencies(arrivals, service, slots)
