"""Your own app as a kitchen: where its report comes from, how its orders are named, and the
loop blocks the watchdog found in it (the domain's side; the servers' side is in
``chefline.servers.your_app.your_kitchen``)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from chefline.kitchen.modes.base import KitchenMode, KitchenSettings
from chefline.kitchen.modes.serving import ServerKind

__all__ = [
    "ORDER_HEADER", "RACE_HEADER", "ROUTE_STEP", "STUCK_STEP", "LoopBlock", "ReportSource",
    "ServerKind", "YourAppMode", "blocked_seconds",
]  # fmt: skip

RACE_HEADER = "x-chefline-race"
"""The race an order belongs to, sent by the customers with every order to your app."""
ORDER_HEADER = "x-chefline-order"
"""The order's number in the race."""

STUCK_STEP = "stuck at the pot"
"""The step drawn for a span in which your route held its chef in a blocking call."""
ROUTE_STEP = "your route"
"""The step drawn for a thread chef's whole time in your route."""


class ReportSource(StrEnum):
    """Where the kitchen's part of each order (accepted, chef, steps, done) comes from."""

    BODY = "body"
    """The reply is the kitchen's report as JSON (the built-in kitchens)."""
    RELAY = "relay"
    """The reply is your app's own; a middleware told the kitchen's relay what happened."""


WAITRESS_THREADS = 4
"""waitress's own default brigade."""


class YourAppMode(KitchenMode):
    """Your app under one server. Its route's cost is unknown, so it has no theory: the race
    shows what happens, and the watchdog says why."""

    def __init__(self, label: str, target: str, server: ServerKind) -> None:
        self.name = f"{label}@{server.value}"
        """e.g. ``slow_app:app@uvicorn``: one app can race under two servers."""
        self.framework = server.speaks
        self.route = f"{target} on {server.value}"
        self.summary = target
        self.server = server
        self.on_event_loop = server in (ServerKind.UVICORN, ServerKind.GEVENT)
        self.own_process = server.own_process

    def slots(self, settings: KitchenSettings) -> int | None:
        if self.server is ServerKind.WERKZEUG:
            return 1
        if self.server is ServerKind.WAITRESS:
            return WAITRESS_THREADS
        if self.server is ServerKind.GUNICORN:
            return settings.workers
        return None

    def interpreters(self, settings: KitchenSettings) -> int:
        return settings.workers if self.server is ServerKind.GUNICORN else 1


@dataclass(frozen=True, slots=True)
class LoopBlock:
    """A span in which the event loop did not turn, and who held it."""

    race: str | None
    order: int | None
    start: float
    end: float
    file: str
    line: int
    function: str
    code: str
    """The blocking line's source, e.g. ``time.sleep(0.3)``."""
    frames: list[str] = field(default_factory=list)
    """The loop thread's stack when the block was seen, innermost first (file:line in fn)."""

    @property
    def seconds(self) -> float:
        return self.end - self.start

    @property
    def where(self) -> str:
        return f"{os.path.basename(self.file)}:{self.line}"

    def to_json(self) -> dict[str, Any]:
        return {
            "order": self.order, "seconds": round(self.seconds, 4), "start": self.start,
            "end": self.end, "file": self.file, "line": self.line, "function": self.function,
            "code": self.code, "frames": self.frames,
        }  # fmt: skip


def blocked_seconds(blocks: Sequence[LoopBlock], start: float, end: float) -> float:
    """How long the loop was blocked between ``start`` and ``end`` (blocks never overlap)."""
    return sum(max(0.0, min(b.end, end) - max(b.start, start)) for b in blocks)
