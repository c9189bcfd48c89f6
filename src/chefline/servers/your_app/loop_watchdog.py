"""The loop-blocking detector: notices when an event loop has not turned for longer than a
threshold, samples the loop thread's stack and blames the order that was running.

A heartbeat on the loop, and the middleware as each order begins and replies, note each turn; a
watchdog thread looks every few ms. When the note is late it opens a block: the order is the
one whose middleware call is in the loop thread's stack, the line is the innermost frame of
your code there. The block is closed on the loop itself (next beat, or before the order's reply goes
out), so its end reaches the relay before the order's DONE.
"""

from __future__ import annotations

import asyncio
import linecache
import os
import re
import sys
import threading
import time
from collections import Counter
from types import FrameType

from chefline.kitchen.clock import now
from chefline.kitchen.events import Phase
from chefline.kitchen.order import StepKind
from chefline.kitchen.your_app import STUCK_STEP, LoopBlock
from chefline.servers.your_app.route_errors import yours
from chefline.servers.your_app.your_middleware import AsgiOrders

DEFAULT_THRESHOLD_S = 0.020
BEAT_S = 0.005
"""How often the loop notes a turn, and the watchdog looks: the error of a block's start."""
WAKE_MARGIN_S = 0.001
"""How long after the threshold would pass the watchdog looks (a sleep may end early)."""
TOP_FRAMES = 8


class LoopWatchdog:
    def __init__(self, orders: AsgiOrders, threshold: float = DEFAULT_THRESHOLD_S) -> None:
        self.orders = orders
        self.threshold = threshold
        self.blocks: list[LoopBlock] = []
        self._lock = threading.Lock()
        self.last_beat = now()
        self.open_block: LoopBlock | None = None
        self._samples: list[LoopBlock] = []
        """What the loop thread was running at each look during the open block."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: int | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.spans: dict[tuple[str, int], list[tuple[float, float]]] = {}
        orders.watch = self

    def start_on(self, loop: asyncio.AbstractEventLoop) -> None:
        """Call on the loop's own thread, once it runs (``UvicornThread(on_loop=...)`` does);
        once."""
        if self._loop is not None:
            return
        self._loop, self._loop_thread = loop, threading.get_ident()
        self.last_beat = now()
        loop.call_later(BEAT_S, self._beat)
        self._thread = threading.Thread(target=self._watch, name="chefline-watchdog", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _beat(self) -> None:
        self.settle()  # notes the turn (last_beat) as well
        if not self._stop.is_set() and self._loop is not None:
            self._loop.call_later(BEAT_S, self._beat)

    def settle(self) -> None:
        """On the loop: it is turning, or one order's code is done with it (it replies, or a
        new order begins), so a block in progress is over."""
        if self.open_block is None:  # the usual case, without the lock: one opened meanwhile
            self.last_beat = now()  # is closed at the next beat, a few ms late at most
            return
        with self._lock:
            block, self.open_block = self.open_block, None
            samples, self._samples = self._samples, []
            self.last_beat = end = now()
        if block is None:
            return
        # The line seen most often while it was blocked (the first look may have caught
        # the start of something shorter), preferring a line of your own code.
        mine = [s for s in samples if yours(s.file)] or samples or [block]
        counts = Counter((s.file, s.line) for s in mine)
        seen = next(s for s in mine if (s.file, s.line) == counts.most_common(1)[0][0])
        closed = LoopBlock(block.race, block.order, block.start, end, seen.file, seen.line,
                           seen.function, seen.code, seen.frames)  # fmt: skip
        self.blocks.append(closed)
        if closed.race is not None and closed.order is not None:
            self.spans.setdefault((closed.race, closed.order), []).append((closed.start, end))
            self.orders.news.say((closed.race, closed.order), Phase.STEP_END, end,
                                 step=STUCK_STEP, kind=StepKind.IO, holds_chef=True)  # fmt: skip

    def _watch(self) -> None:
        pause = BEAT_S
        while not self._stop.is_set():
            time.sleep(pause)  # lighter than Event.wait with a timeout
            pause = BEAT_S
            since = self.last_beat
            if self.open_block is not None:
                self._sample()
            elif (late := now() - since) > self.threshold:
                self._open_block(since)
            else:
                # Look next when this beat would be past the threshold (a later beat only
                # makes that look find the loop turning): a block is still seen as it
                # passes the threshold, and a busy loop is interrupted some 50 times a
                # second for the GIL, not 200 (each look takes the GIL from the loop).
                pause = max(BEAT_S, self.threshold - late + WAKE_MARGIN_S)

    def _sample(self) -> None:
        open_block, ident = self.open_block, self._loop_thread
        frame = sys._current_frames().get(ident) if ident is not None else None
        if open_block is None or frame is None:
            return
        seen = _blame(frame, open_block.start)
        with self._lock:
            if self.open_block is open_block:
                self._samples.append(seen)

    def _open_block(self, since: float) -> None:
        loop, ident = self._loop, self._loop_thread
        if loop is None or ident is None or loop.is_closed():
            return
        frame = sys._current_frames().get(ident)
        if frame is None:
            return
        block = _blame(frame, since)
        with self._lock:
            if self.last_beat != since:  # it turned meanwhile: no block after all
                return
            self.open_block, self._samples = block, [block]
        if block.race is not None and block.order is not None:
            self.orders.news.say((block.race, block.order), Phase.STEP_START, since,
                                 step=STUCK_STEP, kind=StepKind.IO, holds_chef=True)  # fmt: skip

    def in_race(self, race: str) -> list[LoopBlock]:
        return [block for block in self.blocks if block.race == race]


_ORDER_CODE = AsgiOrders.__call__.__code__


def _blame(frame: FrameType, since: float) -> LoopBlock:
    """The block seen in the loop thread's stack: the line of your code it stands at, and the
    order whose call holds the loop (the middleware's frame in the stack, and its ``tag``)."""
    stack: list[FrameType] = []
    cursor: FrameType | None = frame
    while cursor is not None:
        stack.append(cursor)
        cursor = cursor.f_back
    # f_locals of a frame in another thread: one C call made holding the GIL. The loop may
    # turn while this thread reads the stack; _open_block then finds the beat moved on and
    # drops the block. A request that is not an order has no tag; neither has a route run in
    # a task of its own (Starlette's BaseHTTPMiddleware), whose stack lacks the middleware.
    order_frame = next((f for f in stack if f.f_code is _ORDER_CODE), None)
    tag = order_frame.f_locals.get("tag") if order_frame is not None else None
    culprit = next((f for f in stack if yours(f.f_code.co_filename)), stack[0])
    code = culprit.f_code
    line = culprit.f_lineno or code.co_firstlineno
    source = _COMMENT.sub("", linecache.getline(code.co_filename, line)).strip()
    frames = [f"{_short(f.f_code.co_filename)}:{f.f_lineno} in {f.f_code.co_name}"
              for f in stack[:TOP_FRAMES]]  # fmt: skip
    race, order = tag if tag is not None else (None, None)
    return LoopBlock(race, order, since, since, code.co_filename, line, code.co_name, source,
                     frames)  # fmt: skip


_COMMENT = re.compile(r"\s+#[^'\"]*$")
"""A comment at the end of a line (one without quotes after its #)."""


def _short(filename: str) -> str:
    return filename if yours(filename) else os.path.basename(filename)
