"""A recorded race told again: the live events each order's record implies, in time order.

Applying them to empty timelines up to a moment rebuilds what a live window showed at that
moment, so a replay is drawn by the very code that draws a live race.
"""

from __future__ import annotations

from collections.abc import Iterable

from chefline.kitchen.events import OrderEvent, Phase
from chefline.kitchen.order import OrderRecord, OrderStatus
from chefline.kitchen.timeline import RaceTimeline


def order_story(order: OrderRecord) -> list[OrderEvent]:
    """The events a live race emitted for ``order``, from its finished record."""
    name, index = order.kitchen, order.index
    story = [OrderEvent(name, index, Phase.SENT, order.sent)]
    if order.accepted is not None:
        story.append(OrderEvent(name, index, Phase.ACCEPTED, order.accepted, chef=order.chef,
                                chef_kind=order.chef_kind))  # fmt: skip
    for step in order.steps:
        for phase, t in ((Phase.STEP_START, step.start), (Phase.STEP_END, step.end)):
            story.append(OrderEvent(name, index, phase, t, step=step.name, kind=step.kind,
                                    holds_chef=step.holds_chef))  # fmt: skip
    story += [OrderEvent(name, index, Phase.TOKEN, t) for t in order.tokens]
    if order.done is not None:
        story.append(OrderEvent(name, index, Phase.DONE, order.done))
    if order.received is not None:
        served = order.status is OrderStatus.SERVED
        story.append(OrderEvent(
            name, index, Phase.RECEIVED if served else Phase.FAILED, order.received,
            http_status=order.http_status, failure=order.failure, detail=order.error,
        ))  # fmt: skip
    return story


class RaceStory:
    """Every event of a recorded race in time order, and timelines rebuilt up to a moment."""

    def __init__(self, timelines: Iterable[RaceTimeline]) -> None:
        self.recorded = {t.kitchen: t for t in timelines}
        events = [e for t in self.recorded.values() for o in t.orders.values()
                  for e in order_story(o)]  # fmt: skip
        # Stable: an order's events keep their order when two share a timestamp.
        self.events = sorted(events, key=lambda e: e.t)
        self.start = self.events[0].t if self.events else 0.0
        self.end = self.events[-1].t if self.events else 0.0

    @property
    def duration(self) -> float:
        return self.end - self.start

    def empty_timelines(self) -> dict[str, RaceTimeline]:
        return {name: RaceTimeline(name, t.expected_makespan)
                for name, t in self.recorded.items()}  # fmt: skip

    def count_until(self, moment: float) -> int:
        """How many events happened at or before ``moment`` (seconds since the start)."""
        at = self.start + moment
        low, high = 0, len(self.events)
        while low < high:
            middle = (low + high) // 2
            if self.events[middle].t <= at:
                low = middle + 1
            else:
                high = middle
        return low

    def next_moment(self, moment: float, direction: int) -> float:
        """The moment of the next (direction +1) or previous (-1) event after ``moment``."""
        count = self.count_until(moment)
        if direction > 0:
            later = [e.t for e in self.events[count:] if e.t > self.start + moment]
            return (later[0] if later else self.end) - self.start
        earlier = [e.t for e in self.events[:count] if e.t < self.start + moment - 1e-9]
        return (earlier[-1] if earlier else self.start) - self.start
