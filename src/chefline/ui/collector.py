"""Python's garbage collector, run from the GUI thread only.

Left alone, a collection runs in whichever thread happens to allocate, often a kitchen or
the race client. When it frees a Qt object there, Qt is used from the wrong thread and the
app can crash (seen as rare segfaults while testing). A full collection also walks every
object of the process and once paused the window for 60-90 ms mid-race. So automatic
collection is off while the window lives, and this timer collects instead: the young
generation every 25 ms (little at a time, so no frame waits long); the middle one every
half second and everything every ten seconds, but neither during a race, whose records all
survive until it ends (a full collection runs then).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

TICK_MS = 25
MIDDLE_EVERY = 20
FULL_EVERY = 400


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.racing = False
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        gc.enable()

    def set_racing(self, racing: bool) -> None:
        was_racing, self.racing = self.racing, racing
        if was_racing and not racing:
            gc.collect()

    def _tick(self) -> None:
        self._ticks += 1
        if self._ticks % FULL_EVERY == 0 and not self.racing:
            gc.collect()
        elif self._ticks % MIDDLE_EVERY == 0 and not self.racing:
            gc.collect(1)
        else:
            gc.collect(0)
