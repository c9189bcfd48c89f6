"""What a presenter's clicker does to the talk: the few keys it sends, and nothing hidden.

A two-button clicker sends → and ← (or PageDown and PageUp); others add B or . (blank the
screen), F5 (start the slide show) and Esc. Each key first uncovers the talk: a panel over it
(help, the comparison table, the bad order's replies) or a blanked screen goes away, and that
is all the key does, so nothing ever changes behind something the room cannot see through.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from chefline.ui.talk.blank_screen import BlankScreen
from chefline.ui.talk.presenter import Presenter


class Clicker(QObject):
    def __init__(self, presenter: Presenter, covers: Sequence[QWidget], blank: BlankScreen,
                 parent: QObject | None = None) -> None:  # fmt: skip
        """``covers``: what may be drawn over the talk (overlays), closed by any clicker key."""
        super().__init__(parent)
        self.presenter = presenter
        self.covers = (*covers, blank)
        self.blank_screen = blank

    def uncover(self) -> bool:
        """Close whatever covers the talk; True if something did."""
        shown = [cover for cover in self.covers if cover.isVisible()]
        for cover in shown:
            cover.hide()
        return bool(shown)

    def forward(self) -> None:
        if not self.uncover():
            self.presenter.forward()

    def back(self) -> None:
        if not self.uncover():
            self.presenter.back()

    def act(self) -> None:
        """Space: the scene's action (serve, the bad order, play or pause a replay)."""
        if not self.uncover():
            self.presenter.act()

    def blank(self) -> None:
        """B or .: black, and again to come back."""
        if self.blank_screen.isVisible():
            self.blank_screen.hide()
            return
        self.uncover()
        self.blank_screen.toggle()

    def escape(self) -> None:
        """Esc: close what covers the talk, else leave the talk for the full view."""
        if not self.uncover() and self.presenter.active:
            self.presenter.leave_talk()

    def start(self) -> None:
        """F5: the talk from its first scene."""
        self.uncover()
        self.presenter.start_talk(0)

    def resume(self) -> None:
        """Shift+F5: the talk from the scene last shown."""
        self.uncover()
        self.presenter.start_talk(max(self.presenter.index, 0))
