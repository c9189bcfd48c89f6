"""How often the window draws during a race.

The in-app kitchens share the GIL with the window: every frame the GUI thread draws is time
the kitchens cannot cook. At a fixed 40 frames a second, scene 7's async kitchen (100 LLM
answers of 32 tokens) took ×1.27–1.29 of theory in the window against ×1.15–1.20 at about
16 frames a second. So the pace follows what a frame costs: as fast as ``fastest_ms`` while
drawing takes at most ``share`` of the GUI thread's time, slower (down to ``slowest_ms``)
when the picture is heavy. It does not help when the GUI thread is not what the kitchen
waits for (200 werkzeug threads waking at once): there it only costs smoothness, which is
why it stops at ``slowest_ms``.
"""

from __future__ import annotations


class FramePacer:
    def __init__(self, fastest_ms: int = 25, slowest_ms: int = 60, share: float = 0.2) -> None:
        self.fastest_ms = fastest_ms
        self.slowest_ms = slowest_ms
        self.share = share
        self.interval_ms = fastest_ms
        self._last: tuple[float, float] | None = None

    def restart(self, slowest_ms: int, share: float) -> int:
        """A race begins, paced by ``slowest_ms`` and ``share``: the fastest pace, until
        frames say what they cost."""
        self.slowest_ms, self.share = slowest_ms, share
        self.interval_ms, self._last = self.fastest_ms, None
        return self.interval_ms

    def next_interval(self, cpu_s: float, wall_s: float) -> int:
        """The interval to the next frame, given the GUI thread's CPU time and the wall
        clock now (``time.thread_time``, ``time.perf_counter``)."""
        last, self._last = self._last, (cpu_s, wall_s)
        if last is None or wall_s <= last[1]:
            return self.interval_ms
        used = max(0.0, cpu_s - last[0]) / (wall_s - last[1])
        wanted = self.interval_ms * used / self.share
        # Halfway there each frame: one slow frame (a new lane, a resize) barely moves it.
        paced = (self.interval_ms + wanted) / 2
        self.interval_ms = round(min(max(paced, self.fastest_ms), self.slowest_ms))
        return self.interval_ms
