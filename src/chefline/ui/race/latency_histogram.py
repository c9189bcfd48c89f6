"""How long customers spent in each restaurant: one row per kitchen over one shared time axis.

One chef's long tail and the async kitchen's tight peak line up because every row bins the
same seconds; each row is scaled to its own tallest bin so a spread-out kitchen still shows.
The drawer draws from the records only while it is shown, during a race every fourth frame at
most (less often if drawing a big race takes long), into a picture that each repaint reuses.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QWidget

from chefline.kitchen.histogram import SharedHistogram, nice_ceiling, shared_histogram
from chefline.kitchen.stats import percentile
from chefline.texts import SECONDS, translate
from chefline.ui.look.palette import THEME
from chefline.ui.look.retranslating import Retranslating
from chefline.ui.race.timeline_canvas import format_seconds, nice_step
from chefline.ui.session import RaceSession

KITCHEN_LOOKS: tuple[tuple[str, Qt.BrushStyle], ...] = (
    ("#0072B2", Qt.BrushStyle.SolidPattern),
    ("#E69F00", Qt.BrushStyle.BDiagPattern),
    ("#009E73", Qt.BrushStyle.Dense5Pattern),
    ("#6A3D9A", Qt.BrushStyle.FDiagPattern),  # not the pink of a failed order
    ("#D55E00", Qt.BrushStyle.CrossPattern),
    ("#56B4E9", Qt.BrushStyle.Dense3Pattern),
    ("#F0E442", Qt.BrushStyle.HorPattern),
)
"""Okabe–Ito colours, as in the rest of the app, each kitchen with a pattern of its own too."""

MARKS = ((50, Qt.PenStyle.DotLine), (95, Qt.PenStyle.DashLine), (99, Qt.PenStyle.SolidLine))
"""Percentiles marked on each row, told apart by their line as well as their label."""


def percentiles_text(values: list[float], marks: dict[int, float | None] | None = None) -> str:
    """ "p50 0.41 s · p95 1.20 s · p99 1.31 s" of a row (``marks``: already computed)."""
    if marks is None:
        ordered = sorted(values)
        marks = {q: percentile(ordered, q) for q, _ in MARKS}
    known = [f"p{q} {value:.2f}" for q, value in marks.items() if value is not None]
    return translate("Units", SECONDS).format(" · ".join(known)) if known else "–"


class LatencyHistogram(Retranslating, QWidget):
    """A drawer over the bottom of ``host`` (the kitchens), so showing it never resizes the
    window: on a 1280×720 screen the kitchens have no height to give up."""

    BIN_PIXELS = 12
    """About this wide a bin: fine enough for a tail, coarse enough to count."""
    SHARE = (0.4, 0.6)
    """The least and the most of the host's height the drawer covers."""
    LIVE_EVERY = 4
    """Frames between redraws while a race runs (a tenth of a second): bars grow as dishes
    are served, and the GUI thread stays free for the kitchens' lanes."""

    def __init__(self, session: RaceSession, host: QWidget) -> None:
        super().__init__(host)
        self.session = session
        self.host = host
        self.setObjectName("latencyHistogram")
        self.setAutoFillBackground(True)
        self.histogram: SharedHistogram | None = None
        self._title = self._empty = ""
        # Painted once into a picture per change of the records, size, font or theme.
        self._picture = QPixmap()
        self._picture_key: tuple[object, ...] = ()
        self._version = self._frames = 0
        self._every = self.LIVE_EVERY
        session.sig_frame.connect(self._on_frame)
        for signal in (session.sig_cleared, session.sig_race_started):
            signal.connect(self._changed)
        session.sig_race_finished.connect(self._changed)
        # New kitchen panels are stacked above it: come back on top once they are built.
        session.sig_kitchens_changed.connect(lambda: QTimer.singleShot(0, self._place))
        host.installEventFilter(self)
        self.hide()
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        area = self.host.rect()
        least, most = (share * area.height() for share in self.SHARE)
        height = int(min(max(self.sizeHint().height(), least), most))
        self.setGeometry(0, area.height() - height, area.width(), height)
        self.raise_()

    def retranslate(self) -> None:
        self._title = self.tr(
            "Time in the restaurant, from order to dish: how many served customers took how "
            "long, every kitchen on the same axis"
        )
        self._empty = self.tr("No dish served yet: the histogram fills as orders are served.")
        self.setToolTip(
            self.tr("Each row is one kitchen, scaled to its tallest bar; p50, p95, p99 marked")
        )
        self._changed()

    def toggle(self) -> None:
        """H: show or hide the drawer."""
        if self.isVisible():
            self.hide()
            return
        self._place()
        self.show()

    def _changed(self, *_: object) -> None:
        self._version += 1
        if self.isVisible():  # a hidden drawer costs nothing during a race
            self.update()

    def _on_frame(self) -> None:
        self._frames += 1
        if not self.session.live or self._frames % self._every == 0:
            self._changed()

    def _kitchens(self) -> list[str]:
        return list(self.session.timelines) or self.session.mode_names

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        rows = max(len(self._kitchens()), 2)
        return QSize(640, int(line * (3.3 + 2.4 * rows)))

    def latencies(self) -> dict[str, list[float]]:
        timelines = self.session.timelines
        return {name: timelines[name].latencies() if name in timelines else []
                for name in self._kitchens()}  # fmt: skip

    def compute(self, width: float, latencies: dict[str, list[float]]) -> SharedHistogram:
        """The histogram the panel shows at ``width`` pixels of plot."""
        slowest = max((max(v, default=0.0) for v in latencies.values()), default=0.0)
        if self.session.live:  # the axis a race will need, so it does not jump as it fills
            expected = [t.expected_makespan or 0.0 for t in self.session.timelines.values()]
            slowest = max([slowest, *expected])
        bins = int(min(max(width / self.BIN_PIXELS, 10), 80))
        return shared_histogram(latencies, bins, nice_ceiling(slowest))

    def paintEvent(self, event: QPaintEvent) -> None:
        ratio = self.devicePixelRatioF()
        key = (self.size().toTuple(), ratio, self.font().key(), tuple(THEME.values()),
               self._version)  # fmt: skip
        if key != self._picture_key:
            began = time.perf_counter()
            self._picture = QPixmap(self.size() * ratio)
            self._picture.setDevicePixelRatio(ratio)
            painter = QPainter(self._picture)
            painter.setFont(self.font())
            self.paint(painter, QRectF(self.rect()))
            painter.end()
            self._picture_key = key
            # A big race (many kitchens, a thousand orders) takes longer to draw: draw it less
            # often, so that drawing never takes more than about a tenth of the frames' time.
            spent_ms = (time.perf_counter() - began) * 1000
            self._every = max(self.LIVE_EVERY, math.ceil(spent_ms / 2.5))
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)
        painter.end()

    def render_image(self, width: int, pixel_ratio: float = 1.0) -> QImage:
        """The drawer as a picture ``width`` logical pixels wide, shown or not (for the
        exported PNG); ``pixel_ratio`` matches the picture it goes under on a HiDPI screen."""
        height = self.sizeHint().height()
        image = QImage(round(width * pixel_ratio), round(height * pixel_ratio),
                       QImage.Format.Format_RGB32)  # fmt: skip
        image.setDevicePixelRatio(pixel_ratio)
        image.fill(QColor(THEME["panel"]))
        painter = QPainter(image)
        painter.setFont(self.font())
        self.paint(painter, QRectF(0, 0, width, height))
        painter.end()
        return image

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(rect, QColor(THEME["panel"]))
        painter.setPen(QPen(QColor(THEME["border"]), 3))
        painter.drawLine(rect.topLeft(), rect.topRight())  # the drawer's edge, over the kitchens
        metrics = painter.fontMetrics()
        line = metrics.height()
        kitchens = self._kitchens()
        latencies = self.latencies()
        # The label column fits each kitchen's name and its three percentiles as they are
        # ("p99 198.41 s" was cut to "p99 198." by a column sized for a short race).
        labels = [percentiles_text(latencies[name]) for name in kitchens]
        widest = max((metrics.horizontalAdvance(text) for text in [*labels, *kitchens]),
                     default=0)  # fmt: skip
        label_width = min(max(widest, metrics.horizontalAdvance("fastapi-blocking")) + 44,
                          rect.width() * 0.45)  # fmt: skip
        plot = QRectF(rect.left() + 10 + label_width, rect.top() + 1.6 * line, 0, 0)
        plot.setRight(rect.right() - 24)
        plot.setBottom(rect.bottom() - 1.5 * line)
        title = QRectF(rect.left() + 10, rect.top() + 2, rect.width() - 20, 1.4 * line)
        painter.setPen(QColor(THEME["text"]))
        painter.drawText(title, Qt.AlignmentFlag.AlignVCenter, self._title)
        self._paint_key(painter, title, metrics.horizontalAdvance(self._title) + 30)
        self.histogram = histogram = self.compute(plot.width(), latencies)
        if not any(any(c) for c in histogram.counts.values()):
            painter.setPen(QColor(THEME["muted"]))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self._empty)
            return
        pitch = plot.height() / max(len(kitchens), 1)
        for row, name in enumerate(kitchens):
            band = QRectF(rect.left() + 10, plot.top() + row * pitch, label_width, pitch)
            look = KITCHEN_LOOKS[row % len(KITCHEN_LOOKS)]
            self._paint_row(painter, band, plot, name, look, latencies[name])
        self._paint_axis(painter, plot, histogram.span, line)

    def _paint_key(self, painter: QPainter, title: QRectF, indent: float) -> None:
        """Which line marks which percentile, after the title."""
        x, y = title.left() + indent, title.center().y()
        for q, style in MARKS:
            painter.setPen(QPen(QColor(THEME["text"]), 0, style))
            painter.drawLine(QPointF(x, y - 6), QPointF(x, y + 6))
            painter.setPen(QColor(THEME["text"]))
            painter.drawText(QPointF(x + 6, y + painter.fontMetrics().ascent() / 2 - 1), f"p{q}")
            x += painter.fontMetrics().horizontalAdvance("p99") + 24

    def _paint_row(self, painter: QPainter, band: QRectF, plot: QRectF, name: str,
                   look: tuple[str, Qt.BrushStyle], values: list[float]) -> None:  # fmt: skip
        assert self.histogram is not None
        colour, pattern = look
        counts, span = self.histogram.counts[name], self.histogram.span
        metrics = painter.fontMetrics()
        tallest = max(counts, default=0)
        lines = 2 if band.height() >= 2 * metrics.height() else 1
        upper = QRectF(band.left(), band.center().y() - lines * metrics.height() / 2,
                       band.width() - 12, metrics.height())  # fmt: skip
        lower = upper.translated(0, metrics.height())
        painter.fillRect(
            QRectF(band.left(), upper.top() + 3, 10, upper.height() - 6), QColor(colour)
        )
        painter.setPen(QColor(THEME["text"]))
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, int(upper.width() - 16))
        painter.drawText(upper.adjusted(16, 0, 0, 0), Qt.AlignmentFlag.AlignLeft, shown)
        if tallest:  # the row's scale, beside its name: over the plot it would hide a bar
            painter.setPen(QColor(THEME["muted"]))
            scale = upper.adjusted(16 + metrics.horizontalAdvance(shown + "  "), 0, 0, 0)
            painter.drawText(scale, Qt.AlignmentFlag.AlignLeft, metrics.elidedText(
                self.tr("tallest bar: {0}").format(tallest), Qt.TextElideMode.ElideRight,
                int(scale.width())))  # fmt: skip
        ordered = sorted(values)  # sorted once: each percentile then reads it in linear time
        marks = {q: percentile(ordered, q) for q, _ in MARKS}
        if lines == 2:  # room for the percentiles under the name
            painter.setPen(QColor(THEME["muted"]))
            painter.drawText(lower.adjusted(16, 0, 0, 0), Qt.AlignmentFlag.AlignLeft,
                             percentiles_text(values, marks))  # fmt: skip
        painter.setPen(QColor(THEME["grid"]))
        painter.drawLine(QPointF(plot.left(), band.bottom()), QPointF(plot.right(), band.bottom()))
        if not tallest:
            return
        # One stepped outline per kitchen: a single call to draw, however many bins.
        height, width, base = band.height() - 4, plot.width() / len(counts), band.bottom()
        outline = [QPointF(plot.left(), base)]
        for index, count in enumerate(counts):
            top = base - count / tallest * height
            outline += [QPointF(plot.left() + index * width, top),
                        QPointF(plot.left() + (index + 1) * width, top)]  # fmt: skip
        outline.append(QPointF(plot.right(), base))
        painter.setPen(QPen(QColor(colour), 0))
        painter.setBrush(QBrush(QColor(colour), pattern))
        painter.drawPolygon(QPolygonF(outline))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        halo, ink = QColor(THEME["panel"]), QColor(THEME["text"])
        for q, style in MARKS:  # over the bars, with a halo so they show on any colour
            value = marks[q]
            if value is None:
                continue
            x = plot.left() + min(value / span, 1.0) * plot.width()
            # Thin pens and rectangles: thick or fractional pens go through Qt's slow stroker.
            painter.fillRect(QRectF(x - 2, band.top() + 2, 5, band.height() - 2), halo)
            painter.setPen(QPen(ink, 0, style))
            painter.drawLine(QPointF(x, band.top() + 2), QPointF(x, band.bottom()))
            if style is Qt.PenStyle.SolidLine:
                painter.drawLine(QPointF(x + 1, band.top() + 2), QPointF(x + 1, band.bottom()))

    def _paint_axis(self, painter: QPainter, plot: QRectF, span: float, line: int) -> None:
        step = nice_step(span, 10)
        painter.setPen(QColor(THEME["muted"]))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        tick = 0.0
        while tick <= span * (1 + 1e-9):
            x = plot.left() + tick / span * plot.width()
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            text = format_seconds(tick, step)
            painter.drawText(QRectF(x - 40, plot.bottom() + 4, 80, line),
                             Qt.AlignmentFlag.AlignHCenter, text)  # fmt: skip
            tick += step
