"""Fan-out of a kitchen's live events (accepted, step start/end, done) to whoever listens.

Kitchens publish from their own threads; listeners must be cheap and thread-safe (a
``deque.append`` is ideal). With no listener, publishing costs one attribute read.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from chefline.kitchen.events import OrderEvent

Listener = Callable[[str, OrderEvent], None]
"""Called with the race id the order belongs to and the event."""


class EventRelay:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.listeners: tuple[Listener, ...] = ()
        """Read-only outside this class. Replaced, never mutated, so iterating it needs no
        lock: a hot path (your app's middleware) may call them itself, saving a call."""

    def subscribe(self, listener: Listener) -> None:
        with self._lock:
            self.listeners = (*self.listeners, listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            # ==, not `is`: a bound method is a new object each time it is looked up.
            self.listeners = tuple(x for x in self.listeners if x != listener)

    def __len__(self) -> int:
        return len(self.listeners)

    def publish(self, race: str, event: OrderEvent) -> None:
        for listener in self.listeners:
            listener(race, event)
