"""Draws the capacity curve: p95 against load with each kitchen's theory, and what it held.

One painter serves the window's view, the exported PNG and the SVG (``QSvgGenerator``), so
the picture ``chefline sweep --out`` writes is the window's own. Left, the p95 latency
against users (or customers a second), both axes logarithmic, each kitchen's theory dashed
in its colour and its knee ringed; right, the threads and the memory each kitchen held.
Kitchens differ by marker shape as well as colour (Okabe–Ito), for colour-blind eyes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from chefline.kitchen.capacity import (
    KNEE_FACTOR,
    Sweep,
    SweepAxis,
    SweepPoint,
    capacity_in_theory,
)
from chefline.kitchen.cost import MIB
from chefline.ui.look.palette import THEME
from chefline.ui.sweep.curve_texts import (
    CAPACITY,
    EMPTY,
    KNEE,
    KNEE_AT,
    LATENCY,
    MEMORY,
    NO_KNEE,
    NO_SWEEP,
    NOTE,
    RATE,
    SATURATED,
    SATURATES_AT,
    SKIPPED,
    STEADY,
    THREADS,
    TITLE,
    USERS,
    subtitle,
    tr,
)
from chefline.ui.sweep.log_axis import LogAxis, tick_text
from chefline.ui.sweep.markers import (
    Marker,
    draw_knee,
    draw_line,
    draw_mark,
    draw_racing,
    kitchen_mark,
)


@dataclass(frozen=True)
class Target:
    """Where a point was drawn, for its tooltip."""

    at: QPointF
    point: SweepPoint


class CurvePainter:
    """Paints a sweep (or as much as has run) into any ``QPainter`` and remembers where
    each point went (``targets``), so a view can tell what is under the pointer."""

    def __init__(self) -> None:
        self.targets: list[Target] = []

    def look(self, sweep: Sweep, kitchen: str) -> tuple[QColor, Marker]:
        index = sweep.spec.kitchens.index(kitchen) if kitchen in sweep.spec.kitchens else 0
        colour, marker = kitchen_mark(kitchen, index)
        return QColor(colour), marker

    def paint(self, painter: QPainter, rect: QRectF, sweep: Sweep | None,
              racing: tuple[str, float] | None = None) -> None:  # fmt: skip
        """``racing``: the kitchen and load whose race runs now (marked on its theory)."""
        self.targets = []
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(rect, QColor(THEME["panel"]))
        _fit_font(painter, rect)
        line = painter.fontMetrics().height()
        pad = line * 0.8
        inner = rect.adjusted(pad, pad * 0.6, -pad, -pad * 0.6)
        if sweep is None:
            top = self._title(painter, inner, None)
            painter.setPen(QColor(THEME["muted"]))
            hint = QRectF(inner.left(), top, inner.width(), inner.bottom() - top)
            painter.drawText(hint, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             tr(NO_SWEEP))  # fmt: skip
            painter.restore()
            return
        # What gives way when the room is small (large text, a projector): the note first,
        # then the subtitle, then the threads and memory beside the latency.
        need = 12 * line + self._legend(painter, inner, sweep, note=False, draw=False)
        note = self._legend(painter, inner, sweep, note=True, draw=False) - need + 12 * line
        room = inner.height() - 2.6 * line  # the title and the subtitle
        with_note, with_subtitle = room - need >= note, room >= need
        title_bottom = self._title(painter, inner, sweep if with_subtitle else None)
        legend_top = inner.bottom() - self._legend(painter, inner, sweep, note=with_note)
        area = QRectF(inner.left(), title_bottom + line * 0.4, inner.width(),
                      legend_top - title_bottom - line * 0.9)  # fmt: skip
        if area.height() < 4 * line:
            painter.restore()
            return
        cramped = area.height() < 14 * line  # two plots stacked would hold no curve
        if cramped or area.width() < 48 * painter.fontMetrics().averageCharWidth():
            self._latency(painter, area, sweep, racing)  # no room beside it
            painter.restore()
            return
        left = QRectF(area.left(), area.top(), area.width() * 0.6, area.height())
        right = QRectF(left.right() + line * 1.2, area.top(), 0, 0)
        right.setRight(area.right())
        right.setBottom(area.bottom())
        half = (right.height() - line * 0.8) / 2
        self._latency(painter, left, sweep, racing)
        self._held(
            painter,
            QRectF(right.left(), right.top(), right.width(), half),
            sweep,
            tr(THREADS),
            lambda p: None if p.threads is None else float(p.threads),
        )
        self._held(painter, QRectF(right.left(), right.bottom() - half, right.width(), half),
                   sweep, tr(MEMORY), _memory_mb)  # fmt: skip
        painter.restore()

    # -- the frame ----------------------------------------------------------------------------

    def _title(self, painter: QPainter, rect: QRectF, sweep: Sweep | None) -> float:
        """The title, and the sweep's subtitle (none for None); returns their bottom."""
        plain = QFont(painter.font())
        font = _scaled(plain, 1.35)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(THEME["text"]))
        height = painter.fontMetrics().height()
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            tr(TITLE),
        )
        painter.setFont(plain)
        line = painter.fontMetrics().height()
        top = rect.top() + height
        if sweep is not None:
            painter.setPen(QColor(THEME["muted"]))
            text = painter.fontMetrics().elidedText(
                subtitle(sweep), Qt.TextElideMode.ElideRight, int(rect.width())
            )
            painter.drawText(QRectF(rect.left(), top, rect.width(), line),
                             Qt.AlignmentFlag.AlignLeft, text)  # fmt: skip
            top += line
        return top

    def _legend(self, painter: QPainter, rect: QRectF, sweep: Sweep, *, note: bool,
                draw: bool = True) -> float:  # fmt: skip
        """Kitchens at the bottom of ``rect``, wrapping, and the note under them when
        ``note``; returns the height they take (drawn only when ``draw``)."""
        metrics = painter.fontMetrics()
        line = metrics.height()
        text = tr(NOTE)
        note_lines = math.ceil(metrics.horizontalAdvance(text) / max(rect.width(), 1)) * note
        entries = [(name, self._legend_text(sweep, name)) for name in sweep.spec.kitchens]
        widths = [metrics.horizontalAdvance(text) + line * 2.6 for _, text in entries]
        rows: list[list[int]] = [[]]
        used = 0.0
        for index, width in enumerate(widths):
            if rows[-1] and used + width > rect.width():
                rows.append([])
                used = 0.0
            rows[-1].append(index)
            used += width
        height = (len(rows) + note_lines) * line * 1.15
        if not draw:
            return height
        y = rect.bottom() - height
        for row in rows:
            x = rect.left()
            for index in row:
                name, label = entries[index]
                colour, marker = self.look(sweep, name)
                draw_mark(painter, QPointF(x + line * 0.6, y + line * 0.55), colour, marker,
                           line * 0.3, filled=True)  # fmt: skip
                painter.setPen(QColor(THEME["text"]))
                painter.drawText(QRectF(x + line * 1.3, y, widths[index], line),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 label)  # fmt: skip
                x += widths[index]
            y += line * 1.15
        if note:
            painter.setPen(QColor(THEME["muted"]))
            painter.drawText(QRectF(rect.left(), y, rect.width(), note_lines * line * 1.15),
                             Qt.TextFlag.TextWordWrap, text)  # fmt: skip
        return height

    def _legend_text(self, sweep: Sweep, name: str) -> str:
        axis = sweep.spec.axis
        knee = sweep.knee(name)
        parts = [name]
        if knee is not None:
            text = SATURATES_AT if axis is SweepAxis.RATE else KNEE_AT
            parts.append(tr(text).format(_load(axis, knee.x)))
        elif sweep.curve(name) and not sweep.skipped(name):
            parts.append(tr(STEADY if axis is SweepAxis.RATE else NO_KNEE))
        skipped = sweep.skipped(name)
        if skipped:
            parts.append(tr(SKIPPED).format(_load(axis, skipped[0].x)))
        return " · ".join(parts)

    def _axes(self, painter: QPainter, rect: QRectF, title: str, x: LogAxis, y: LogAxis,
              x_title: str, y_unit: str) -> tuple[QRectF, LogAxis, LogAxis]:  # fmt: skip
        """A frame with its grid, ticks and titles; the plot's rectangle and its axes."""
        metrics = painter.fontMetrics()
        line = metrics.height()
        label = max(metrics.horizontalAdvance(tick_text(t, y_unit)) for t in y.ticks())
        plot = QRectF(rect.left() + label + line * 0.6, rect.top() + line * 1.3, 0, 0)
        plot.setRight(rect.right() - line * 0.6)
        plot.setBottom(rect.bottom() - line * 2.3)
        painter.setPen(QColor(THEME["text"]))
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft, metrics.elidedText(
                             title, Qt.TextElideMode.ElideRight, int(rect.width())))  # fmt: skip
        inset = line * 0.7  # the first and last loads' marks clear of the frame
        x, y = x.on(plot.left() + inset, plot.right() - inset), y.on(plot.bottom(), plot.top())
        grid, muted = QPen(QColor(THEME["grid"]), 1), QColor(THEME["muted"])
        for tick in x.ticks():
            px = x.pos(tick)
            painter.setPen(grid)
            painter.drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()))
            painter.setPen(muted)
            painter.drawText(QRectF(px - 40, plot.bottom() + 2, 80, line),
                             Qt.AlignmentFlag.AlignHCenter, tick_text(tick))  # fmt: skip
        for tick in y.ticks():
            py = y.pos(tick)
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), py), QPointF(plot.right(), py))
            painter.setPen(muted)
            painter.drawText(QRectF(rect.left(), py - line / 2, label, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             tick_text(tick, y_unit))  # fmt: skip
        painter.setPen(QPen(QColor(THEME["border"]), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(plot)
        painter.setPen(muted)
        painter.drawText(QRectF(plot.left(), plot.bottom() + line * 1.1, plot.width(), line),
                         Qt.AlignmentFlag.AlignHCenter, metrics.elidedText(
                             x_title, Qt.TextElideMode.ElideRight, int(plot.width())))  # fmt: skip
        return plot, x, y

    # -- the plots ----------------------------------------------------------------------------

    def _x_axis(self, sweep: Sweep) -> tuple[LogAxis, str]:
        title = tr(RATE) if sweep.spec.axis is SweepAxis.RATE else tr(USERS)
        return LogAxis.snug(sweep.spec.steps, floor=0.1), title

    def _latency(self, painter: QPainter, rect: QRectF, sweep: Sweep,
                 racing: tuple[str, float] | None) -> None:  # fmt: skip
        one = sweep.spec.one_order
        seen = [y for line in sweep.theory.values() for _, y in line]
        seen += [p.p95 for p in sweep.points if p.p95 is not None]
        seen.append(KNEE_FACTOR * one)
        x_axis, x_title = self._x_axis(sweep)
        plot, x, y = self._axes(painter, rect, tr(LATENCY), x_axis,
                                LogAxis.spanning(seen, floor=0.01), x_title, "s")  # fmt: skip
        painter.setClipRect(plot.adjusted(-8, -8, 8, 8))
        if sweep.spec.axis is SweepAxis.RATE:  # saturation is where the capacity is passed
            self._capacities(painter, plot, sweep, x)
        else:  # the knee's threshold, across the plot
            knee_y = y.pos(KNEE_FACTOR * one)
            painter.setPen(QPen(QColor(THEME["muted"]), 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), knee_y), QPointF(plot.right(), knee_y))
        for name in sweep.spec.kitchens:
            colour, marker = self.look(sweep, name)
            theory = sweep.theory.get(name, [])
            draw_line(painter, [QPointF(x.pos(a), y.pos(b)) for a, b in theory], colour,
                       Qt.PenStyle.DashLine, 1.5)  # fmt: skip
            curve = [p for p in sweep.curve(name) if p.p95 is not None]
            spots = [QPointF(x.pos(p.x), y.pos(p.p95 or 0.0)) for p in curve]
            draw_line(painter, spots, colour, Qt.PenStyle.SolidLine, 2.5)
            for point, spot in zip(curve, spots, strict=True):
                draw_mark(painter, spot, colour, marker, 5.5, filled=True)
                self.targets.append(Target(spot, point))
            on_theory = dict(theory)
            for skip in sweep.skipped(name):  # where the theory says it would be: hollow
                if skip.x in on_theory:
                    spot = QPointF(x.pos(skip.x), y.pos(on_theory[skip.x]))
                    draw_mark(painter, spot, colour, marker, 5.0, filled=False)
            knee = sweep.knee(name)
            if knee is not None and knee.p95 is not None:
                label = tr(SATURATED if sweep.spec.axis is SweepAxis.RATE else KNEE)
                draw_knee(painter, QPointF(x.pos(knee.x), y.pos(knee.p95)), colour, label, plot)
            if racing is not None and racing[0] == name:
                at = dict(theory).get(racing[1])
                if at is not None:
                    draw_racing(painter, QPointF(x.pos(racing[1]), y.pos(at)), colour)
        painter.setClipping(False)
        if not sweep.points and racing is None:
            painter.setPen(QColor(THEME["muted"]))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, tr(EMPTY))

    def _held(self, painter: QPainter, rect: QRectF, sweep: Sweep, title: str,
              value: Callable[[SweepPoint], float | None]) -> None:  # fmt: skip
        known = [v for p in sweep.points if (v := value(p)) is not None and v > 0]
        x_axis, x_title = self._x_axis(sweep)
        y_axis = LogAxis.spanning(known or [1.0, 10.0], floor=0.1 if value is _memory_mb else 1)
        plot, x, y = self._axes(painter, rect, title, x_axis, y_axis, x_title, "")
        painter.setClipRect(plot.adjusted(-8, -8, 8, 8))
        for name in sweep.spec.kitchens:
            colour, marker = self.look(sweep, name)
            curve = [p for p in sweep.curve(name) if value(p) is not None]
            spots = [QPointF(x.pos(p.x), y.pos(value(p) or 0.0)) for p in curve]
            draw_line(painter, spots, colour, Qt.PenStyle.SolidLine, 2.0)
            for point, spot in zip(curve, spots, strict=True):
                hollow = value is _memory_mb and point.in_app
                draw_mark(painter, spot, colour, marker, 4.5, filled=not hollow)
                self.targets.append(Target(spot, point))
        painter.setClipping(False)

    def _capacities(self, painter: QPainter, plot: QRectF, sweep: Sweep, x: LogAxis) -> None:
        """Each kitchen's capacity in theory, as a thin line up the rate axis."""
        line = painter.fontMetrics().height()
        for row, name in enumerate(sweep.spec.kitchens):
            capacity = capacity_in_theory(sweep.spec, name)
            if capacity is None or not x.low <= capacity <= x.high:
                continue
            colour, _ = self.look(sweep, name)
            px = x.pos(capacity)
            painter.setPen(QPen(colour, 1.2, Qt.PenStyle.DashDotLine))
            painter.drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()))
            painter.setPen(colour)
            painter.drawText(QRectF(px + 4, plot.top() + 2 + row * line, 240, line),
                             Qt.AlignmentFlag.AlignLeft,
                             tr(CAPACITY).format(capacity))  # fmt: skip

    def nearest(self, pos: QPointF, within: float = 10.0) -> SweepPoint | None:
        """The point drawn nearest ``pos``, if one is within ``within`` pixels."""
        best, distance = None, within
        for target in self.targets:
            d = math.hypot(target.at.x() - pos.x(), target.at.y() - pos.y())
            if d <= distance:
                best, distance = target.point, d
        return best


def _scaled(font: QFont, factor: float) -> QFont:
    """``font`` ``factor`` times larger, whether it is sized in points or in pixels."""
    bigger = QFont(font)
    if font.pixelSize() > 0:
        bigger.setPixelSize(max(1, round(font.pixelSize() * factor)))
    else:
        bigger.setPointSizeF(font.pointSizeF() * factor)
    return bigger


def _fit_font(painter: QPainter, rect: QRectF) -> None:
    """Text no taller than a 22nd of the picture (and no smaller than 15 px a line): at the
    largest text size on a projector the curve keeps room to be a curve, and what does not
    fit then gives way (the window's own fields keep the large text)."""
    most = max(15.0, rect.height() / 22)
    height = painter.fontMetrics().height()
    if height > most:
        painter.setFont(_scaled(painter.font(), most / height))


def _memory_mb(point: SweepPoint) -> float | None:
    held = point.held_memory
    return None if held is None else held / MIB


def _load(axis: SweepAxis, x: float) -> str:
    return f"{x:g}/s" if axis is SweepAxis.RATE else f"{x:g}"
