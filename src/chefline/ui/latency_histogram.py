"""How long customers spent in each restaurant: one row per kitchen over one shared time axis.

One chef's long tail and the async kitchen's tight peak line up because every row bins the
same seconds; each row is scaled to its own tallest bin so a spread-out kitchen still shows.
The panel repaints from the records at most once a frame, and only while it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from chefline.kitchen.histogram import SharedHistogram, nice_ceiling, shared_histogram
from chefline.kitchen.stats import percentile
from chefline.ui.palette import THEME
from chefline.ui.retranslating import Retranslating
from chefline.ui.session import RaceSession
from chefline.ui.timeline_canvas import format_seconds, nice_step

KITCHEN_LOOKS: tuple[tuple[str, Qt.BrushStyle], ...] = (
    ("#0072B2", Qt.BrushStyle.SolidPattern),
    ("#E69F00", Qt.BrushStyle.BDiagPattern),
    ("#009E73", Qt.BrushStyle.Dense5Pattern),
    ("#CC79A7", Qt.BrushStyle.FDiagPattern),
    ("#D55E00", Qt.BrushStyle.CrossPattern),
    ("#56B4E9", Qt.BrushStyle.Dense3Pattern),
    ("#F0E442", Qt.BrushStyle.HorPattern),
)
"""Okabe–Ito colours, as in the rest of the app, each kitchen with a pattern of its own too."""

MARKS = ((50, Qt.PenStyle.DotLine), (95, Qt.PenStyle.DashLine), (99, Qt.PenStyle.SolidLine))
"""Percentiles marked on each row, told apart by their line as well as their label."""


class LatencyHistogram(Retranslating, QWidget):
    BIN_PIXELS = 12
    """About this wide a bin: fine enough for a tail, coarse enough to count."""

    def __init__(self, session: RaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("latencyHistogram")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.histogram: SharedHistogram | None = None
        self._title = self._axis = self._empty = ""
        for signal in (session.sig_frame, session.sig_cleared, session.sig_race_started):
            signal.connect(self._changed)
        session.sig_race_finished.connect(self._changed)
        session.sig_kitchens_changed.connect(self.updateGeometry)
        self.retranslate()

    def retranslate(self) -> None:
        self._title = self.tr("Time in the restaurant: how many served customers took how long")
        self._axis = self.tr("seconds from order to dish, every kitchen on the same axis")
        self._empty = self.tr("No dish served yet: the histogram fills as orders are served.")
        self.setToolTip(
            self.tr("Each row is one kitchen, scaled to its tallest bar; p50, p95, p99 marked")
        )
        self.update()

    def toggle(self) -> None:
        """H: show or hide the panel."""
        self.setVisible(not self.isVisible())

    def _changed(self, *_: object) -> None:
        if self.isVisible():  # a hidden panel costs nothing during a race
            self.update()

    def _kitchens(self) -> list[str]:
        return list(self.session.timelines) or self.session.mode_names

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        rows = max(len(self._kitchens()), 2)
        return QSize(640, int(line * (3.4 + 2.4 * rows)))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

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
        painter = QPainter(self)
        self.paint(painter, QRectF(self.rect()))
        painter.end()

    def render_image(self, width: int) -> QImage:
        """The panel as a picture ``width`` pixels wide, shown or not (for the exported PNG)."""
        image = QImage(width, self.sizeHint().height(), QImage.Format.Format_ARGB32)
        image.fill(QColor(THEME["panel"]))
        painter = QPainter(image)
        painter.setFont(self.font())
        self.paint(painter, QRectF(image.rect()))
        painter.end()
        return image

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(rect, QColor(THEME["panel"]))
        painter.setPen(QColor(THEME["border"]))
        painter.drawLine(rect.topLeft(), rect.topRight())  # the panel's edge
        metrics = painter.fontMetrics()
        line = metrics.height()
        left = rect.left() + max(metrics.horizontalAdvance("fastapi-blocking") + 24, 150)
        plot = QRectF(left, rect.top() + 1.4 * line, rect.right() - 16 - left, 0)
        plot.setBottom(rect.bottom() - 1.8 * line)
        painter.setPen(QColor(THEME["text"]))
        painter.drawText(QRectF(rect.left() + 10, rect.top() + 2, rect.width() - 20, line * 1.3),
                         Qt.AlignmentFlag.AlignVCenter, self._title)  # fmt: skip
        kitchens = self._kitchens()
        latencies = self.latencies()
        self.histogram = histogram = self.compute(plot.width(), latencies)
        if not any(any(c) for c in histogram.counts.values()):
            painter.setPen(QColor(THEME["muted"]))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self._empty)
            return
        pitch = plot.height() / max(len(kitchens), 1)
        for row, name in enumerate(kitchens):
            band = QRectF(rect.left() + 10, plot.top() + row * pitch, rect.width() - 26, pitch)
            look = KITCHEN_LOOKS[row % len(KITCHEN_LOOKS)]
            self._paint_row(painter, band, plot, name, look, latencies[name])
        self._paint_axis(painter, plot, histogram.span, line)

    def _paint_row(self, painter: QPainter, band: QRectF, plot: QRectF, name: str,
                   look: tuple[str, Qt.BrushStyle], values: list[float]) -> None:  # fmt: skip
        assert self.histogram is not None
        colour, pattern = look
        counts, span = self.histogram.counts[name], self.histogram.span
        metrics = painter.fontMetrics()
        painter.setPen(QColor(THEME["text"]))
        label = QRectF(band.left(), band.top(), plot.left() - band.left() - 8, band.height())
        painter.drawText(label, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(name, Qt.TextElideMode.ElideMiddle,
                                            int(label.width())))  # fmt: skip
        painter.setPen(QColor(THEME["grid"]))
        painter.drawLine(QPointF(plot.left(), band.bottom()), QPointF(plot.right(), band.bottom()))
        tallest = max(counts, default=0)
        if not tallest:
            return
        top = band.top() + 0.25 * band.height()
        height = band.bottom() - top - 1
        width = plot.width() / len(counts)
        fill = QBrush(QColor(colour), pattern)
        painter.setPen(QPen(QColor(colour), 1))
        for index, count in enumerate(counts):
            if count:
                bar = QRectF(plot.left() + index * width, band.bottom() - count / tallest * height,
                             max(width - 1, 1), count / tallest * height)  # fmt: skip
                painter.fillRect(bar, QColor(THEME["panel"]))
                painter.fillRect(bar, fill)
                painter.drawRect(bar)
        painter.setPen(QColor(THEME["muted"]))
        painter.drawText(QRectF(plot.left() + 2, band.top(), plot.width() - 4, top - band.top()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.tr("tallest bar: {0} orders").format(tallest))  # fmt: skip
        marks = []
        for q, style in MARKS:
            value = percentile(values, q)
            if value is None:
                continue
            x = plot.left() + value / span * plot.width()
            painter.setPen(QPen(QColor(THEME["text"]), 1.5, style))
            painter.drawLine(QPointF(x, top), QPointF(x, band.bottom()))
            marks.append(f"p{q} {value:.2f}")
        painter.setPen(QColor(THEME["text"]))
        painter.drawText(QRectF(plot.left(), band.top(), plot.width() - 2, top - band.top()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         " · ".join(marks) + " s")  # fmt: skip

    def _paint_axis(self, painter: QPainter, plot: QRectF, span: float, line: int) -> None:
        step = nice_step(span, 8)
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
        painter.drawText(QRectF(plot.left(), plot.bottom() + 4 + line, plot.width(), line * 0.9),
                         Qt.AlignmentFlag.AlignLeft, self._axis)  # fmt: skip
