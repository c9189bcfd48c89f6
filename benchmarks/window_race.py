"""Child process: one real race in the real window (offscreen), measured.

Prints one JSON line: per kitchen makespan, theory, errors and the largest gap between two
consecutive orders being accepted; frame intervals of the animation during the race; peak RSS.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sys
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools

from PySide6.QtCore import QEvent, QObject

from chefline.app import build_window, start_qt
from chefline.cli import build_parser


class PaintClock(QObject):
    """Records when a widget paints: the frames a viewer actually sees."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.times.append(time.perf_counter())
        return False


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", "-m", action="append", required=True)
    parser.add_argument("-n", type=int, required=True)
    parser.add_argument("-d", type=float, required=True)
    parser.add_argument("--size", default="1920x1080")
    options = parser.parse_args()
    modes = [arg for name in options.mode for arg in ("-m", name)]
    args = build_parser().parse_args(["window", *modes, "-n", str(options.n), "-d", str(options.d)])
    _, loop = start_qt()
    window, session = build_window(args)
    width, height = (int(v) for v in options.size.split("x"))
    window.screen_fit.enabled = False  # the asked size, whatever the offscreen screen
    window.resize(width, height)
    window.show()
    clock = PaintClock()
    window.panels[options.mode[0]].timeline.installEventFilter(clock)
    # The GUI thread's own CPU between two frames (its Python and Qt's painting), and when
    # the timelines first have an order to draw.
    frame_cpu: list[tuple[float, float]] = []
    first_order: list[float] = []

    def on_frame() -> None:
        frame_cpu.append((time.perf_counter(), time.thread_time()))
        if not first_order and any(len(t) for t in session.timelines.values()):
            first_order.append(time.perf_counter())

    session.sig_frame.connect(on_frame)

    async def race() -> dict[str, Any]:
        await asyncio.sleep(0.5)  # the window settles before the race, as in a talk
        finished = loop.create_future()
        session.sig_race_finished.connect(lambda r: finished.done() or finished.set_result(r))
        began = time.perf_counter()
        assert window.serve()
        result = await finished
        ended = time.perf_counter()
        # A frame is the window's tick that draws what changed: with several kitchens, the
        # first one's paints stop once it is done while the others still move.
        in_race = [(t, cpu) for t, cpu in frame_cpu if began <= t <= ended]
        frames = (
            [t for t, _ in in_race]
            if len(options.mode) > 1
            else [t for t in clock.times if began <= t <= ended]
        )
        intervals = [(b - a) * 1000 for a, b in itertools.pairwise(frames)]
        cpu_per_frame = [(b[1] - a[1]) * 1000 for a, b in itertools.pairwise(in_race)]
        kitchens = {}
        for name, timeline in result.timelines.items():
            accepted = sorted(o.accepted for o in timeline.orders.values() if o.accepted)
            gaps = [b - a for a, b in itertools.pairwise(accepted)]
            summary = timeline.summary()
            kitchens[name] = {
                "makespan": summary.makespan,
                "theory": summary.expected_makespan,
                "served": summary.served,
                "failed": summary.failed,
                "largest_accept_gap": max(gaps, default=0.0),
            }
        await window.shut_down()
        return {
            "kitchens": kitchens,
            "frame_intervals_ms": intervals,
            "gui_cpu_per_frame_ms": cpu_per_frame,
            "first_orders_after_ms": (first_order[0] - began) * 1000 if first_order else None,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }

    with loop:
        outcome = loop.run_until_complete(race())
    print(json.dumps(outcome))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
