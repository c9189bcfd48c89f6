"""Every key of the talk, drawn over the window (?)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from chefline.ui.overlay import Overlay
from chefline.ui.retranslating import Retranslating

KEYS_CONTEXT = "Keys"
KEYS = (
    ("→  PgDn", QT_TRANSLATE_NOOP("Keys", "next scene (a clicker sends these)")),
    ("←  PgUp", QT_TRANSLATE_NOOP("Keys", "previous scene")),
    ("Space", QT_TRANSLATE_NOOP("Keys", "serve the orders (scene 8: send the bad order)")),
    ("R", QT_TRANSLATE_NOOP("Keys", "reset")),
    ("F  F11", QT_TRANSLATE_NOOP("Keys", "full screen")),
    ("Ctrl +  Ctrl −", QT_TRANSLATE_NOOP("Keys", "larger or smaller text")),
    ("N", QT_TRANSLATE_NOOP("Keys", "speaker notes (on the second screen if there is one)")),
    ("T", QT_TRANSLATE_NOOP("Keys", "theme: light, dark, high contrast")),
    ("L", QT_TRANSLATE_NOOP("Keys", "language: English, 中文")),
    ("C", QT_TRANSLATE_NOOP("Keys", "the comparison table, each row linked to its scene")),
    ("H", QT_TRANSLATE_NOOP("Keys", "latency histogram: how long each kitchen's customers took")),
    ("P", QT_TRANSLATE_NOOP("Keys", "replay the last race (again: live view)")),
    ("Shift+P", QT_TRANSLATE_NOOP("Keys", "this scene's recorded race (no live kitchen)")),
    ("Ctrl+D", QT_TRANSLATE_NOOP("Keys", "FastAPI's API docs (/docs) in the browser")),
    ("S", QT_TRANSLATE_NOOP("Keys", "spotlight: dim all but the pointer's circle")),
    ("Esc", QT_TRANSLATE_NOOP("Keys", "leave a field: the keys go back to the talk")),
    ("[  ]", QT_TRANSLATE_NOOP("Keys", "replay slower or faster (0.1× to 4×)")),
    (",  .", QT_TRANSLATE_NOOP("Keys", "replay: previous or next event")),
    ("?", QT_TRANSLATE_NOOP("Keys", "this help; Esc closes it")),
)


class HelpOverlay(Retranslating, Overlay):
    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("helpOverlay")
        self.title = QLabel()
        self.title.setObjectName("overlayTitle")
        grid = QGridLayout()
        grid.setHorizontalSpacing(30)
        self.descriptions: list[QLabel] = []
        for row, (keys, _) in enumerate(KEYS):
            key = QLabel(keys)
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
        for label, (_, text) in zip(self.descriptions, KEYS, strict=True):
            label.setText(QCoreApplication.translate(KEYS_CONTEXT, text))
