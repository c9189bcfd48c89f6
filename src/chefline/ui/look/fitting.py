"""Layout pieces that give way instead of growing the window: a row of widgets that wraps
onto the next line, and a label that shortens its text (with "…") to the width it gets."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto further rows when the width runs out; its
    minimum width is that of its widest widget, its height follows its width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() + self._spacing for i in self._shown()) - self._spacing
        height = max((i.sizeHint().height() for i in self._shown()), default=0)
        return QSize(max(width, 0) + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())  # fmt: skip

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, place: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        x, y, row_height = area.x(), area.y(), 0
        row: list[tuple[QLayoutItem, QSize]] = []
        rows: list[tuple[int, int, list[tuple[QLayoutItem, QSize]]]] = []
        for item in self._shown():
            size = item.sizeHint().boundedTo(QSize(area.width(), 10**6))
            if row and x + size.width() > area.right() + 1:
                rows.append((y, row_height, row))
                x, y, row_height, row = area.x(), y + row_height + self._spacing, 0, []
            row.append((item, size))
            x += size.width() + self._spacing
            row_height = max(row_height, size.height())
        if row:
            rows.append((y, row_height, row))
        if place:
            for top, height, entries in rows:
                left = area.x()
                for item, size in entries:
                    # Each row's items share its height, centred on it.
                    offset = (height - size.height()) // 2
                    item.setGeometry(QRect(QPoint(left, top + offset), size))
                    left += size.width() + self._spacing
        used = (y + row_height - area.y()) if row else 0
        return used + margins.top() + margins.bottom()


class ElidedLabel(QLabel):
    """One line that takes the width it is given and ends in "…" when that is too little;
    the whole text is its tooltip then. ``setText`` may give a shorter way to say it, shown
    before anything is cut. It never asks for the width of its text: a long line would
    otherwise widen the window past the screen and push whole panels off it."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._short = ""
        self._own_tip = ""
        """The tooltip this label set (a tooltip set by others is left alone)."""

    def setText(self, text: str, short: str = "") -> None:
        """``text``, or ``short`` where it does not fit (empty: the text, cut)."""
        self._short = short
        super().setText(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(12, super().minimumSizeHint().height())

    def shown_text(self, width: int) -> str:
        metrics = self.fontMetrics()
        text = self.text()
        if metrics.horizontalAdvance(text) > width and self._short:
            text = self._short
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.shown_text(rect.width())
        whole = "" if text == self.text() else self.text()
        if whole != self._own_tip and self.toolTip() in ("", self._own_tip):
            self.setToolTip(whole)
            self._own_tip = whole
        align = QStyle.visualAlignment(self.layoutDirection(), self.alignment())
        self.style().drawItemText(painter, rect, int(align), self.palette(), self.isEnabled(),
                                  text, self.foregroundRole())  # fmt: skip
        painter.end()
