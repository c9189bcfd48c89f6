"""One lane per order: waiting for a chef, chef working, dish on the stove, served."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QToolTip

from chefline.kitchen.order import OrderRecord, OrderStatus, Step, StepKind
from chefline.ui.look.palette import THEME, Look
from chefline.ui.race.timeline_canvas import TimelineCanvas


def step_look(step: Step) -> Look:
    if step.kind is StepKind.CPU:
        return Look.WORKING
    return Look.BLOCKED if step.holds_chef else Look.ON_STOVE


def describe_order(order: OrderRecord, start: float) -> str:
    """Every phase of one order, in seconds since the race began, for a tooltip."""

    def at(t: float) -> str:
        return f"{t - start:.3f} s"

    translate = QCoreApplication.translate
    lines = [
        translate("OrderTimeline", "Order #{0}").format(order.index + 1),
        translate("OrderTimeline", "sent at {0}").format(at(order.sent)),
    ]
    if order.accepted is not None:
        waited = order.accepted - order.sent
        lines.append(
            translate("OrderTimeline", "picked up at {0} (waited {1:.3f} s)").format(
                at(order.accepted), waited
            )
        )
    for step in [*order.steps, *([order.open_step] if order.open_step else [])]:
        running = step is order.open_step
        what = {
            Look.WORKING: translate("OrderTimeline", "chef working"),
            Look.BLOCKED: translate("OrderTimeline", "chef stuck at the pot"),
            Look.ON_STOVE: translate("OrderTimeline", "on the stove, chef free"),
        }[step_look(step)]
        end = "…" if running else at(step.end)
        lines.append(f"{step.name}: {at(step.start)} → {end}  ({what})")
    if order.tokens:
        tokens = translate(
            "OrderTimeline", "first token at {0} (TTFT {1:.3f} s), {2} tokens, the last at {3}"
        )
        lines.append(tokens.format(
            at(order.tokens[0]), order.ttft, len(order.tokens), at(order.tokens[-1])
        ))  # fmt: skip
    if order.status is OrderStatus.SERVED and order.received is not None:
        total = order.received - order.sent
        lines.append(
            translate("OrderTimeline", "served at {0}, {1:.3f} s in all").format(
                at(order.received), total
            )
        )
    elif order.status is OrderStatus.FAILED:
        lines.append(translate("OrderTimeline", "failed: {0}").format(order.error))
    return "\n".join(lines)


MAX_TOKEN_TICKS = 64
"""Ticks drawn per answer at most: a long answer shows its pace, not every token."""

Piece = tuple[float, float, Look, bool]
"""A span to draw: start and end (seconds since the race began), its look, and whether it is
the thin bar of a reply on its way."""


def order_pieces(order: OrderRecord, start: float, clock: float, mark: float,
                 ) -> tuple[list[Piece], list[Piece]]:  # fmt: skip
    """The pieces of one order's lane that will never change, and those still growing."""
    final: list[Piece] = []
    growing: list[Piece] = []
    picked = order.accepted or order.received
    queue = (order.sent - start, (picked or clock) - start, Look.QUEUED, False)
    (final if picked is not None else growing).append(queue)
    final += [(s.start - start, s.end - start, step_look(s), False) for s in order.steps]
    if order.open_step is not None:
        step = order.open_step
        growing.append((step.start - start, clock - start, step_look(step), False))
    if order.tokens:  # an LLM answer: where the customer saw its first token, then the rest
        into = final if order.received is not None else growing
        t = order.tokens[0] - start
        into.append((t, t + mark, Look.FIRST_TOKEN, False))
        later = order.tokens[1:]
        stride = max(1, len(later) // MAX_TOKEN_TICKS)
        into += [(t - start, t - start + mark / 3, Look.FIRST_TOKEN, True) for t in later[::stride]]
    if order.received is not None:
        if order.done is not None:
            final.append((order.done - start, order.received - start, Look.DELIVERY, True))
        look = Look.SERVED if order.status is OrderStatus.SERVED else Look.FAILED
        t = order.received - start
        final.append((t, t + mark, look, False))
    return final, growing


class OrderTimelineView(TimelineCanvas):
    """Finished pieces of each lane are drawn once into a cached layer; a frame draws the
    layer and only the pieces still growing, so a 1000-order race stays cheap to animate."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._layer = QImage()
        self._layer_key: tuple[object, ...] | None = None
        self._drawn: dict[int, int] = {}
        """Per order, how many of its final pieces are already in the layer."""
        self._settled: set[int] = set()
        """Orders whose every piece is in the layer."""

    def lane_count(self) -> int:
        plan = self.session.plan
        return plan.arrivals.customers if plan is not None else 0

    def _fresh_layer(self, key: tuple[object, ...]) -> None:
        ratio = self.devicePixelRatioF()
        self._layer = QImage(round(self.width() * ratio), round(self.height() * ratio),
                             QImage.Format.Format_ARGB32_Premultiplied)  # fmt: skip
        self._layer.setDevicePixelRatio(ratio)
        self._layer.fill(Qt.GlobalColor.transparent)
        self._layer_key = key
        self._drawn, self._settled = {}, set()

    def paint_lanes(self, painter: QPainter) -> None:
        timeline = self.session.timelines[self.kitchen]
        start = self.origin()
        assert start is not None
        self.paint_labels(painter)
        key = (self.width(), self.height(), self.scale.start, self.scale.span, start,
               id(timeline), self.lane_count(), self.devicePixelRatioF())  # fmt: skip
        if key != self._layer_key:
            self._fresh_layer(key)
        clock = self.session.clock()
        mark = 4 / self._x_per_second  # the served/failed tick, 4 px wide at any zoom
        settling: dict[Look, list[QRectF]] = defaultdict(list)
        for index, order in timeline.orders.items():
            if index in self._settled:
                continue
            top, height = self.lane_geometry(index)
            final, growing = order_pieces(order, start, clock, mark)
            for piece in final[self._drawn.get(index, 0) :]:
                self.place(piece, top, height, settling)
            self._drawn[index] = len(final)
            for piece in growing:
                self.place(piece, top, height)
            if order.received is not None:
                self._settled.add(index)
        if settling:
            layer_painter = QPainter(self._layer)
            self.flush_spans(layer_painter, settling)
            layer_painter.end()
        painter.drawImage(0, 0, self._layer)

    def paint_now(self, painter: QPainter) -> None:
        super().paint_now(painter)
        replay = self.session.replay
        lanes = [order for kitchen, order in replay.highlight if kitchen == self.kitchen]
        if not replay.active or not lanes:
            return
        # The order a replay step landed on, framed, with a mark at the step's moment.
        painter.save()
        painter.setPen(QPen(QColor(THEME["accent"]), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        origin = self.origin()
        x = self.x_of(self.session.clock() - (origin or 0.0))
        for lane in lanes:
            top, height = self.lane_geometry(lane)
            painter.drawRect(QRectF(self._plot.left() - 3, top - 2, self._plot.width() + 6,
                                    height + 4))  # fmt: skip
            painter.drawLine(QPointF(x, top - 4), QPointF(x, top + height + 4))
        painter.restore()

    def place(self, piece: Piece, top: float, height: float,
              into: dict[Look, list[QRectF]] | None = None) -> None:  # fmt: skip
        t0, t1, look, thin = piece
        if thin:
            bar = max(height / 3, 1.0)
            top, height = top + (height - bar) / 2, bar
        self.fill_span(t0, t1, top, height, look, into)

    def paint_labels(self, painter: QPainter) -> None:
        pitch = self._plot.height() / max(self.lane_count(), 1)
        metrics = painter.fontMetrics()
        # Label every lane when there is room, else every 5th, 10th, 50th… so labels never touch.
        label_every = next(
            n for n in (1, 5, 10, 25, 50, 100, 1000) if n * pitch >= metrics.height()
        )
        painter.setPen(QColor(THEME["muted"]))
        plot = self._plot
        for index in range(0, self.lane_count(), label_every):
            top, height = self.lane_geometry(index)
            middle = top + height / 2 + metrics.ascent() / 2 - 1
            baseline = min(max(middle, plot.top() + metrics.ascent()), plot.bottom())
            painter.drawText(QPointF(6, baseline), f"#{index + 1}")

    def hover(self, event: QMouseEvent) -> None:
        timeline = self.session.timelines.get(self.kitchen)
        lane = self.lane_at(event.position().y())
        if timeline is None or lane is None or lane not in timeline.orders:
            QToolTip.hideText()
            return
        origin = self.origin()  # set once the race has started
        assert origin is not None
        text = describe_order(timeline.orders[lane], origin)
        QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def empty_text(self) -> str:
        return self.tr("Orders appear here, one lane each, as they happen")
