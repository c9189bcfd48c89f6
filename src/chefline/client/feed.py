"""A thread-safe mailbox of live order events, drained by whoever draws them."""

from __future__ import annotations

from collections import deque

from chefline.kitchen.events import OrderEvent


class EventFeed:
    """Kitchen threads and the client append; a window drains once per frame.

    ``deque.append`` and ``popleft`` are atomic, so no lock is needed and the servers never
    wait on the window.
    """

    def __init__(self, maxlen: int | None = 200_000) -> None:
        self._events: deque[OrderEvent] = deque(maxlen=maxlen)

    def __call__(self, event: OrderEvent) -> None:
        self._events.append(event)

    def __len__(self) -> int:
        return len(self._events)

    def drain(self) -> list[OrderEvent]:
        events = []
        pop = self._events.popleft
        for _ in range(len(self._events)):
            events.append(pop())
        return events
