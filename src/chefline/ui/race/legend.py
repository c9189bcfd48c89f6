"""The key to the colours and patterns of the timelines."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMargins, QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from chefline.ui.look.fitting import FlowLayout
from chefline.ui.look.palette import SWATCHES, THEME, Look
from chefline.ui.look.retranslating import Retranslating

SHOWN = (Look.QUEUED, Look.WORKING, Look.BLOCKED, Look.ON_STOVE, Look.DELIVERY, Look.SERVED,
         Look.FAILED, Look.FREE, Look.FIRST_TOKEN)  # fmt: skip


class SwatchIcon(QWidget):
    def __init__(self, look: Look, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self.setFixedSize(QSize(26, 16))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        fill, pattern = SWATCHES[self.look].brushes()
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(rect, fill)
        if pattern is not None:
            painter.fillRect(rect, pattern)
        painter.setPen(QColor(THEME["border"]))
        painter.drawRect(rect)
        painter.end()


class Legend(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        # Entries wrap onto a second row rather than widen the window.
        layout = FlowLayout(self, spacing=12)
        layout.setContentsMargins(QMargins(12, 0, 12, 0))
        self.entries: list[tuple[Look, SwatchIcon, QLabel]] = []
        for look in SHOWN:
            icon = SwatchIcon(look)
            label = QLabel()
            entry = QWidget()
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            row.addWidget(icon)
            row.addWidget(label)
            layout.addWidget(entry)
            self.entries.append((look, icon, label))
        self.retranslate()

    def retranslate(self) -> None:
        for look, icon, label in self.entries:
            swatch = SWATCHES[look]
            meaning = QCoreApplication.translate("Palette", swatch.meaning)
            label.setText(QCoreApplication.translate("Palette", swatch.label))
            label.setToolTip(meaning)
            icon.setToolTip(meaning)
