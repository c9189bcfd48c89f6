"""The capacity window's status line: what the sweep does, or the figures of the point under
the pointer (a room reads them here; a tooltip is easy to miss on a projector)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel


class SweepStatus(QLabel):
    """Two lines at most, whatever the text size: the curve above keeps the rest."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sweepStatus")
        self.setWordWrap(True)
        self.setContentsMargins(12, 2, 12, 8)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._said = ""
        """What the line said before the pointer came onto a point."""
        self._fit()

    def show_point(self, figures: str) -> None:
        """A point's figures while the pointer is on it ("" when it leaves: back to before)."""
        if figures:
            self._said = self._said or self.text()
            self.setText(figures)
        elif self._said:
            self.setText(self._said)
            self._said = ""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._fit)  # once the new font is in place

    def _fit(self) -> None:
        margins = self.contentsMargins()
        lines = 2 * self.fontMetrics().lineSpacing()
        self.setMaximumHeight(lines + margins.top() + margins.bottom() + 2)
