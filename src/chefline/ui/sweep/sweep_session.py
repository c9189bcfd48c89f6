"""The window's capacity sweep: runs the engine's ``SweepRunner`` on the GUI's loop.

The sweep opens its own kitchens, one at a time, in a restaurant of its own; the races go
out from a customers' process of its own, so all the GUI's loop does is await each race and
hear each point as it ends. Widgets get this model in ``__init__`` and follow its signals.
A race in the window and a sweep never run at once: each would take the other's cores.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from chefline.engine import SweepNews, SweepPlan, SweepRunner, SweepStage
from chefline.kitchen.capacity import Sweep, SweepPoint, SweepSkip
from chefline.kitchen.errors import ChefError
from chefline.ui.off_thread import off_gui_thread

log = logging.getLogger(__name__)


class SweepSession(QObject):
    sig_started = Signal()
    """A sweep began; ``sweep`` holds its spec and theory, and fills as it runs."""
    sig_news = Signal(object)
    """A point was measured, a load skipped, or a race is starting. Parameter: the
    ``SweepPoint``, ``SweepSkip`` or ``SweepStage``."""
    sig_finished = Signal(object)
    """The sweep ended (``cancelled`` if stopped). Parameter: the ``Sweep``."""
    sig_shown = Signal()
    """A recorded sweep replaced the one on screen; read ``sweep``."""
    sig_error = Signal(str)
    """Something asked for could not be done. Parameter: one sentence."""

    def __init__(self, race_running: Callable[[], bool], parent: QObject | None = None) -> None:
        """``race_running``: whether the window races now (a sweep then waits its turn)."""
        super().__init__(parent)
        self._race_running = race_running
        self.sweep: Sweep | None = None
        self.racing: tuple[str, float] | None = None
        """The kitchen and load whose race runs now."""
        self._runner: SweepRunner | None = None
        self._task: asyncio.Task[Sweep] | None = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self, plan: SweepPlan) -> bool:
        """Start sweeping ``plan``; False (and ``sig_error``) while a race or a sweep runs."""
        if self.running:
            return False
        if self._race_running():
            self.sig_error.emit(self.tr("Wait for the race to finish before sweeping: each "
                                        "would take the other's cores."))  # fmt: skip
            return False
        self._runner = SweepRunner(plan, listener=self._hear, off_thread=off_gui_thread)
        self.sweep = self._runner.sweep
        self.racing = None
        self._task = asyncio.ensure_future(self._run(self._runner))
        self._task.add_done_callback(self._ended)
        self.sig_started.emit()
        return True

    def _ended(self, task: asyncio.Task[Sweep]) -> None:
        """Said once the task is over, so that ``running`` is False for whoever listens."""
        self.racing = None
        if not task.cancelled():
            self.sig_finished.emit(task.result())

    async def _run(self, runner: SweepRunner) -> Sweep:
        try:
            return await runner.run()
        except ChefError as error:  # the customers could not come, a kitchen died
            runner.sweep.cancelled = True
            self.sig_error.emit(str(error))
            return runner.sweep
        except Exception as error:  # never a silent stop: say it, keep the points
            log.error("the sweep failed", exc_info=error)
            runner.sweep.cancelled = True
            self.sig_error.emit(self.tr("The sweep stopped with an unexpected error: {0}")
                                .format(error))  # fmt: skip
            return runner.sweep

    def _hear(self, news: SweepNews) -> None:
        """News from the runner, on the GUI's loop."""
        if isinstance(news, SweepStage):
            self.racing = (news.kitchen, news.x)
        elif isinstance(news, SweepPoint | SweepSkip):
            self.racing = None
        self.sig_news.emit(news)

    def stop(self) -> None:
        """Stop after the race under way (which is stopped and left out)."""
        if self._runner is not None and self.running:
            self._runner.cancel()

    def show(self, sweep: Sweep) -> bool:
        """Put a recorded sweep on screen; False (and ``sig_error``) while one runs."""
        if self.running:
            self.sig_error.emit(self.tr("Stop the sweep before opening another."))
            return False
        self.sweep, self.racing = sweep, None
        self.sig_shown.emit()
        return True

    async def shutdown(self) -> None:
        """Stop the sweep, if one runs, and return once its kitchens have closed."""
        task = self._task
        if task is None or task.done() or self._runner is None:
            return
        self._runner.cancel(at_once=True)
        with contextlib.suppress(asyncio.CancelledError, TimeoutError):
            await asyncio.wait_for(asyncio.shield(task), timeout=10.0)
