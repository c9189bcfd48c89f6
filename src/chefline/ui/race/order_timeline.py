"""One lane per order: waiting for a chef, chef working, dish on the stove, served."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QToolTip

from chefline.kitchen.order import OrderRecord, OrderStatus, Step, StepKind
from chefline.texts import seconds_text
from chefline.ui.look.palette import THEME, Look
from chefline.ui.race import kitchen_clock
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
    if order.received is not None:
        if order.done is not None:
            final.append((order.done - start, order.received - start, Look.DELIVERY, True))
        look = Look.SERVED if order.status is OrderStatus.SERVED else Look.FAILED
        t = order.received - start
        final.append((t, t + mark, look, False))
    return final, growing


def token_stride(max_tokens: int) -> int:
    """Every how many tokens an answer of at most ``max_tokens`` gets a tick."""
    return max(1, (max_tokens - 1) // MAX_TOKEN_TICKS)


def token_pieces(order: OrderRecord, start: float, mark: float, stride: int,
                 first: int = 0) -> list[Piece]:  # fmt: skip
    """An LLM answer's marks from its token ``first`` on: where the customer saw the first
    token, then a thin tick every ``stride`` tokens. A token's mark never changes, so a live
    answer's marks go into the cached layer as they come, each drawn once."""
    pieces: list[Piece] = []
    for index in range(first, len(order.tokens)):
        t = order.tokens[index] - start
        if index == 0:
            pieces.append((t, t + mark, Look.FIRST_TOKEN, False))
        elif (index - 1) % stride == 0:
            pieces.append((t, t + mark / 3, Look.FIRST_TOKEN, True))
    return pieces


