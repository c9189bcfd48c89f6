"""A spotlight for pointing at a code line or a figure (S): the window dims, except a circle
around the pointer, which follows it. It takes neither clicks nor keys."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QCursor, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QWidget

DIM = QColor(0, 0, 0, 150)
FOLLOW_MS = 30


class Spotlight(QWidget):
    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.host = host
        self.setObjectName("spotlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._centre = QPoint(-1, -1)
        self._follow = QTimer(self)
        self._follow.setInterval(FOLLOW_MS)
        self._follow.timeout.connect(self._track)
        self.hide()

    @property
    def radius(self) -> float:
        return max(60.0, min(self.width(), self.height()) * 0.16)

    def toggle(self) -> None:
        if self.isVisible():
            self._follow.stop()
            self.hide()
            return
        self.setGeometry(self.host.rect())
        self._track()
        self.show()
        self.raise_()
        self._follow.start()

    def _track(self) -> None:
        self.setGeometry(self.host.rect())
        centre = self.mapFromGlobal(QCursor.pos())
        if centre != self._centre:
            self._centre = centre
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        shade = QPainterPath()
        shade.addRect(QRectF(self.rect()))
        hole = QPainterPath()
        r = self.radius
        hole.addEllipse(QRectF(self._centre.x() - r, self._centre.y() - r, 2 * r, 2 * r))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillPath(shade.subtracted(hole), DIM)
        painter.end()
