"""Every key of the talk, drawn over the window (?), from the command table's help lines."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from chefline.ui.commands import KEYS_CONTEXT, HelpLine
from chefline.ui.look.retranslating import Retranslating
from chefline.ui.talk.overlay import Overlay


class HelpOverlay(Retranslating, Overlay):
    def __init__(self, host: QWidget, lines: Sequence[HelpLine]) -> None:
        """``lines``: the rows, from the command table (``commands.help_lines``)."""
        super().__init__(host)
        self.lines = tuple(lines)
        self.setObjectName("helpOverlay")
        self.title = QLabel()
        self.title.setObjectName("overlayTitle")
        grid = QGridLayout()
        grid.setHorizontalSpacing(30)
        self.descriptions: list[QLabel] = []
        for row, line in enumerate(self.lines):
            key = QLabel(line.keys)
            key.setStyleSheet("font-weight: 700;")
            description = QLabel()
            grid.addWidget(key, row, 0, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(description, row, 1)
            self.descriptions.append(description)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Keys of the talk"))
        for label, line in zip(self.descriptions, self.lines, strict=True):
            label.setText(QCoreApplication.translate(KEYS_CONTEXT, line.text))
