"""All orders of one race at one kitchen, and the figures derived from them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from chefline.kitchen.chef import ChefLabel
from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.events import OrderEvent, Phase
from chefline.kitchen.order import OrderRecord, OrderStatus, Step, StepKind
from chefline.kitchen.stats import mean, peak_overlap, percentile
from chefline.kitchen.timeline_summary import TimelineSummary


class ChefState(StrEnum):
    WORKING = "working"
    """Hands on a dish (CPU)."""
    BLOCKED = "blocked"
    """Standing at the pot: a wait that holds the thread."""
    FREE = "free"
    """Able to take the next order (pots may still be cooking)."""


@dataclass(frozen=True, slots=True)
class ChefSegment:
    start: float
    end: float
    state: ChefState


@dataclass(frozen=True, slots=True)
class KitchenNow:
    """What a picture of the kitchen shows at this moment."""

    queued: int
    """Customers who ordered and wait for a chef to look at it."""
    at_hands: int
    """Dishes a chef is working on (prep, plate, CPU cooking)."""
    on_stove: int
    """Dishes waiting on the stove (I/O)."""
    served: int
    failed: int
    chefs_busy: int
    """Chefs with an order in hand."""
    chefs_stuck: int
    """Chefs standing at a pot: their dish waits and they cannot leave it."""


class RaceTimeline:
    """The orders one kitchen received in one race, indexed by order number."""

    def __init__(self, kitchen: str, expected_makespan: float | None = None) -> None:
        self.kitchen = kitchen
        self.expected_makespan = expected_makespan
        self.orders: dict[int, OrderRecord] = {}
        self._back = 0
        self.cost: KitchenCost | None = None
        """The peak of what the kitchen held during the race (processes, threads, memory)."""
        self.own_cost_per_order: float | None = None
        self.own_work: float | None = None
        self.neighbours_work = 0.0
        """See ``TimelineSummary``: set by the race runner from the kitchen's calibration."""
        self.planned: int | None = None
        """The orders the race planned here (set by the runner, or read from a saved race)."""

    def add(self, order: OrderRecord) -> None:
        before = self.orders.get(order.index)
        self._back += (order.received is not None) - (before is not None and before.received
                                                      is not None)  # fmt: skip
        self.orders[order.index] = order

    @property
    def back(self) -> int:
        """Orders back from the kitchen, served or failed (counted as they come: a window
        asks it of every kitchen every frame)."""
        return self._back

    def apply(self, event: OrderEvent) -> None:
        """Update the records from one live event (events of one order arrive in order)."""
        order = self.orders.get(event.order)
        if order is None:
            order = OrderRecord(self.kitchen, event.order, sent=event.t)
            self.orders[event.order] = order
        match event.phase:
            case Phase.ACCEPTED:
                order.accepted, order.chef, order.chef_kind = event.t, event.chef, event.chef_kind
            case Phase.STEP_START if event.step and event.kind:
                order.open_step = Step(
                    event.step, event.kind, event.t, event.t, bool(event.holds_chef)
                )
            case Phase.STEP if event.step and event.kind and event.end is not None:
                step = Step(event.step, event.kind, event.t, event.end, bool(event.holds_chef))
                order.steps.append(step)
            case Phase.STEP_END if order.open_step is not None:
                # The end may name what the step turned out to be (your app's loop watchdog
                # tells computing from waiting by the chef's CPU clock over the whole block).
                begun = order.open_step
                order.steps.append(Step(event.step or begun.name, event.kind or begun.kind,
                                        begun.start, event.t, begun.holds_chef))  # fmt: skip
                order.open_step = None
            case Phase.TOKEN:
                order.tokens.append(event.t)
            case Phase.DONE:
                order.done = event.t
            case Phase.RECEIVED | Phase.FAILED:
                self._back += order.received is None
                order.received, order.http_status = event.t, event.http_status
                if event.phase is Phase.RECEIVED:
                    order.status = OrderStatus.SERVED
                else:
                    order.status, order.error = OrderStatus.FAILED, event.detail
                    order.failure = event.failure
                    order.open_step = None

    def kitchen_now(self) -> KitchenNow:
        queued = at_hands = on_stove = served = failed = 0
        busy: set[str] = set()
        stuck: set[str] = set()
        for order in self.orders.values():
            step = order.open_step
            if order.status is OrderStatus.SERVED:
                served += 1
            elif order.status is OrderStatus.FAILED:
                failed += 1
            elif order.accepted is None:
                queued += 1
            elif step is not None and step.kind is StepKind.IO:
                on_stove += 1
            elif order.done is None:
                at_hands += 1
            if order.status is OrderStatus.PENDING and order.chef and order.done is None:
                busy.add(order.chef)
                if step is not None and step.kind is StepKind.IO and step.holds_chef:
                    stuck.add(order.chef)
        return KitchenNow(queued, at_hands, on_stove, served, failed, len(busy), len(stuck))

    def __len__(self) -> int:
        return len(self.orders)

    def _with_status(self, status: OrderStatus) -> list[OrderRecord]:
        return [o for o in self.orders.values() if o.status is status]

    @property
    def served(self) -> list[OrderRecord]:
        return self._with_status(OrderStatus.SERVED)

    @property
    def failed(self) -> list[OrderRecord]:
        return self._with_status(OrderStatus.FAILED)

    def latencies(self) -> list[float]:
        """Each served order's time in the restaurant (sent, or meant to be sent at a
        steady rate, to received), in seconds."""
        served = OrderStatus.SERVED  # read once per frame for the histogram: kept lean
        return [
            o.received - (o.sent if o.intended is None else o.intended)
            for o in self.orders.values()
            if o.status is served and o.received is not None
        ]

    @property
    def start(self) -> float | None:
        return min((o.sent for o in self.orders.values()), default=None)

    @property
    def end(self) -> float | None:
        return max(
            (o.received for o in self.orders.values() if o.received is not None), default=None
        )

    @property
    def makespan(self) -> float | None:
        """From the first order sent to the last reply received (served or failed)."""
        if self.start is None or self.end is None:
            return None
        return self.end - self.start

    def chef_labels(self) -> dict[str, ChefLabel]:
        """Readable names ("chef 1", …) in the order the chefs first picked up an order."""
        first_seen: dict[str, float] = {}
        for order in self.orders.values():
            if order.chef is not None and order.accepted is not None:
                first_seen[order.chef] = min(
                    first_seen.get(order.chef, order.accepted), order.accepted
                )
        ranked = sorted(first_seen, key=first_seen.__getitem__)
        return {chef: ChefLabel(number) for number, chef in enumerate(ranked, start=1)}

    def chef_segments(self, until: float | None = None) -> dict[ChefLabel, list[ChefSegment]]:
        """For each chef (by label), contiguous working/blocked/free segments over the race.

        ``until`` draws a race in progress: steps still cooking are shown up to that moment.
        """
        labels = self.chef_labels()
        start = self.start
        end = until if until is not None else self.end
        if start is None or end is None:
            return {}
        busy: dict[ChefLabel, list[tuple[float, float, ChefState]]] = {
            label: [] for label in labels.values()
        }
        for order in self.orders.values():
            if order.chef not in labels:
                continue
            steps = list(order.steps)
            if until is not None and order.open_step is not None:
                begun = order.open_step
                steps.append(Step(begun.name, begun.kind, begun.start, until, begun.holds_chef))
            for step in steps:
                if step.holds_chef:
                    state = ChefState.WORKING if step.kind is StepKind.CPU else ChefState.BLOCKED
                    busy[labels[order.chef]].append((step.start, step.end, state))
        return {label: _fill_free(intervals, start, end) for label, intervals in busy.items()}

    def stove_load(self, until: float | None = None) -> dict[ChefLabel, list[tuple[float, int]]]:
        """For each chef (by label), how many of its dishes wait on the stove, over time.

        Only awaited waits count: the pots a chef juggles while free to take orders. The list
        holds (time, count from then on) steps in time order.
        """
        labels = self.chef_labels()
        edges: dict[ChefLabel, list[tuple[float, int]]] = {lb: [] for lb in labels.values()}
        for order in self.orders.values():
            if order.chef not in labels:
                continue
            steps = list(order.steps)
            if until is not None and order.open_step is not None:
                steps.append(order.open_step)
            for step in steps:
                if step.kind is StepKind.IO and not step.holds_chef:
                    # The open step is in the list only when ``until`` is given.
                    end = until if step is order.open_step and until is not None else step.end
                    edges[labels[order.chef]] += [(step.start, 1), (end, -1)]
        load: dict[ChefLabel, list[tuple[float, int]]] = {}
        for label, chef_edges in edges.items():
            count, steps_out = 0, []
            for t, delta in sorted(chef_edges):
                count += delta
                steps_out.append((t, count))
            load[label] = steps_out
        return load

    def summary(self, until: float | None = None) -> TimelineSummary:
        """The race's figures; ``until`` counts dishes still cooking as in the kitchen till then."""
        served = self.served
        latencies = self.latencies()
        waits = [o.queue_wait for o in served if o.queue_wait is not None]
        in_kitchen = []
        for order in self.orders.values():
            if order.accepted is None or order.status is OrderStatus.FAILED:
                continue
            end = order.done if order.done is not None else until
            if end is not None:
                in_kitchen.append((order.accepted, end))
        makespan = self.makespan
        ttfts = [o.ttft for o in self.orders.values() if o.ttft is not None]
        tokens = sum(len(o.tokens) for o in self.orders.values())
        return TimelineSummary(
            kitchen=self.kitchen,
            customers=len(self.orders),
            served=len(served),
            failed=len(self.failed),
            makespan=makespan,
            throughput=len(served) / makespan if makespan else None,
            latency_p50=percentile(latencies, 50),
            latency_p95=percentile(latencies, 95),
            latency_p99=percentile(latencies, 99),
            queue_wait_mean=mean(waits),
            queue_wait_p95=percentile(waits, 95),
            queue_wait_p99=percentile(waits, 99),
            queue_wait_max=max(waits, default=None),
            peak_concurrency=peak_overlap(in_kitchen),
            chefs=len(self.chef_labels()),
            expected_makespan=self.expected_makespan,
            failures=dict(Counter(o.failure.value for o in self.failed if o.failure)),
            ttft_p50=percentile(ttfts, 50),
            ttft_p95=percentile(ttfts, 95),
            ttft_p99=percentile(ttfts, 99),
            tokens=tokens,
            tokens_per_s=tokens / makespan if tokens and makespan else None,
            own_cost_per_order=self.own_cost_per_order,
            own_work=self.own_work,
            neighbours_work=self.neighbours_work,
            planned=self.planned,
        )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RaceTimeline:
        """A kitchen's orders as ``to_json`` wrote them (a saved race)."""
        summary = data["summary"]
        timeline = cls(data["kitchen"], summary.get("expected_makespan"))
        timeline.own_cost_per_order = summary.get("own_cost_per_order")
        timeline.own_work = summary.get("own_work")
        timeline.neighbours_work = float(summary.get("neighbours_work") or 0.0)
        timeline.planned = summary.get("planned")
        for raw in data["orders"]:
            timeline.add(OrderRecord.from_json(raw))
        cost = data.get("cost")
        timeline.cost = None if cost is None else KitchenCost(**cost)
        return timeline

    def to_json(self) -> dict[str, Any]:
        return {
            "kitchen": self.kitchen,
            "summary": self.summary().to_json(),
            "cost": None if self.cost is None else self.cost.to_json(),
            "orders": [self.orders[i].to_json() for i in sorted(self.orders)],
        }


def _fill_free(
    intervals: Iterable[tuple[float, float, ChefState]], start: float, end: float
) -> list[ChefSegment]:
    segments: list[ChefSegment] = []
    cursor = start
    for seg_start, seg_end, state in sorted(intervals):
        seg_start = max(seg_start, cursor)
        if seg_end <= seg_start:
            continue
        if seg_start > cursor:
            segments.append(ChefSegment(cursor, seg_start, ChefState.FREE))
        segments.append(ChefSegment(seg_start, seg_end, state))
        cursor = seg_end
    if cursor < end:
        segments.append(ChefSegment(cursor, end, ChefState.FREE))
    return segments
