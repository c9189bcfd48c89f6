"""Every open kitchen's column, side by side; while a scene's kitchens open, a line saying so.

From the moment a speaker asks for the next scene until its kitchens are open, the area shows
"Opening the kitchens…" instead of the scene the speaker left: nothing of it is drawn under
the new scene's title. In a talk four kitchens stand in two rows of two, so that each has the
width its code and figures need at a projector's size; in the developer view the kitchens
stand side by side while each column keeps room for its figures, in rows when it would not
(large text on a projector). What still does not fit scrolls: squeezed below their least
size, the panels' parts were drawn over one another.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from chefline.ui.look.retranslating import Retranslating
from chefline.ui.look.talk_sizes import TalkSizes
from chefline.ui.race.kitchen_panel import KitchenPanel
from chefline.ui.race.time_scale import TimeScale
from chefline.ui.session import RaceSession

GRID_FROM = 4
"""In a talk, this many kitchens or more stand in rows of two."""
COLUMN_LINES = 16
"""The least width of a kitchen's column in the developer view, in lines of its text: its
figures two or three to a row (four kitchens fit side by side at 1280 pixels)."""


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
        self._per_row = 0
        self.inside = QWidget()
        self.inside.setObjectName("kitchensGrid")
        self.grid = QGridLayout(self.inside)
        self.grid.setContentsMargins(10, 4, 10, 10)
        self.grid.setSpacing(10)
        self.scroller = QScrollArea()
        self.scroller.setObjectName("kitchensScroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.inside)
        # Never the keys' widget: a scroll area with focus eats the clicker's → and ←.
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.opening = QLabel()
        self.opening.setObjectName("openingKitchens")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroller, 1)
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

    def columns(self) -> int:
        """How many kitchens stand side by side: rows of two for four in a talk; in the
        developer view as many as keep a column ``COLUMN_LINES`` wide, the rows balanced."""
        count = max(len(self.panels), 1)
        if self.talk is not None:
            return 2 if count >= GRID_FROM else count
        text = next(iter(self.panels.values()), self)  # the panels' text is the one styled
        least = text.fontMetrics().lineSpacing() * COLUMN_LINES
        fits = max(1, min(count, (self.scroller.viewport().width() - 20) // max(least, 1)))
        return math.ceil(count / math.ceil(count / fits))

    def fit_columns(self) -> None:
        """Stand the kitchens again if their text's size or the width changed the columns."""
        if self.columns() != self._per_row:
            self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def _arrange(self) -> None:
        for panel in self.panels.values():
            self.grid.removeWidget(panel)
        count = len(self.panels)
        per_row = self._per_row = self.columns()
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
