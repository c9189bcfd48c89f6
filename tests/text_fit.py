"""What a person in the room would see cut: every label on screen measured with its own font.

``misfits(window)`` lists each visible label whose text does not fit the box it is drawn in
(one line wider than its box, wrapped text taller than its box, or a box cut by a parent or
the window), each route view whose code does not fit whole, and each comparison table whose
rows do not fit their screen. Used by the talk's room tests at 1280×720 and 1920×1080.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QFontInfo, QFontMetricsF
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget

from chefline.ui.look.fitting import ElidedLabel
from chefline.ui.race.route_view import RouteView

SLACK = 1.5
"""Pixels of rounding a text may use beyond its box."""


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def _cut_by_a_parent(widget: QWidget, window: QWidget) -> str | None:
    rect = QRect(QPoint(0, 0), widget.size())
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        rect = QRect(child.mapTo(parent, rect.topLeft()), rect.size())
        if not parent.rect().contains(rect):
            return f"cut by {parent.objectName() or type(parent).__name__}"
        if parent is window:
            return None
        child, parent = parent, parent.parentWidget()
    return None


def label_misfit(label: QLabel) -> str | None:
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    box = label.contentsRect()
    metrics = QFontMetricsF(label.font())
    if label.wordWrap():
        needed = label.heightForWidth(box.width() + label.width() - box.width())
        if needed > label.height() + SLACK:
            return f"needs {needed} px of height, has {label.height()}"
        # Qt breaks Chinese between any two characters; other text only at spaces.
        words = max((metrics.horizontalAdvance(word) for word in text.split()
                     if not any("\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"
                                for char in word)), default=0)  # fmt: skip
        if words > box.width() + SLACK:
            return f"a word needs {words:.0f} px, has {box.width()}"
        return None
    if isinstance(label, ElidedLabel):  # says it shorter, or ends in "…" when cut
        shown = label.shown_text(box.width())
        return None if not shown.endswith("…") or text.endswith("…") else f"cut to {shown!r}"
    lines = text.splitlines() or [""]
    wide = max(metrics.horizontalAdvance(line) for line in lines)
    if wide > box.width() + SLACK:
        return f"needs {wide:.0f} px, has {box.width()}"
    tall = metrics.lineSpacing() * len(lines)
    if tall > box.height() + metrics.leading() + SLACK + 2:
        return f"needs {tall:.0f} px of height, has {box.height()}"
    return None


def code_misfit(view: RouteView) -> str | None:
    lines = view.toPlainText().splitlines() or [""]
    metrics = QFontMetricsF(view.font())
    margin = 2 * view.document().documentMargin()
    wide = max(metrics.horizontalAdvance(line) for line in lines) + margin
    tall = metrics.lineSpacing() * len(lines) + margin
    room = view.viewport()
    if wide > room.width() + SLACK or tall > room.height() + SLACK:
        return f"code needs {wide:.0f}×{tall:.0f}, has {room.width()}×{room.height()}"
    return None


def table_misfit(table: QTableWidget, pad_x: int = 12, pad_y: int = 6) -> str | None:
    """Each cell's text wrapped in its column (less the stylesheet's padding) fits its row,
    and every row is on screen."""
    metrics = QFontMetricsF(table.font())
    cut = []
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            width = table.columnWidth(column) - 2 * pad_x
            if item is None or width <= 0:
                continue
            box = metrics.boundingRect(QRectF(0, 0, width, 100_000),
                                       int(Qt.TextFlag.TextWordWrap), item.text())  # fmt: skip
            if box.height() + 2 * pad_y > table.rowHeight(row) + SLACK:
                cut.append((row, column))
    rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
    if rows > table.viewport().height() + SLACK:
        return f"the rows need {rows} px, the table shows {table.viewport().height()}"
    return f"cells {cut} are cut" if cut else None


def misfits(window: QWidget) -> list[str]:
    """Every text on screen that a person would see cut, with where and why."""
    found = []
    for label in window.findChildren(QLabel):
        if not _shown(label, window):
            continue
        why = label_misfit(label) or _cut_by_a_parent(label, window)
        if why:
            found.append(f"{label.objectName() or label.text()[:30]!r}: {why}")
    for view in window.findChildren(RouteView):
        if _shown(view, window):
            why = code_misfit(view) or _cut_by_a_parent(view, window)
            if why:
                found.append(f"route code: {why}")
    for table in window.findChildren(QTableWidget):
        if _shown(table, window):
            why = table_misfit(table)
            if why:
                found.append(f"{table.objectName()}: {why}")
    return found


def pixels(widget: QWidget) -> int:
    """The pixel size of the font ``widget`` draws with."""
    return QFontInfo(widget.font()).pixelSize()
