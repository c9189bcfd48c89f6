"""One message box per cause: an error raised again and again (a timer's slot, 40 times a
second) must not bury the window under dialogs.

``show`` opens a box unless one for the same cause is open; ``once_ever`` causes (an
unexpected exception) get a box for the app's life, and their repeats are only counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox


class ErrorBoxes:
    def __init__(self) -> None:
        self._open: dict[str, QMessageBox] = {}
        self._shown_once: set[str] = set()
        self.repeats: Counter[str] = Counter()
        """Causes seen again while their box was open (or ever, for ``once_ever``)."""

    def has_shown(self, cause: str) -> bool:
        return cause in self._shown_once

    def show(
        self, cause: str, make_box: Callable[[], QMessageBox], *, once_ever: bool = False
    ) -> bool:
        """Open the box ``make_box`` builds, unless ``cause`` has one; True if it opened."""
        if cause in self._open or (once_ever and cause in self._shown_once):
            self.repeats[cause] += 1
            return False
        box = make_box()
        self._open[cause] = box
        self._shown_once.add(cause)
        box.finished.connect(lambda _result: self._open.pop(cause, None))
        box.destroyed.connect(lambda _object: self._open.pop(cause, None))
        box.open()  # never exec(): a nested loop would stall the kitchens' event loop
        return True
