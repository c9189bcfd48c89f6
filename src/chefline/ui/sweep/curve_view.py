"""The capacity curve on screen: repainted as each point comes, a tooltip on every point."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Signal
from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from chefline.kitchen.capacity import KNEE_FACTOR, SweepAxis, SweepPoint, memory_text
from chefline.ui.look.retranslating import Retranslating
from chefline.ui.sweep.curve_painter import CurvePainter
from chefline.ui.sweep.sweep_session import SweepSession


class CurveView(Retranslating, QWidget):
    """Draws ``sweeps.sweep`` with the window's painter; hover a point for its figures."""

    sig_hovered = Signal(str)
    """The pointer came onto a point, or left it. Parameter: the point's figures on one
    line, or "" (the window's status line shows them: a tooltip is easy to miss on a
    projector)."""

    def __init__(self, sweeps: SweepSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sweeps = sweeps
        self._hovered: SweepPoint | None = None
        self.setObjectName("capacityCurve")
        self.painter = CurvePainter()
        self.setMouseTracking(True)
        for signal in (sweeps.sig_started, sweeps.sig_shown):
            signal.connect(self.update)
        sweeps.sig_news.connect(lambda _news: self.update())
        sweeps.sig_finished.connect(lambda _sweep: self.update())
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Capacity curve"))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(1100, 600)

    def minimumSizeHint(self) -> QSize:
        return QSize(480, 160)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        self.painter.paint(painter, QRectF(self.rect()), self.sweeps.sweep, self.sweeps.racing)
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = self.painter.nearest(event.position())
        if point != self._hovered:
            self._hovered = point
            self.sig_hovered.emit(
                "" if point is None else self.describe(point).replace("\n", " · ")
            )
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.sig_hovered.emit("")
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            point = self.painter.nearest(QPointF(event.pos()))
            if point is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.describe(point), self)
            return True
        return super().event(event)

    def describe(self, point: SweepPoint) -> str:
        """A point's figures, as its tooltip says them."""
        sweep = self.sweeps.sweep
        rate = sweep is not None and sweep.spec.axis is SweepAxis.RATE
        load = (self.tr("{0:g} customers a second ({1} came)").format(point.x, point.customers)
                if rate else self.tr("1 user alone") if point.x == 1
                else self.tr("{0:g} users at once").format(point.x))  # fmt: skip
        lines = [f"{point.kitchen} — {load}"]
        if point.p95 is not None:
            lines.append(self.tr("p50 {0:.2f} s · p95 {1:.2f} s · p99 {2:.2f} s").format(
                point.p50 or 0.0, point.p95, point.p99 or 0.0))  # fmt: skip
        if point.theory_p95 is not None and point.ratio is not None:
            lines.append(self.tr("theory's p95 {0:.2f} s: ×{1:.2f}").format(
                point.theory_p95, point.ratio))  # fmt: skip
        lines.append(self.tr("served {0} of {1}").format(point.served, point.customers))
        if point.queue_growth is not None:
            lines.append(self.tr("the last quarter waited {0:+.2f} s longer than the first")
                         .format(point.queue_growth))  # fmt: skip
        if point.processes is not None:
            where = (self.tr("in the app's process") if point.in_app
                     else self.tr("{0} processes").format(point.processes))  # fmt: skip
            lines.append(self.tr("held: {0}, {1} threads, {2}").format(
                where, point.threads, memory_text(point)))  # fmt: skip
        if sweep is not None:
            knee = sweep.knee(point.kitchen)
            if knee is not None and knee.x == point.x and rate:
                lines.append(self.tr("saturated: its queue grew by more than one order's {0:.2f} s")
                             .format(sweep.spec.one_order))  # fmt: skip
            elif knee is not None and knee.x == point.x:
                lines.append(self.tr("the knee: the first load past {0:g} × one order's {1:.2f} s")
                             .format(KNEE_FACTOR, sweep.spec.one_order))  # fmt: skip
        if point.spare_cores is not None:
            lines.append(self.tr("{0:.1f} cores free while it raced").format(point.spare_cores))
        return "\n".join(lines)
