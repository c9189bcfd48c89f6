"""How a chef cooks one order, shared by every Flask and FastAPI route.

Each step is timed on the shared clock and reported twice: live through the relay, and in the
response body, which is the record the race keeps.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
import time
from typing import Any

from chefline.kitchen.clock import now
from chefline.kitchen.events import OrderEvent, Phase
from chefline.kitchen.faults import SLOW_FACTOR, FaultKind, Faults, KitchenFire
from chefline.kitchen.order import KitchenReport, Step, StepKind
from chefline.kitchen.recipe import DishKind, Recipe
from chefline.servers.relay import EventRelay

NO_FAULTS = Faults()

# Hashing 64 KiB at a time releases the GIL, so a CPU-bound dish in one thread leaves the
# rest of the process (the window, other kitchens) responsive.
_HASH_BLOCK = bytes(64 * 1024)
SHORT_WORK_S = 0.002
"""Work shorter than this (prep, plating) keeps the GIL throughout, as parsing a request does.
Hashing would hand the GIL over twice per block, and in a busy process each time the chef
waits for it to come back (up to the 5 ms switch interval): 0.2 ms of prep cost milliseconds."""


def burn_cpu(seconds: float) -> None:
    """Keep this thread's CPU busy for ``seconds`` of its own CPU time."""
    deadline = time.thread_time() + seconds
    if seconds < SHORT_WORK_S:
        while time.thread_time() < deadline:
            pass
        return
    while time.thread_time() < deadline:
        hashlib.sha256(_HASH_BLOCK).digest()


def current_chef() -> str:
    """A key for the thread doing the work, unique among live threads."""
    thread = threading.current_thread()
    return f"{thread.name}#{thread.ident}"


class DishTicket:
    """The kitchen's side of one order: who cooked it and when each step ran."""

    def __init__(
        self,
        kitchen: str,
        race: str,
        order: int,
        relay: EventRelay,
        chef: str,
        chef_kind: str,
    ) -> None:
        self.kitchen = kitchen
        self.race = race
        self.order = order
        self.relay = relay
        self.chef = chef
        self.chef_kind = chef_kind
        self.steps: list[Step] = []
        self.accepted = now()
        self.done: float | None = None
        self._emit(Phase.ACCEPTED, self.accepted)

    def _emit(self, phase: Phase, t: float, step: Step | None = None) -> None:
        event = OrderEvent(
            self.kitchen,
            self.order,
            phase,
            t,
            chef=self.chef,
            chef_kind=self.chef_kind,
            step=step.name if step else None,
            kind=step.kind if step else None,
            holds_chef=step.holds_chef if step else None,
        )
        self.relay.publish(self.race, event)

    def _begin(self, name: str, kind: StepKind, holds_chef: bool) -> Step:
        start = now()
        step = Step(name, kind, start, start, holds_chef)
        self._emit(Phase.STEP_START, start, step)
        return step

    def _end(self, begun: Step) -> None:
        end = now()
        step = Step(begun.name, begun.kind, begun.start, end, begun.holds_chef)
        self.steps.append(step)
        self._emit(Phase.STEP_END, end, step)

    def work(self, name: str, seconds: float) -> None:
        step = self._begin(name, StepKind.CPU, holds_chef=True)
        burn_cpu(seconds)
        self._end(step)

    def sleep(self, name: str, seconds: float) -> None:
        step = self._begin(name, StepKind.IO, holds_chef=True)
        time.sleep(seconds)
        self._end(step)

    async def await_sleep(self, name: str, seconds: float, holds_chef: bool) -> None:
        step = self._begin(name, StepKind.IO, holds_chef)
        await asyncio.sleep(seconds)
        self._end(step)

    def _slow_step(self, recipe: Recipe, faults: Faults) -> float:
        """Seconds of the long step; raises KitchenFire if this dish is the one that burns."""
        fault = faults.strikes(self.order)
        if fault is FaultKind.BURN:
            message = f"order {self.order + 1} caught fire after prep ({faults.describe()})"
            raise KitchenFire(message, self.report(finished=False))
        return recipe.wait * (SLOW_FACTOR if fault is FaultKind.SLOW else 1.0)

    def cook_holding(self, recipe: Recipe, faults: Faults = NO_FAULTS) -> dict[str, Any]:
        """The whole dish in this thread: the chef stays with it from prep to plate."""
        self.work("prep", recipe.prep)
        seconds = self._slow_step(recipe, faults)
        if recipe.dish is DishKind.CPU:
            self.work("cook", seconds)
        else:
            self.sleep("wait", seconds)
        self.work("plate", recipe.plate)
        return self.report().to_json()

    async def cook_awaiting(
        self, recipe: Recipe, faults: Faults = NO_FAULTS, wait_holds_chef: bool = False
    ) -> dict[str, Any]:
        """The dish with its wait awaited; ``wait_holds_chef`` when the caller blocks on us."""
        self.work("prep", recipe.prep)
        seconds = self._slow_step(recipe, faults)
        if recipe.dish is DishKind.CPU:
            self.work("cook", seconds)
        else:
            await self.await_sleep("wait", seconds, wait_holds_chef)
        self.work("plate", recipe.plate)
        return self.report().to_json()

    def report(self, finished: bool = True) -> KitchenReport:
        """The kitchen's part of the order; unfinished (a burnt dish) it has no ``done``."""
        if finished:
            self.done = now()
            self._emit(Phase.DONE, self.done)
        return KitchenReport(self.kitchen, self.race, self.order, self.chef, self.chef_kind,
                             self.accepted, tuple(self.steps), self.done)  # fmt: skip
