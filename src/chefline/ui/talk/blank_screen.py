"""B or . (what a clicker's "blank" button sends): the screen goes black, and back again."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from chefline.ui.talk.overlay import Overlay


class BlankScreen(Overlay):
    """Black over the whole window, so the room looks at the speaker, not the kitchens."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("blankScreen")
        self.setStyleSheet("QFrame#blankScreen { background: black; }")
