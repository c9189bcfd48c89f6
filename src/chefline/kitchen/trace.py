"""A race as Chrome's Trace Event Format, for ui.perfetto.dev and chrome://tracing.

One process per kitchen. Its chefs come first, one thread track each, holding what their hands
(or their thread) did: working, stuck at the pot. Then one track per order with its whole life
as a slice and its phases nested inside: waiting, working, stuck at the pot, on the stove,
served; an LLM answer's tokens are instant events on it. Orders get tracks of their own because
an event loop's orders overlap, and slices on one track must nest. Times are whole microseconds
from the race's first order (``otherData.clock_origin_s`` is that moment on the shared clock).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chefline.kitchen.modes import MODES
from chefline.kitchen.order import OrderRecord, OrderStatus, Step, StepKind
from chefline.kitchen.timeline import RaceTimeline

ORDER_TRACKS = 100_000
"""Order n's thread id is ORDER_TRACKS + n, well clear of the chefs' (1, 2, …)."""

Event = dict[str, Any]


def step_phase(step: Step) -> str:
    """The phase a step shows, in the words of the window's legend."""
    if step.kind is StepKind.CPU:
        return "working"
    return "stuck at the pot" if step.holds_chef else "on the stove"


class TraceBuilder:
    """The events of one race; ``origin`` is the shared-clock moment that becomes ts 0."""

    def __init__(self, origin: float) -> None:
        self.origin = origin
        self.events: list[Event] = []

    def us(self, t: float) -> int:
        # Whole microseconds: within 0.5 µs of the records, and rounding keeps their order, so
        # a phase stays inside its order and a chef's slices never overlap (importers turn
        # fractional microseconds into nanoseconds by truncating, which could break nesting).
        return round((t - self.origin) * 1e6)

    def name(self, kind: str, pid: int, tid: int | None, name: str, sort: int) -> None:
        ids: Event = {"pid": pid} if tid is None else {"pid": pid, "tid": tid}
        self.events.append({"ph": "M", "name": f"{kind}_name", **ids, "args": {"name": name}})
        self.events.append(
            {"ph": "M", "name": f"{kind}_sort_index", **ids, "args": {"sort_index": sort}}
        )

    def slice(self, pid: int, tid: int, name: str, start: float, end: float, cat: str,
              args: dict[str, Any]) -> None:  # fmt: skip
        begin = self.us(start)
        self.events.append({
            "ph": "X", "name": name, "cat": cat, "pid": pid, "tid": tid, "ts": begin,
            "dur": max(0, self.us(end) - begin), "args": args,
        })  # fmt: skip

    def instant(self, pid: int, tid: int, name: str, t: float, args: dict[str, Any]) -> None:
        self.events.append({"ph": "i", "s": "t", "name": name, "cat": "token", "pid": pid,
                            "tid": tid, "ts": self.us(t), "args": args})  # fmt: skip

    def counter(self, pid: int, name: str, t: float, value: int) -> None:
        self.events.append(
            {"ph": "C", "name": name, "pid": pid, "ts": self.us(t), "args": {"pots": value}}
        )

    def add_kitchen(self, pid: int, timeline: RaceTimeline) -> None:
        mode = MODES.get(timeline.kitchen)
        self.name("process", pid, None, timeline.kitchen, pid)
        if mode is not None:
            labels_text = f"{mode.framework}: {mode.summary}"
            self.events.append(
                {"ph": "M", "name": "process_labels", "pid": pid, "args": {"labels": labels_text}}
            )
        labels = timeline.chef_labels()
        tids = {chef: number for number, chef in enumerate(labels, start=1)}
        kinds = {o.chef: o.chef_kind for o in timeline.orders.values() if o.chef in tids}
        for chef, tid in tids.items():
            kind = (kinds[chef] or "chef").replace("-", " ")
            self.name("thread", pid, tid, f"{labels[chef]} · {kind}", tid)
        for label, steps in timeline.stove_load().items():
            for t, count in steps:
                self.counter(pid, f"{label}: pots on the stove", t, count)
        for index in sorted(timeline.orders):
            order = timeline.orders[index]
            self.add_order(pid, tids.get(order.chef or ""), labels.get(order.chef or ""), order)

    def add_order(self, pid: int, chef_tid: int | None, chef: str | None,
                  order: OrderRecord) -> None:  # fmt: skip
        number = order.index + 1
        tid = ORDER_TRACKS + number
        self.name("thread", pid, tid, f"order {number}", tid)
        known = [order.sent, order.accepted, order.done, order.received, *order.tokens]
        known += [t for step in order.steps for t in (step.start, step.end)]
        end = (
            order.received if order.received is not None else max(t for t in known if t is not None)
        )
        args: dict[str, Any] = {"order": number, "http_status": order.http_status}
        whole = {**args, "status": order.status.value, "chef": chef}
        if order.failure is not None:
            whole |= {"failure": order.failure.value, "error": order.error}
        self.slice(pid, tid, f"order {number}", order.sent, end, "order", whole)

        def inside(t: float) -> float:  # a phase never pokes out of its order's slice
            return min(max(t, order.sent), end)

        if order.accepted is not None:
            self.slice(pid, tid, "waiting", order.sent, inside(order.accepted), "phase", args)
        for step in order.steps:
            phase, step_args = step_phase(step), {**args, "step": step.name}
            self.slice(pid, tid, phase, inside(step.start), inside(step.end), "phase", step_args)
            if chef_tid is not None and step.holds_chef:
                self.slice(pid, chef_tid, phase, step.start, step.end, "chef", step_args)
        if order.status is OrderStatus.SERVED and order.done is not None:
            self.slice(pid, tid, "served", inside(order.done), end, "phase", args)
        for count, t in enumerate(order.tokens, start=1):
            self.instant(pid, tid, "token", t, {**args, "token": count})


def trace_document(
    timelines: Sequence[RaceTimeline], meta: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The whole trace: ``{"traceEvents": [...]}`` with the kitchens and chefs named."""
    starts = [t.start for t in timelines if t.start is not None]
    builder = TraceBuilder(min(starts, default=0.0))
    for pid, timeline in enumerate(timelines, start=1):
        builder.add_kitchen(pid, timeline)
    # Metadata first, then by time with the longer slice first: parents precede children.
    builder.events.sort(key=lambda e: (e["ph"] != "M", e.get("ts", 0.0), -e.get("dur", 0.0)))
    other = {"producer": "chefline", "clock_origin_s": builder.origin, **(meta or {})}
    return {"traceEvents": builder.events, "displayTimeUnit": "ms", "otherData": other}
