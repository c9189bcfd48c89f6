"""One lane per chef: working, stuck at the pot, or free, and how many pots they juggle."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QToolTip

from chefline.kitchen.chef import ChefLabel
from chefline.kitchen.timeline import ChefSegment, ChefState
from chefline.ui.look.palette import THEME, Look
from chefline.ui.race.timeline_canvas import TimelineCanvas

LOAD_LINE = "#0b3d5c"
"""The pots-on-the-stove line drawn over a chef's lane."""

STATE_LOOK = {ChefState.WORKING: Look.WORKING, ChefState.BLOCKED: Look.BLOCKED,
              ChefState.FREE: Look.FREE}  # fmt: skip


class ChefLanesView(TimelineCanvas):
    EVERY_NTH_FRAME = 6
    """A chef's lane is a summary: six frames apart (about 6 a second) keeps it lively."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setMinimumHeight(28)
        self._lanes: dict[ChefLabel, list[ChefSegment]] = {}
        self._load: dict[ChefLabel, list[tuple[float, int]]] = {}
        self._frames = 0
        self.session.sig_cleared.connect(self._recompute)

    def _on_frame(self) -> None:
        self._frames += 1
        if self.rest.unchanged():
            return
        if not self.session.live or self.rest.resting or self._frames % self.EVERY_NTH_FRAME == 0:
            self._recompute()
            self.update()

    def _recompute(self) -> None:
        timeline = self.session.timelines.get(self.kitchen)
        if timeline is None:
            self._lanes, self._load = {}, {}
            return
        until = self.session.clock() if self.session.live else None
        self._lanes = timeline.chef_segments(until)
        self._load = timeline.stove_load(until)

    def lane_count(self) -> int:
        return len(self._lanes)

    def paint_lanes(self, painter: QPainter) -> None:
        start = self.origin()
        assert start is not None
        pitch = self._plot.height() / max(self.lane_count(), 1)
        for lane, segments in enumerate(self._lanes.values()):
            top, height = self.lane_geometry(lane)
            # A chef stuck 200 s with slivers of "free" between dishes is drawn stuck.
            pieces = (
                (seg.start - start, seg.end - start, STATE_LOOK[seg.state]) for seg in segments
            )
            self.fill_lane(pieces, top, height)
        self.flush_spans(painter)  # the pots' line goes on top of the lanes
        for lane, label in enumerate(self._lanes):
            top, height = self.lane_geometry(lane)
            self.paint_load(painter, self._load.get(label, []), start, top, height)
            if pitch >= 13:
                painter.setPen(QColor(THEME["muted"]))
                baseline = top + height / 2 + painter.fontMetrics().ascent() / 2 - 1
                painter.drawText(QPointF(6, baseline), self.chef_name(label))

    def paint_load(self, painter: QPainter, load: list[tuple[float, int]], start: float,
                   top: float, height: float) -> None:  # fmt: skip
        """The pots on the stove as a stepped line inside the lane, with the peak written."""
        peak = max((count for _, count in load), default=0)
        if peak == 0 or height < 6:
            return
        bottom = top + height
        path = QPainterPath(QPointF(self.x_of(load[0][0] - start), bottom))
        previous = 0
        for t, count in load:
            x = self.x_of(t - start)
            path.lineTo(x, bottom - previous / peak * (height - 2))
            path.lineTo(x, bottom - count / peak * (height - 2))
            previous = count
        painter.setPen(QPen(QColor(LOAD_LINE), 1.5))
        painter.drawPath(path)
        if height >= 16:
            painter.setPen(QColor(THEME["text"]))
            text = self.tr("up to {0} pots").format(peak)
            # Measured, not guessed: the text grows with the font scale and the language.
            left = self._plot.right() - painter.fontMetrics().horizontalAdvance(text) - 6
            painter.drawText(QPointF(left, top + height - 4), text)

    def hover(self, event: QMouseEvent) -> None:
        lane = self.lane_at(event.position().y())
        if lane is None or lane >= len(self._lanes):
            QToolTip.hideText()
            return
        label, segments = list(self._lanes.items())[lane]
        totals = {state: 0.0 for state in ChefState}
        for segment in segments:
            totals[segment.state] += segment.end - segment.start
        peak = max((count for _, count in self._load.get(label, [])), default=0)
        text = self.tr(
            "{0}\nworking {1:.2f} s\nstuck at the pot {2:.2f} s\nfree {3:.2f} s\n"
            "most pots at once: {4}"
        ).format(self.chef_name(label), totals[ChefState.WORKING], totals[ChefState.BLOCKED],
                 totals[ChefState.FREE], peak)  # fmt: skip
        QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def empty_text(self) -> str:
        return self.tr("Each chef's day appears here")

    def chef_name(self, label: ChefLabel) -> str:
        """The timeline's "chef 3", in the window's language."""
        return self.tr("chef {0}").format(label.number)