class OrderTimelineView(TimelineCanvas):
    """Finished pieces of each lane are drawn once into a cached layer (and the tokens of
    LLM answers into one above it); a frame draws the layers and only the pieces still
    growing, so a 1000-order race, or 100 answers of 32 tokens, stays cheap to animate."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._layer = QImage()
        self._marks = QImage()
        """The answers' token marks, drawn over the lanes and what still grows on them."""
        self._layer_key: tuple[object, ...] | None = None
        self._drawn: dict[int, int] = {}
        """Per order, how many of its final pieces are already in the layer."""
        self._tokens_drawn: dict[int, int] = {}
        """Per order, how many of its tokens are already marked in the layer."""
        self._growing: dict[int, tuple[object, list[tuple[float, Look, bool]]]] = {}
        """Per order, what it was at the last frame and the pieces that grew to "now" then."""
        self._geometry: dict[int, tuple[float, float]] = {}
        self._settled: set[int] = set()
        """Orders whose every piece is in the layer."""

    def lane_count(self) -> int:
        plan = self.session.plan
        return plan.arrivals.customers if plan is not None else 0

    def _fresh_layer(self, key: tuple[object, ...]) -> None:
        self._layer, self._marks = self._transparent_image(), self._transparent_image()
        self._layer_key = key
        self._drawn, self._tokens_drawn, self._settled = {}, {}, set()
        self._growing, self._geometry = {}, {}

    def _transparent_image(self) -> QImage:
        ratio = self.devicePixelRatioF()
        image = QImage(round(self.width() * ratio), round(self.height() * ratio),
                       QImage.Format.Format_ARGB32_Premultiplied)  # fmt: skip
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        return image

    def _lane_geometry(self, lane: int) -> tuple[float, float]:
        """``lane_geometry``, kept with the layer (they change together)."""
        geometry = self._geometry.get(lane)
        if geometry is None:
            geometry = self._geometry[lane] = self.lane_geometry(lane)
        return geometry

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
        plan = self.session.plan
        stride = token_stride(plan.chat.max_tokens if plan and plan.chat else 1)
        settling: dict[Look, list[QRectF]] = defaultdict(list)
        marking: dict[Look, list[QRectF]] = defaultdict(list)
        spans, left, right = self._spans, self._plot.left(), self._plot.right()
        x_origin, per_second = self._x_origin, self._x_per_second
        x_now = min(x_origin + (clock - start) * per_second, right)
        for index, order in timeline.orders.items():
            if index in self._settled:
                continue
            top, height = self._lane_geometry(index)
            # An order with no news since the last frame only grows: reuse its pieces.
            news = (order.accepted, len(order.steps), order.open_step, order.received)
            seen = self._growing.get(index)
            if seen is not None and seen[0] == news:
                # The common case, hundreds of times a frame: the same pieces, grown to now,
                # placed here at once (a call per piece was most of a crowded frame's time).
                for t0, look, thin in seen[1]:
                    x0 = max(x_origin + t0 * per_second, left)
                    if x0 <= right and x_now >= left:  # as ``fill_span`` clips it
                        bar = max(height / 3, 1.0) if thin else height  # as ``place`` draws it
                        spans[look].append(QRectF(x0, top + (height - bar) / 2,
                                                  max(x_now - x0, 1.0), bar))  # fmt: skip
                growing: list[Piece] = []
            else:
                final, growing = order_pieces(order, start, clock, mark)
                if order.received is not None:
                    # Done: the whole lane once more, each pixel in the look that took most of
                    # it (a 0.2 ms prep is not a pixel of "working" at the start of each wait).
                    self.place_lane(final, top, height, settling)
                else:
                    for piece in final[self._drawn.get(index, 0) :]:
                        self.place(piece, top, height, settling)
                self._drawn[index] = len(final)
                self._growing[index] = (news, [(t0, look, thin) for t0, _, look, thin in growing])
            if order.tokens:
                first = self._tokens_drawn.get(index, 0)
                for piece in token_pieces(order, start, mark, stride, first):
                    self.place(piece, top, height, marking)
                self._tokens_drawn[index] = len(order.tokens)
            for piece in growing:
                self.place(piece, top, height)
            if order.received is not None:
                self._settled.add(index)
        for layer, spans in ((self._layer, settling), (self._marks, marking)):
            if spans:
                layer_painter = QPainter(layer)
                self.flush_spans(layer_painter, spans)
                layer_painter.end()
        painter.drawImage(0, 0, self._layer)
        self.flush_spans(painter)  # the pieces still growing, over the finished ones
        painter.drawImage(0, 0, self._marks)  # and the answers' tokens over everything

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

    def paint_inset(self, painter: QPainter) -> None:
        """A kitchen that finished ten times sooner than the slowest is a sliver on the shared
        axis: its lanes are drawn again, over the empty part of its plot, on an axis of its
        own from 0 to its makespan, and labelled so."""
        own = kitchen_clock.inset_span(self.session, self.kitchen)
        start = self.origin()
        timeline = self.session.timelines.get(self.kitchen)
        if own is None or start is None or timeline is None:
            return
        plot = self._plot
        left = max(self.x_of(own) + 16, plot.left() + plot.width() * 0.3)
        metrics = painter.fontMetrics()
        title = self.tr("own axis: 0 to {0}").format(seconds_text(own))
        if plot.right() - left < metrics.horizontalAdvance(title) + 12:
            return
        box = QRectF(left, plot.top(), plot.right() - left, plot.height())
        painter.save()
        painter.fillRect(box, QColor(THEME["card"]))
        painter.setPen(QPen(QColor(THEME["border"]), 1))
        painter.drawRect(box)
        painter.setPen(QColor(THEME["text"]))
        painter.drawText(QPointF(box.left() + 6, box.top() + metrics.ascent() + 2), title)
        inner = box.adjusted(6, metrics.height() + 6, -6, -4)
        saved = (self._plot, self._x_origin, self._x_per_second)
        self._plot, self._x_origin = inner, inner.left()
        self._x_per_second = inner.width() / own
        mark = 3 / self._x_per_second
        plan = self.session.plan
        stride = token_stride(plan.chat.max_tokens if plan and plan.chat else 1)
        clock = self.session.clock()
        for index, order in timeline.orders.items():
            top, height = self.lane_geometry(index)
            final, growing = order_pieces(order, start, clock, mark)
            for piece in [*final, *growing, *token_pieces(order, start, mark, stride)]:
                self.place(piece, top, height)
        self.flush_spans(painter)
        self._plot, self._x_origin, self._x_per_second = saved
        painter.restore()

    def place_lane(self, pieces: list[Piece], top: float, height: float,
                   into: dict[Look, list[QRectF]]) -> None:  # fmt: skip
        """A finished order's lane: its pieces by pixel (``fill_lane``), the reply's thin
        bar on its way over them."""
        solid = sorted((t0, t1, look) for t0, t1, look, thin in pieces if not thin)
        self.fill_lane(solid, top, height, into)
        for piece in pieces:
            if piece[3]:
                self.place(piece, top, height, into)

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
