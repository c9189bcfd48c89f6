"""Every open kitchen's column, side by side; while a scene's kitchens open, a line saying so.

From the moment a speaker asks for the next scene until its kitchens are open, the area shows
"Opening the kitchens…" instead of the scene the speaker left: nothing of it is drawn under
the new scene's title. In a talk four kitchens stand in two rows of two, so that each has the
width its code and figures need at a projector's size.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from chefline.ui.look.retranslating import Retranslating
from chefline.ui.look.talk_sizes import TalkSizes
from chefline.ui.race.kitchen_panel import KitchenPanel
from chefline.ui.race.time_scale import TimeScale
from chefline.ui.session import RaceSession

GRID_FROM = 4
"""In a talk, this many kitchens or more stand in rows of two."""


class KitchensArea(Retranslating, QWidget):
    sig_panels_rebuilt = Signal()
    """The panels were made anew (the open kitchens changed); read ``panels``."""

    def __init__(self, session: RaceSession, scale: TimeScale, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("kitchensArea")
        self.session = session
        self.scale = scale
        self.panels: dict[str, KitchenPanel] = {}
        self.talk: TalkSizes | None = None
        """The talk's sizes while a talk is on screen; None in the developer view."""
        self._opening = False
        self.grid = QGridLayout()
        self.grid.setContentsMargins(10, 4, 10, 10)
        self.grid.setSpacing(10)
        self.opening = QLabel()
        self.opening.setObjectName("openingKitchens")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.opening, 1)
        session.sig_kitchens_changed.connect(self.rebuild)
        self.retranslate()

    def retranslate(self) -> None:
        self.opening.setText(self.tr("Opening the kitchens…"))

    def rebuild(self) -> None:
        for panel in self.panels.values():
            self.grid.removeWidget(panel)
            panel.deleteLater()
        self.panels = {}
        for kitchen in self.session.kitchens:
            panel = KitchenPanel(self.session, kitchen, self.scale)
            panel.set_talk(self.talk)
            self.panels[kitchen.name] = panel
        self._arrange()
        if self._opening:  # kept out of sight until the scene is on screen
            for panel in self.panels.values():
                panel.hide()
        self.sig_panels_rebuilt.emit()

    def _arrange(self) -> None:
        for panel in self.panels.values():
            self.grid.removeWidget(panel)
        count = len(self.panels)
        per_row = 2 if self.talk is not None and count >= GRID_FROM else max(count, 1)
        for number, panel in enumerate(self.panels.values()):
            row, column = divmod(number, per_row)
            self.grid.addWidget(panel, row, column)
        for column in range(max(count, GRID_FROM)):
            self.grid.setColumnStretch(column, 1 if column < per_row else 0)
        for row in range(max(count, GRID_FROM)):
            self.grid.setRowStretch(row, 1 if row * per_row < count else 0)

    def set_talk(self, talk: TalkSizes | None) -> None:
        """In a talk (its sizes): large figures, the code, two rows for four kitchens."""
        self.talk = talk
        for panel in self.panels.values():
            panel.set_talk(talk)
        self._arrange()

    def show_opening(self) -> None:
        """The scene asked for is opening: its kitchens are not open yet."""
        self._opening = True
        for panel in self.panels.values():
            panel.hide()
        self.opening.show()

    def show_kitchens(self) -> None:
        self._opening = False
        self.opening.hide()
        for panel in self.panels.values():
            panel.show()
