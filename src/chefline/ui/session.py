"""The window's model: the running kitchens and the race in progress.

The kitchens, their model and the race itself are the engine's (``chefline.engine``, shared
with the command line); the session adds what a window needs: signals, the frame timer, the
live timelines it draws, and the replay. Widgets receive the session in ``__init__`` and
subscribe to its ``sig_`` signals; the session never knows the widgets. All of it lives on
the GUI thread; kitchen threads only append to the event feed, which a frame timer drains.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from chefline.client.feed import EventFeed
from chefline.client.plan import RacePlan
from chefline.client.race import RaceResult, RaceRunner
from chefline.engine import Kitchen, KitchenFailure, ModelSupply, Restaurant, side_by_side
from chefline.kitchen.clock import now
from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.errors import ChefError
from chefline.kitchen.events import Phase
from chefline.kitchen.modes import KitchenSettings
from chefline.kitchen.timeline import RaceTimeline
from chefline.ui.files.replay_player import ReplayPlayer
from chefline.ui.frame_pacer import FramePacer
from chefline.ui.off_thread import off_gui_thread
from chefline.ui.race_plan_model import RacePlanModel
from chefline.ui.sweep.sweep_session import SweepSession

log = logging.getLogger(__name__)


class RaceSession(QObject):
    sig_kitchens_changed = Signal()
    """The set of running kitchens changed; read ``kitchens``."""
    sig_race_started = Signal()
    """A race began; ``plan``, ``timelines`` and ``race_start`` describe it."""
    sig_frame = Signal()
    """Time to repaint: new events were applied, or the clock moved (every ``FRAME_MS``)."""
    sig_race_finished = Signal(object)
    """The race ended. Parameter: the ``RaceResult`` (``cancelled`` if it was stopped)."""
    sig_cleared = Signal()
    """Reset: no race is shown any more."""
    sig_error = Signal(str)
    """Something the user asked for failed. Parameter: a sentence to show them."""

    MODEL_WARM_UP_MS = 3000
    """When the built-in model's process starts, after the window opened."""
    FRAME_MS = 25
    """40 frames a second when drawing is cheap: smooth to the eye."""
    PACE = (60, 0.2)
    """The slowest frame interval (ms) and the most of the GUI thread's time a race's frames
    should take (``FramePacer``): the rest of the shared GIL is the in-app kitchens'."""
    PACE_IN_TURN = (100, 0.1)
    """Kitchens that take turns cook one at a time, and the window is the only one taking the
    GIL from the kitchen that cooks: its fidelity is the point (scenes 6 and 7)."""

    def __init__(
        self,
        settings: KitchenSettings | None = None,
        parent: QObject | None = None,
        talk_file: Path | None = None,
    ):
        """``talk_file``: a speaker's own talk (``--scenes``) instead of the one that ships."""
        super().__init__(parent)
        self.talk_file = talk_file
        # The customers come from outside the restaurant: a process of their own, started
        # now so that it is ready by the first race, and kept for the session's life.
        self.restaurant = Restaurant(settings, keep_customers=True)
        """The kitchens, their model and their customers (Qt-free, shared with the CLI)."""
        self.plan_model = RacePlanModel(self)
        """The race to serve next: the control bar, the Faults menu, the model dialog and the
        talk's scenes bind to it."""
        self.plan: RacePlan | None = None
        self.timelines: dict[str, RaceTimeline] = {}
        self.result: RaceResult | None = None
        self.race_start: float | None = None
        self.race_end: float | None = None
        self.figure_cache: dict[str, object] = {}
        """Each kitchen's figures at this frame (``ui.race.live_figures``), computed once for
        every view that shows them; cleared every frame and when the race on screen changes."""
        self._shut_down = False
        self._first_order_seen = False
        # The built-in model's process starts once the window is up (its imports would slow
        # the start); an LLM race served before then waits for it.
        QTimer.singleShot(self.MODEL_WARM_UP_MS, self._prepare_model)
        self.replay = ReplayPlayer(self)
        self.replay.sig_began.connect(self._begin_replay)
        self.replay.sig_shown.connect(self._show_replay)
        self.replay.sig_ended.connect(self._end_replay)
        self._feed = EventFeed()
        self._runner: RaceRunner | None = None
        self._task: asyncio.Task[RaceResult] | None = None
        self._forgotten: asyncio.Task[RaceResult] | None = None
        """A race cleared (R) while it ran: its stopped result is not shown when it ends."""
        self.sweeps = SweepSession(lambda: self.running, parent=self)
        """The capacity sweep (View → Capacity curve): never at the same time as a race."""
        self._frames = QTimer(self)
        self._frames.setInterval(self.FRAME_MS)
        self._pacer = FramePacer(self.FRAME_MS, *self.PACE)
        self._frames.timeout.connect(self._on_frame)

    def _prepare_model(self) -> None:
        if not self._shut_down:
            self.restaurant.warm_up_model()

    # -- kitchens: the restaurant's, with a message for each failure ----------------------

    @property
    def settings(self) -> KitchenSettings:
        return self.restaurant.settings

    @property
    def models(self) -> ModelSupply:
        """The language model of the LLM dish, shared by every kitchen."""
        return self.restaurant.models

    @property
    def kitchens(self) -> list[Kitchen]:
        return self.restaurant.kitchens

    @property
    def mode_names(self) -> list[str]:
        return self.restaurant.names

    def open_kitchens(self, names: list[str]) -> bool:
        """Run exactly these kitchens (keeping those open, your app too). False if one failed."""
        if not self._may_change_kitchens():
            return False
        return self._changed(self.restaurant.open(names))

    def put_your_app(self, kitchen: Kitchen | None) -> bool:
        """Race ``kitchen`` (your app, started by the caller) in place of the one open before,
        or none. False (and ``kitchen`` stopped) while a race runs."""
        if not self._may_change_kitchens():
            if kitchen is not None:
                kitchen.stop()
            return False
        self.restaurant.put_your_app(kitchen)
        return self._changed([])

    async def open_kitchens_async(self, names: list[str]) -> bool:
        """``open_kitchens`` with the starting done off the GUI thread: a kitchen in a
        process of its own takes most of a second to start, too long to freeze the window."""
        if not self._may_change_kitchens():
            return False
        names = self.restaurant.with_your_app(names)
        opening = await off_gui_thread(lambda: self.restaurant.start(names))
        if self.running:  # a race began meanwhile (a key press): keep what runs it
            opening.cancel()
            return False
        return self._changed(self.restaurant.settle(names, opening))

    def _may_change_kitchens(self) -> bool:
        if self.running:
            self.sig_error.emit(self.tr("Wait for the race to finish before changing kitchens."))
            return False
        return True

    def _changed(self, failures: list[KitchenFailure]) -> bool:
        """The kitchens changed: the race on screen no longer matches them."""
        for failure in failures:
            self.sig_error.emit(failure.sentence())
        self.clear()
        self.sig_kitchens_changed.emit()
        return not failures

    def stop_kitchen(self, name: str) -> None:
        """Close one kitchen (as if it crashed); its orders fail, the others go on."""
        self.restaurant.stop_kitchen(name)
        self.sig_kitchens_changed.emit()

    def restart_kitchen(self, name: str) -> bool:
        """Open ``name`` again on a new port, even mid-race; False (and a message) if it fails."""
        if name not in self.mode_names:
            return False
        failure = self.restaurant.restart_kitchen(name)
        if failure is not None:
            self.sig_error.emit(failure.sentence())
        self.sig_kitchens_changed.emit()
        return failure is None

    # -- races ------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def replay_clock(self) -> float | None:
        """The moment a replay shows (None: no replay on screen): the player's."""
        return self.replay.clock

    def clock(self) -> float:
        """The moment to draw: now during a race, the replay's moment in a replay, the
        race's end afterwards."""
        if self.replay_clock is not None:
            return self.replay_clock
        if self.running or self.race_end is None:
            return now()
        return self.race_end

    @property
    def live(self) -> bool:
        """True while the picture moves: a race runs, or a replay is on screen."""
        return self.running or self.replay_clock is not None

    def _begin_replay(self, result: RaceResult) -> None:
        """Show a recorded race from its start (the replay player fills the timelines)."""
        self.stop_race()
        self.plan, self.result, self.race_end = result.plan, result, None
        self.race_start = self.replay.clock
        self.timelines = {}
        self.figure_cache.clear()
        self.sig_race_started.emit()

    def _show_replay(self) -> None:
        self.timelines = self.replay.timelines
        self.figure_cache.clear()
        self.sig_frame.emit()

    def _end_replay(self, result: RaceResult) -> None:
        """Back from a replay: the recorded race, whole."""
        self.result, self.timelines = result, result.timelines
        ends = [t.end for t in result.timelines.values() if t.end is not None]
        self.race_end = max(ends) if ends else self.race_start
        self.figure_cache.clear()
        self.sig_frame.emit()
        self.sig_race_finished.emit(result)

    def cost_of(self, kitchen: str) -> KitchenCost | None:
        """What ``kitchen`` held at most: so far during a race (frozen once its last dish is
        out), the race's peak after it and in its replay (the record has the peaks only)."""
        if self.running and self._runner is not None:
            return self._runner.meter.peak.get(kitchen)
        if self.replay_clock is not None and self.result is not None:
            recorded = self.result.timelines.get(kitchen)
            return None if recorded is None else recorded.cost
        timeline = self.timelines.get(kitchen)
        return None if timeline is None else timeline.cost

    def elapsed(self) -> float:
        return 0.0 if self.race_start is None else max(0.0, self.clock() - self.race_start)

    def serve(self, plan: RacePlan) -> bool:
        """Start a race with the same orders at every open kitchen. False if refused."""
        if self.running:
            return False
        self.replay.stop(show_result=False)
        if self.sweeps.running:
            self.sig_error.emit(self.tr("A capacity sweep is running (View → Capacity curve): "
                                        "stop it before serving."))  # fmt: skip
            return False
        if not self.kitchens:
            self.sig_error.emit(
                self.tr("No kitchen is open: choose at least one in the Kitchens menu.")
            )
            return False
        try:
            plan = self.restaurant.check_plan(plan)
            runner = self.restaurant.race(plan, listener=self._feed)
        except ChefError as error:
            self.sig_error.emit(str(error))
            return False
        self._feed.drain()
        self.plan, self._runner, self.result = plan, runner, None
        # The runner's own records fill in from replies; the window draws its live copy.
        self.timelines = {
            name: RaceTimeline(name, timeline.expected_makespan)
            for name, timeline in runner.result.timelines.items()
        }
        for live in self.timelines.values():
            live.planned = plan.arrivals.customers
        self.race_start, self.race_end = now(), None
        self._first_order_seen = False
        # On the GUI's own loop: the orders go out from the customers' process, and the news
        # is parsed in the runner's reader thread, so all the loop does is await the end.
        self._task = asyncio.ensure_future(runner.run())
        pace = self.PACE_IN_TURN if plan.in_turn else self.PACE
        self._frames.start(self._pacer.restart(*pace))
        self.figure_cache.clear()
        self.sig_race_started.emit()
        return True

    def stop_race(self) -> None:
        if self._runner is not None and self.running:
            self._runner.cancel()

    def clear(self) -> None:
        """Forget the race on screen (stopping it first if it runs)."""
        if self.running:
            self._forgotten = self._task
        self.stop_race()
        self.replay.stop(show_result=False)
        self.plan, self.result, self.race_start, self.race_end = None, None, None, None
        self.timelines = {}
        self.figure_cache.clear()
        self.sig_cleared.emit()

    def _on_frame(self) -> None:
        self._apply_events()
        self.figure_cache.clear()
        self.sig_frame.emit()
        self._frames.setInterval(self._pacer.next_interval(time.thread_time(), time.perf_counter()))
        if self._task is not None and self._task.done() and self._frames.isActive():
            self._on_race_done(self._task)

    def _apply_events(self) -> None:
        for event in self._feed.drain():
            if not self._first_order_seen and event.phase is Phase.SENT:
                # The race's clock starts when its first customer walks in (customers
                # still starting up when Serve was pressed keep the axis from a blank start).
                self._first_order_seen = True
                self.race_start = event.t
            timeline = self.timelines.get(event.kitchen)
            if timeline is not None:
                timeline.apply(event)

    def _on_race_done(self, task: asyncio.Task[RaceResult]) -> None:
        self._frames.stop()
        if task is self._forgotten:  # cleared mid-race: no stale plates, no "stopped" race
            self._forgotten = None
            if not task.cancelled() and task.exception() is not None:
                log.info("a cleared race ended with an error", exc_info=task.exception())
            self.timelines = {}
            self.figure_cache.clear()
            self.sig_cleared.emit()
            return
        self._apply_events()
        if task.cancelled():
            return  # only when the client loop itself is going away
        error = task.exception()
        if error is not None:
            log.error("race failed", exc_info=error)
            self.sig_error.emit(
                self.tr("The race stopped with an unexpected error: {0}").format(error)
            )
            return
        result = task.result()
        self.result = result
        self.timelines = result.timelines
        ends = [t.end for t in result.timelines.values() if t.end is not None]
        self.race_end = max(ends) if ends else now()
        self.figure_cache.clear()
        self.sig_frame.emit()
        self.sig_race_finished.emit(result)

    async def finish_race(self, patience: float = 2.0) -> None:
        """Stop the race, if one runs, and return once it has stopped (``patience`` seconds
        at most: closing the window must not wait for long)."""
        if self._task is not None and not self._task.done():
            self.stop_race()
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._task), timeout=patience)

    async def shutdown(self) -> None:
        """Stop the race and every kitchen; safe to call twice."""
        self._shut_down = True
        await self.sweeps.shutdown()
        if self.running:  # closing: the customers go at once, their open orders with them
            self.stop_race()
            self.restaurant.drop_customers()
        await self.finish_race()
        self._frames.stop()
        stops = self.restaurant.stoppers()  # the session has no kitchen from now on
        await off_gui_thread(lambda: side_by_side(stops))
