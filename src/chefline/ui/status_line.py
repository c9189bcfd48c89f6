"""The window's status line: what the window is doing, and during a race each kitchen's
served orders, read from the same figures as its scoreboard (``race.live_figures``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from chefline.client.race import RaceResult
from chefline.ui.look.fitting import ElidedLabel
from chefline.ui.race import live_figures
from chefline.ui.race.live_figures import KitchenState
from chefline.ui.session import RaceSession


class StatusLine(ElidedLabel):
    EVERY = 10
    """Frames between updates during a race: a line of text needs no more."""

    def __init__(self, session: RaceSession, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("stateLabel")
        self.session = session
        self._frames = 0
        session.sig_frame.connect(self._on_frame)
        session.sig_race_finished.connect(self.finished)

    def _on_frame(self) -> None:
        self._frames += 1
        if self.session.running and self._frames % self.EVERY == 0:
            self.serving()

    def serving(self) -> None:
        """Each kitchen's served orders, as its scoreboard has them at this frame."""
        parts = []
        for name in self.session.timelines:
            shown = live_figures.figures_of(self.session, name)
            if shown is not None:
                done = " ✓" if shown.state is KitchenState.FINISHED else ""
                parts.append(f"{name} {shown.served_text}{done}")
        serving = self.tr("Serving… {0:.1f} s").format(self.session.elapsed())
        self.setText(serving + "   " + "   ".join(parts), serving + "  " + "  ".join(parts))

    def finished(self, result: RaceResult) -> None:
        if result.cancelled:
            self.setText(self.tr("Race stopped."))
            return
        parts, short = [], []
        for name in result.timelines:
            shown = live_figures.figures_of(self.session, name)
            if shown is None:
                continue
            s = shown.summary
            if shown.state is not KitchenState.FINISHED:
                parts.append(self.tr("{0} {1} served").format(name, shown.served_text))
                short.append(parts[-1])
                continue
            took = self.tr("{0} {1:.2f} s").format(name, s.makespan or 0)
            short.append(took)
            if s.expected_makespan is None:  # your app: no theory to hold it to
                parts.append(took)
            else:
                parts.append(self.tr("{0} {1:.2f} s (theory {2:.2f})").format(
                    name, s.makespan or 0, s.expected_makespan))  # fmt: skip
        # Four kitchens on a projector: the theories are on the panels, the times stay.
        self.setText(self.tr("Finished: {0}   Export: Ctrl+E").format(" · ".join(parts)),
                     self.tr("Finished: {0}").format(" · ".join(short)))  # fmt: skip
