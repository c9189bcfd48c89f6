"""Replay of a recorded race: play at 0.1×–4×, scrub, step from event to event.

The player rebuilds timelines from the record's events up to the replay moment and says
so (``sig_shown``); the session shows those timelines at that moment, so every view draws
the replay as it drew the live race. It never invents a figure: everything shown comes from
the record. The player knows no session: it owns its state and tells through signals.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from chefline.client.race import RaceResult
from chefline.kitchen.replay import RaceStory
from chefline.kitchen.timeline import RaceTimeline

SPEEDS = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0)


class ReplayPlayer(QObject):
    sig_changed = Signal()
    """Started, stopped, played, paused, or its speed changed: read the properties."""
    sig_moved = Signal(float)
    """The replay moved. Parameter: seconds since the recorded race's first order."""
    sig_began = Signal(object)
    """A replay begins. Parameter: the recorded ``RaceResult``; ``clock`` is its start."""
    sig_shown = Signal()
    """Show ``timelines`` as they stood at ``clock`` (moved, or a step to highlight)."""
    sig_ended = Signal(object)
    """Back from the replay to the whole recorded race. Parameter: the ``RaceResult``."""

    FRAME_MS = 25

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timelines: dict[str, RaceTimeline] = {}
        """The recorded race as it stood at ``clock``."""
        self.story: RaceStory | None = None
        self.result: RaceResult | None = None
        self.recorded = False
        """True for a race recorded before the talk (shipped with the app), not this run."""
        self.moment = 0.0
        self.speed = 1.0
        self.playing = False
        self._applied = 0
        self.highlight: frozenset[tuple[str, int]] = frozenset()
        """(kitchen, order) of the event a step landed on: the views pick those orders out,
        so a step always shows what happened, even a change too small to see."""
        self._timer = QTimer(self)
        self._timer.setInterval(self.FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()

    @property
    def active(self) -> bool:
        return self.story is not None

    @property
    def duration(self) -> float:
        return self.story.duration if self.story else 0.0

    @property
    def clock(self) -> float | None:
        """The moment shown, on the recorded race's clock (None: no replay)."""
        return None if self.story is None else self.story.start + self.moment

    def start(
        self, result: RaceResult, recorded: bool = False, story: RaceStory | None = None
    ) -> None:
        """Replay ``result`` from its first order, playing at the current speed. ``story``:
        its events, already told (a large race's take seconds: told off the GUI thread)."""
        story = story or RaceStory(result.timelines.values())  # first: if it fails, no change
        self.stop(show_result=False)
        self.story = story
        self.result, self.recorded = result, recorded
        self.timelines, self.moment = {}, 0.0
        self.sig_began.emit(result)
        self.seek(0.0)
        self.play()

    def stop(self, show_result: bool = True) -> None:
        """Leave the replay; the whole recorded race stays on screen."""
        if self.story is None:
            return
        self._timer.stop()
        self.playing = False
        result, self.story, self.result = self.result, None, None
        self.timelines = {}
        if show_result and result is not None:
            self.sig_ended.emit(result)
        self.sig_changed.emit()

    def play(self) -> None:
        if self.story is None:
            return
        if self.moment >= self.duration:
            self.seek(0.0)
        self.playing = True
        self._clock.start()
        self._timer.start()
        self.sig_changed.emit()

    def pause(self) -> None:
        self.playing = False
        self._timer.stop()
        self.sig_changed.emit()

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def faster(self) -> None:
        self._set_speed(+1)

    def slower(self) -> None:
        self._set_speed(-1)

    def _set_speed(self, direction: int) -> None:
        index = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - self.speed))
        self.speed = SPEEDS[min(max(index + direction, 0), len(SPEEDS) - 1)]
        self.sig_changed.emit()

    def step(self, direction: int) -> None:
        """Pause on the next (+1) or previous (-1) event of any order."""
        if self.story is None:
            return
        self.pause()
        self.seek(self.story.next_moment(self.moment, direction))
        events = self.story.events[: self._applied]
        landed = self.story.start + self.moment
        self.highlight = frozenset(
            (e.kitchen, e.order) for e in events[-64:] if abs(e.t - landed) < 1e-9
        )
        self.sig_shown.emit()

    def seek(self, moment: float) -> None:
        """Show the race as it stood ``moment`` seconds after its first order."""
        story = self.story
        if story is None:
            return
        moment = min(max(moment, 0.0), story.duration)
        self.highlight = frozenset()
        if moment < self.moment or not self.timelines:
            self.timelines = story.empty_timelines()
            self._applied = 0
        self._apply_until(moment)

    def _apply_until(self, moment: float) -> None:
        assert self.story is not None
        count = self.story.count_until(moment)
        for event in self.story.events[self._applied : count]:
            timeline = self.timelines.get(event.kitchen)
            if timeline is not None:
                timeline.apply(event)
        self._applied = count
        self.moment = moment
        self.sig_shown.emit()
        self.sig_moved.emit(moment)

    def _tick(self) -> None:
        elapsed = self._clock.restart() / 1000.0
        try:
            self._apply_until(min(self.moment + elapsed * self.speed, self.duration))
        except Exception:
            self.pause()  # a frame that fails is reported once, not 40 times a second
            raise
        if not self.moment < self.duration:  # the end; a NaN moment (never valid) too
            self.pause()
