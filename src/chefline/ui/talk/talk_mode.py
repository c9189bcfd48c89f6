"""The window in a talk and out of it (Esc): what the room sees, and what the developer sees.

In a talk the window shows the scene (banner, legend, kitchens) and nothing to edit: the
fields, the menu bar and the status line go, the text takes the sizes a room reads
(``look.talk_sizes``, in proportion to the screen's height), and nothing opens a box: a
message is a line in the banner. Leaving the talk brings back the full developer view.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from chefline.ui.look.theme import Look
from chefline.ui.race.kitchens_area import KitchensArea
from chefline.ui.talk.presenter import Presenter


class TalkMode(QObject):
    def __init__(self, presenter: Presenter, window: QWidget, hidden: Sequence[QWidget],
                 kitchens: KitchensArea, parent: QObject | None = None) -> None:  # fmt: skip
        """``window``: whose screen sets the sizes; ``hidden``: the developer's parts (the
        fields, the menu bar, the status line); ``kitchens``: their panels take the sizes."""
        super().__init__(parent)
        self.presenter = presenter
        self.look: Look = presenter.look
        self.window = window
        self.hidden = tuple(hidden)
        self.kitchens = kitchens
        presenter.sig_talk_mode_changed.connect(self.apply)
        presenter.sig_look_changed.connect(self._look_changed)
        kitchens.sig_panels_rebuilt.connect(self._size_panels)
        window.installEventFilter(self)  # dragged to the projector: the sizes follow

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        moved = watched is self.window and event.type() == QEvent.Type.ScreenChangeInternal
        if moved and self.active and self.look.talk_lines != self.screen_lines():
            self.apply()
        return False

    @property
    def active(self) -> bool:
        return self.presenter.active

    def screen_lines(self) -> int:
        screen = self.window.screen()
        return screen.geometry().height() if screen is not None else 720

    def apply(self) -> None:
        active = self.active
        for part in self.hidden:
            part.setVisible(not active)
        self.look.apply(talk_lines=self.screen_lines() if active else None)
        self._size_panels()

    def _size_panels(self) -> None:
        self.kitchens.set_talk(self.look.talk)

    def _look_changed(self) -> None:
        if self.active and self.look.talk_lines != self.screen_lines():  # another screen
            self.look.apply(talk_lines=self.screen_lines())
        self._size_panels()  # Ctrl+ or Ctrl− in a talk: the code's size too
