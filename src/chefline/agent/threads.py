"""The chef of a ``def`` route in an async app: FastAPI and Starlette run a plain ``def``
route (and a plain ``def`` dependency) in anyio's thread pool, so the thread that takes it is
its chef, not the event loop, and the pool's size is how many cook at once.

anyio's ``to_thread.run_sync`` is wrapped (as tracing agents do) so that work handed to the
pool within an order says so: the order moves to that thread's chef when its first piece
starts there (the wait before it is a queue for a free thread), and the thread's time is
split into working and stuck at the pot by its CPU clock, as a WSGI app's threads are.
Work of a request that is not an order passes through the wrapper untouched.
"""

from __future__ import annotations

import sys
from typing import Any, Callable

from .channel import Channel, now
from .findings import Findings
from .middleware import (
    ORDER,
    STUCK_STEP,
    WORKING_STEP,
    AsgiOrders,
    OrderTag,
    as_json_text,
    current_chef,
)
from .sampler import ThreadSampler


class ThreadChefs:
    def __init__(self, channel: Channel, findings: Findings, orders: AsgiOrders) -> None:
        self.channel = channel
        self.orders = orders
        """Its lines about an order go out after the order's own ACCEPTED."""
        self.findings = findings
        self.sampler = ThreadSampler()
        self.moved: dict[OrderTag, float] = {}
        """Orders whose chef is a pool thread, and when it took them (the middleware's
        awaited time starts there)."""
        self.spans: dict[OrderTag, list[tuple[float, float]]] | None = None
        """The loop watchdog's spans: time the middleware does not draw as awaited."""

    def watch_thread_pool(self, spans: dict[OrderTag, list[tuple[float, float]]] | None = None
                          ) -> None:  # fmt: skip
        """Wrap anyio's thread pool, if your app uses it (after it is loaded)."""
        self.spans = spans
        to_thread = sys.modules.get("anyio.to_thread")
        original = getattr(to_thread, "run_sync", None)
        if original is None or getattr(original, "chefline_wrapped", False):
            return
        cooked = self._cooked

        async def run_sync(func: Callable[..., Any], *args: Any, **options: Any) -> Any:
            tag = ORDER.get()
            if tag is None:
                return await original(func, *args, **options)
            return await original(cooked(tag, func), *args, **options)

        run_sync.chefline_wrapped = True  # type: ignore[attr-defined]
        run_sync.__wrapped__ = original  # type: ignore[attr-defined]
        to_thread.run_sync = run_sync  # type: ignore[union-attr]

    def _cooked(self, tag: OrderTag, func: Callable[..., Any]) -> Callable[..., Any]:
        def cooking(*args: Any) -> Any:
            race, order = tag
            start = now()
            if tag not in self.moved:  # its first piece in the pool: this thread is its chef
                self.moved[tag] = start
                chef = as_json_text(current_chef())
                self.orders.tell(tag, f'["a","{race}",{order},{start!r},{chef},"thread"]\n')
            self.sampler.enter()
            try:
                return func(*args)
            finally:
                segments = self.sampler.leave() if self.sampler.usable else []
                end = now()
                if not segments:
                    segments = [(start, end, False)]
                told = ""
                for begun, ended, working in segments:
                    name, kind = (WORKING_STEP, "cpu") if working else (STUCK_STEP, "io")
                    told += f'["s","{race}",{order},"{name}","{kind}",{begun!r},{ended!r},true]\n'
                self.orders.tell(tag, told)
                if self.spans is not None:
                    self.spans.setdefault(tag, []).append((start, end))

        return cooking
