"""What the order timeline and the chef lanes share: a time axis, lanes, zoom, pan, "now"."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from chefline.texts import seconds_text
from chefline.ui.look.palette import THEME, Look, brushes
from chefline.ui.race import kitchen_clock
from chefline.ui.race.lane_density import dominant_runs
from chefline.ui.race.time_scale import TimeScale
from chefline.ui.session import RaceSession


def nice_step(span: float, target_ticks: int = 6) -> float:
    """A tick step of 1, 2 or 5 × 10^k seconds giving about ``target_ticks`` ticks."""
    raw = span / max(target_ticks, 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * magnitude:
            return multiple * magnitude
    return 10 * magnitude


def format_seconds(value: float, step: float) -> str:
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    return seconds_text(value, decimals)


def axis_step(span: float, width: float, advance: Callable[[str], float]) -> float:
    """The tick step for ``span`` seconds across ``width`` pixels whose labels never touch:
    ``nice_step``'s, widened until the widest label and a gap fit between two ticks
    ("0.00.2 s" and "150 s200 s" collided on a narrow panel)."""
    ticks = 8
    while True:
        step = nice_step(span, ticks)
        labels = (format_seconds(span, step), format_seconds(step, step))
        room = width * step / max(span, 1e-9)
        if ticks <= 1 or room >= max(advance(label) for label in labels) * 1.4:
            return step
        ticks -= 1


class TimelineCanvas(QWidget):
    """Base of the lane views: subclasses say how many lanes and paint each one."""

    LEFT = 64
    TOP = 24
    RIGHT = 12
    BOTTOM = 6

    def __init__(
        self, session: RaceSession, kitchen: str, scale: TimeScale, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.kitchen = kitchen
        self.scale = scale
        self._drag_from: float | None = None
        # Geometry is read thousands of times per frame: computed once per paint or event.
        self._plot = QRectF()
        self._x_origin = 0.0
        self._x_per_second = 1.0
        self._spans: dict[Look, list[QRectF]] = defaultdict(list)
        self._axis_key: tuple[object, ...] = ()
        self._axis_step = 1.0
        self.setMouseTracking(True)
        # Every paint fills the whole widget: Qt need not repaint the styled panel beneath.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumHeight(40)  # gives way on a small screen; the lanes share what is left
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.rest = kitchen_clock.RestWatch(session, kitchen)
        session.sig_frame.connect(self._on_frame)
        session.sig_cleared.connect(self.update)
        scale.sig_changed.connect(self.update)

    def _on_frame(self) -> None:
        if not self.rest.unchanged():
            self.update()

    # -- geometry ---------------------------------------------------------------------------

    def _measure(self) -> None:
        self._plot = QRectF(self.rect()).adjusted(self.LEFT, self.TOP, -self.RIGHT, -self.BOTTOM)
        self._x_per_second = self._plot.width() / self.scale.span
        self._x_origin = self._plot.left() - self.scale.start * self._x_per_second

    def plot_rect(self) -> QRectF:
        self._measure()
        return QRectF(self._plot)

    def x_of(self, seconds: float) -> float:
        """Where time ``seconds`` (since the race began) is, as of the last ``_measure``."""
        return self._x_origin + seconds * self._x_per_second

    def seconds_at(self, x: float) -> float:
        plot = self.plot_rect()
        return self.scale.start + (x - plot.left()) / max(plot.width(), 1.0) * self.scale.span

    def lane_count(self) -> int:
        raise NotImplementedError

    def lane_geometry(self, lane: int) -> tuple[float, float]:
        """Top and height of a lane's bar, with a gap between lanes when there is room."""
        plot = self._plot
        pitch = plot.height() / max(self.lane_count(), 1)
        gap = 1.0 if pitch >= 4 else 0.0
        pitch_cap = min(pitch, 28.0)
        return plot.top() + lane * pitch + (pitch - pitch_cap) / 2, max(pitch_cap - gap, 1.0)

    def lane_at(self, y: float) -> int | None:
        plot = self.plot_rect()
        count = self.lane_count()
        if count == 0 or not plot.top() <= y < plot.bottom():
            return None
        return min(int((y - plot.top()) / (plot.height() / count)), count - 1)

    # -- painting ---------------------------------------------------------------------------

    def fill_span(self, t0: float, t1: float, top: float, height: float, look: Look,
                  into: dict[Look, list[QRectF]] | None = None) -> None:  # fmt: skip
        """Fill time t0..t1 (seconds since the race began) of one lane with a phase's look.

        Spans are collected and drawn together by ``flush_spans``: one Qt call per look instead
        of one per span keeps a frame of a thousand orders within a few milliseconds.
        """
        left, right = self._plot.left(), self._plot.right()
        x0 = max(self._x_origin + t0 * self._x_per_second, left)
        x1 = min(self._x_origin + t1 * self._x_per_second, right)
        if x1 < left or x0 > right:
            return
        spans = self._spans if into is None else into
        spans[look].append(QRectF(x0, top, max(x1 - x0, 1.0), height))

    def fill_lane(self, pieces: Iterable[tuple[float, float, Look]], top: float, height: float,
                  into: dict[Look, list[QRectF]] | None = None) -> None:  # fmt: skip
        """A whole lane's pieces (seconds since the race began, in time order, not
        overlapping), each pixel in the look that took most of it (``lane_density``)."""
        left, right = self._plot.left(), self._plot.right()
        spans = self._spans if into is None else into
        for x0, x1, look in dominant_runs(pieces, self.x_of):
            x0, x1 = max(x0, left), min(x1, right)
            if x1 > x0:
                spans[look].append(QRectF(x0, top, x1 - x0, height))

    def flush_spans(self, painter: QPainter, spans: dict[Look, list[QRectF]] | None = None) -> None:
        spans = self._spans if spans is None else spans
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        for look in Look:
            rects = spans.pop(look, None)
            if not rects:
                continue
            fill, pattern = brushes(look)
            painter.setBrush(fill)
            painter.drawRects(rects)
            if pattern is not None:  # a pattern reads only on a lane three pixels tall
                painter.setBrush(pattern)
                # A view's lanes are all as tall: the first says for the rest.
                painter.drawRects(rects if rects[0].height() >= 3 else [])
        painter.restore()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._measure()
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(THEME["panel"]))
        self.paint_axis(painter)
        timeline = self.session.timelines.get(self.kitchen)
        if timeline is None or self.session.race_start is None or self.lane_count() == 0:
            self.paint_empty(painter)
        else:
            painter.save()
            painter.setClipRect(self._plot.adjusted(-self.LEFT, 0, 0, 0))
            self.paint_lanes(painter)
            self.flush_spans(painter)
            painter.restore()
            self.paint_now(painter)
            self.paint_inset(painter)
        painter.end()

    def paint_inset(self, painter: QPainter) -> None:
        """Lanes drawn again on an axis of their own (subclasses that have them)."""

    def paint_empty(self, painter: QPainter) -> None:
        painter.setPen(QColor(THEME["muted"]))
        text = self.empty_text()
        if kitchen_clock.waiting_turn(self.session, self.kitchen):
            text = QCoreApplication.translate(
                "TimelineCanvas", "Waiting its turn: one kitchen at a time, each has the machine"
            )
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(self._plot, int(flags), text)

    def empty_text(self) -> str:
        return self.tr("Press Serve to send the orders")

    def paint_lanes(self, painter: QPainter) -> None:
        raise NotImplementedError

    def paint_axis(self, painter: QPainter) -> None:
        plot = self._plot
        metrics = painter.fontMetrics()
        key = (self.scale.span, plot.width(), painter.font().key(), seconds_text(1.0))
        if key != self._axis_key:  # measuring labels each frame cost a millisecond a view
            self._axis_key = key
            self._axis_step = axis_step(self.scale.span, plot.width(), metrics.horizontalAdvance)
        step = self._axis_step
        first = math.ceil(self.scale.start / step) * step
        painter.setPen(QPen(QColor(THEME["grid"]), 1))
        tick = first
        while tick <= self.scale.end + 1e-9:
            x = self.x_of(tick)
            painter.setPen(QPen(QColor(THEME["grid"]), 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            label = format_seconds(tick, step)
            painter.setPen(QColor(THEME["muted"]))
            width = metrics.horizontalAdvance(label)
            x_text = min(max(x - width / 2, plot.left()), plot.right() - width)
            painter.drawText(QPointF(x_text, plot.top() - 6), label)
            tick += step

    def origin(self) -> float | None:
        """Where this kitchen's time axis starts: the race's start, or its own first order
        when kitchens take turns (each race drawn from its own start)."""
        return kitchen_clock.origin(self.session, self.kitchen)

    def paint_now(self, painter: QPainter) -> None:
        if not self.session.live:
            return
        cooking_for = kitchen_clock.cooking_for(self.session, self.kitchen)
        timeline = self.session.timelines.get(self.kitchen)
        if cooking_for is None or timeline is None:
            return
        if kitchen_clock.finished(self.session, timeline):
            return  # this kitchen is done: its "now" stays with the others' lanes
        x = self.x_of(cooking_for)
        plot = self._plot
        if plot.left() <= x <= plot.right():
            painter.setPen(QPen(QColor(THEME["now"]), 2))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))

    # -- zoom and pan -----------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.scale.zoom(0.85**steps, self.seconds_at(event.position().x()))
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.position().x()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            x = event.position().x()
            plot = self.plot_rect()
            self.scale.pan((self._drag_from - x) / max(plot.width(), 1) * self.scale.span)
            self._drag_from = x
        else:
            self.hover(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_from = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.scale.reset()

    def hover(self, event: QMouseEvent) -> None:
        """Show details of what is under the mouse; subclasses override."""
