"""Every key of the talk, drawn over the window (?), from the command table's help lines."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from chefline.ui.commands import KEYS_CONTEXT, HelpLine
from chefline.ui.look.retranslating import Retranslating
from chefline.ui.talk.overlay import Overlay


class HelpOverlay(Retranslating, Overlay):
    def __init__(self, host: QWidget, lines: Sequence[HelpLine] = ()) -> None:
        """``lines``: the rows, from the command table (``commands.help_lines``)."""
        super().__init__(host)
        self.setObjectName("helpOverlay")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the talk
        self.title = QLabel()
        self.title.setObjectName("overlayTitle")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(30)
        self.grid.setVerticalSpacing(2)
        self.lines: tuple[HelpLine, ...] = ()
        self.descriptions: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(30, 16, 30, 16)
        layout.addStretch(1)
        layout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.set_lines(lines)

    def set_lines(self, lines: Sequence[HelpLine]) -> None:
        """The rows to show (the command table is built after the overlay it lists)."""
        self.lines = tuple(lines)
        self.descriptions = []
        half = (len(self.lines) + 1) // 2  # two columns: every row fits a projector's height
        for number, line in enumerate(self.lines):
            row, column = number % half, 2 * (number // half)
            key = QLabel(line.keys)
            key.setStyleSheet("font-weight: 700;")
            description = QLabel()
            description.setWordWrap(True)
            self.grid.addWidget(key, row, column, Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(description, row, column + 1)
            self.descriptions.append(description)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Keys of the talk"))
        for label, line in zip(self.descriptions, self.lines, strict=True):
            label.setText(QCoreApplication.translate(KEYS_CONTEXT, line.text))
