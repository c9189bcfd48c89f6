"""One lane per order: waiting for a chef, chef working, dish on the stove, served."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QMouseEvent, QPainter
from PySide6.QtWidgets import QToolTip

from chefline.kitchen.order import OrderRecord, OrderStatus, Step, StepKind
from chefline.ui.palette import THEME, Look
from chefline.ui.timeline_canvas import TimelineCanvas


def step_look(step: Step) -> Look:
    if step.kind is StepKind.CPU:
        return Look.WORKING
    return Look.BLOCKED if step.holds_chef else Look.ON_STOVE


def describe_order(order: OrderRecord, start: float) -> str:
    """Every phase of one order, in seconds since the race began, for a tooltip."""

    def at(t: float) -> str:
        return f"{t - start:.3f} s"

    lines = [f"Order #{order.index + 1}", f"sent at {at(order.sent)}"]
    if order.accepted is not None:
        lines.append(
            f"picked up at {at(order.accepted)} (waited {order.accepted - order.sent:.3f} s)"
        )
    for step in [*order.steps, *([order.open_step] if order.open_step else [])]:
        running = step is order.open_step
        what = {Look.WORKING: "chef working", Look.BLOCKED: "chef stuck at the pot",
                Look.ON_STOVE: "on the stove, chef free"}[step_look(step)]  # fmt: skip
        end = "…" if running else at(step.end)
        lines.append(f"{step.name}: {at(step.start)} → {end}  ({what})")
    if order.status is OrderStatus.SERVED and order.received is not None:
        lines.append(f"served at {at(order.received)}, {order.received - order.sent:.3f} s in all")
    elif order.status is OrderStatus.FAILED:
        lines.append(f"failed: {order.error}")
    return "\n".join(lines)


class OrderTimelineView(TimelineCanvas):
    def lane_count(self) -> int:
        plan = self.session.plan
        return plan.arrivals.customers if plan is not None else 0

    def paint_lanes(self, painter: QPainter) -> None:
        timeline = self.session.timelines[self.kitchen]
        start = self.session.race_start
        assert start is not None
        clock = self.session.clock()
        pitch = self.plot_rect().height() / max(self.lane_count(), 1)
        text_height = painter.fontMetrics().height()
        # Label every lane when there is room, else every 5th, 10th, 50th… so labels never touch.
        label_every = next(n for n in (1, 5, 10, 25, 50, 100, 1000) if n * pitch >= text_height)
        ascent = painter.fontMetrics().ascent()
        painter.setPen(QColor(THEME["muted"]))
        plot = self.plot_rect()
        for index in range(0, self.lane_count(), label_every):
            top, height = self.lane_geometry(index)
            baseline = min(
                max(top + height / 2 + ascent / 2 - 1, plot.top() + ascent), plot.bottom()
            )
            painter.drawText(QPointF(6, baseline), f"#{index + 1}")
        for index, order in timeline.orders.items():
            top, height = self.lane_geometry(index)
            self.paint_order(painter, order, start, clock, top, height)

    def paint_order(self, painter: QPainter, order: OrderRecord, start: float, clock: float,
                    top: float, height: float) -> None:  # fmt: skip
        picked = order.accepted or order.received or clock
        self.fill_span(painter, order.sent - start, picked - start, top, height, Look.QUEUED)
        for step in order.steps:
            self.fill_span(painter, step.start - start, step.end - start, top, height,
                           step_look(step))  # fmt: skip
        if order.open_step is not None:
            step = order.open_step
            self.fill_span(painter, step.start - start, clock - start, top, height,
                           step_look(step))  # fmt: skip
        if order.done is not None and order.received is not None:
            thin = max(height / 3, 1.0)
            self.fill_span(painter, order.done - start, order.received - start,
                           top + (height - thin) / 2, thin, Look.DELIVERY)  # fmt: skip
        if order.received is not None:
            look = Look.SERVED if order.status is OrderStatus.SERVED else Look.FAILED
            mark = 4 * self.scale.span / max(self.plot_rect().width(), 1)
            t = order.received - start
            self.fill_span(painter, t, t + mark, top, height, look)

    def hover(self, event: QMouseEvent) -> None:
        timeline = self.session.timelines.get(self.kitchen)
        lane = self.lane_at(event.position().y())
        if timeline is None or lane is None or lane not in timeline.orders:
            QToolTip.hideText()
            return
        assert self.session.race_start is not None
        text = describe_order(timeline.orders[lane], self.session.race_start)
        QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def empty_text(self) -> str:
        return "Orders appear here, one lane each, as they happen"
