"""The loop-blocking detector: notices when your app's event loop has not turned for longer
than a threshold, samples the loop thread's stack and blames the order that was running.

A heartbeat on the loop, and the middleware as each order begins and replies, note each
turn; a watchdog thread looks every few ms. When the note is late it opens a block: the
order is the one whose middleware call is in the loop thread's stack, or whose context the
running task inherited (behind ``BaseHTTPMiddleware`` the route runs in a task of its own),
or whose ASGI ``scope`` a frame of the stack holds; the line is the innermost frame of your
own files, with the library frame it was in. The block is closed on the loop itself (next
beat, or before the order's reply goes out), so its end reaches Chefline before the order's
DONE; everything else (which line, which library, the source) is worked out on the watchdog's
thread, never on your app's loop.

Each block is classified by the loop thread's CPU time during it: the route computing
("chef working") or waiting without yielding ("stuck at the pot").
"""

from __future__ import annotations

import asyncio
import collections
import os
import sys
import threading
import time
from types import FrameType
from typing import Any

from .blocks import LONGEST_TEXT, Block, Library, Sighting, kind_of, step_of, tag_of, told
from .channel import Channel, now
from .findings import Findings
from .middleware import ORDER, AsgiOrders, LoopWatch, OrderTag
from .places import AGENT, LIBRARY, OWN, STDLIB, Places

DEFAULT_THRESHOLD_S = 0.020
BEAT_S = 0.005
"""How often the loop notes a turn, and the watchdog looks: the error of a block's start."""
ACCEPTED_LATE_S = 0.005
"""An order still cooking this long after it was taken is told taken, by the watchdog's
thread (a quick order's ACCEPTED goes out with its DONE, in one write)."""
WAKE_MARGIN_S = 0.001
"""How long after the threshold would pass the watchdog looks (a sleep may end early)."""
TOP_FRAMES = 8

_ORDER_CODE = AsgiOrders.__call__.__code__


class LoopWatchdog(LoopWatch):
    def __init__(self, orders: AsgiOrders, channel: Channel, places: Places, findings: Findings,
                 threshold: float = DEFAULT_THRESHOLD_S) -> None:  # fmt: skip
        self.orders = orders
        self.channel = channel
        self.places = places
        self.findings = findings
        self.threshold = threshold
        self.last_beat = now()
        self.open_block: Block | None = None
        self.spans: dict[OrderTag, list[tuple[float, float]]] = {}
        self._closed: collections.deque[Block] = collections.deque()
        self._lock = threading.Lock()
        self._finishing = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ident: int | None = None
        self._cpu_clock: int | None = None
        self._native_id: int | None = None
        self._stat: int | None = None
        self._stop = threading.Event()
        self._last_look: tuple[float, float | None] = (0.0, None)
        orders.watch = self

    # -- on the loop --------------------------------------------------------------------

    def start_on(self, loop: asyncio.AbstractEventLoop) -> None:
        """Call on the loop's own thread, once it serves; once."""
        if self._loop is not None:
            return
        self._loop, self._ident = loop, threading.get_ident()
        self._native_id = threading.get_native_id()
        try:
            self._cpu_clock = time.pthread_getcpuclockid(self._ident)
        except (AttributeError, OSError):  # not Linux: blocks are told as waits
            self._cpu_clock = None
        self.last_beat = now()
        loop.call_later(BEAT_S, self._beat)
        threading.Thread(target=self._watch, name="chefline-watchdog", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()

    def _beat(self) -> None:
        self.settle()  # notes the turn (last_beat) as well
        if not self._stop.is_set() and self._loop is not None:
            self._loop.call_later(BEAT_S, self._beat)

    def settle(self) -> None:
        """On the loop: it is turning, or one order's code is done with it (it replies, or a
        new order begins), so a block in progress is over. Only what must be told before the
        order's reply is done here: its end, and its kind from the loop's CPU clock."""
        if self.open_block is None:  # the usual case, without the lock: one opened meanwhile
            self.last_beat = now()  # is closed at the next beat, a few ms late at most
            return
        with self._lock:
            block, self.open_block = self.open_block, None
            self.last_beat = end = now()
        if block is None:
            return
        block.end, block.cpu_end = end, time.thread_time()
        block.kind = kind_of(block, block.cpu_end, end)
        self._close(block)

    def _close(self, block: Block) -> None:
        """A block is over (on the loop, or split on the watchdog's thread under the lock):
        its span is the order's, its end is told."""
        self._closed.append(block)
        if block.tag is not None:
            self.spans.setdefault(block.tag, []).append((block.start, block.end))
            race, order = block.tag
            step, kind, end = step_of(block.kind), block.kind, block.end
            self.channel.write(f'["e","{race}",{order},{end!r},"{step}","{kind}"]\n')

    # -- on the watchdog's thread -------------------------------------------------------

    def _watch(self) -> None:
        pause = BEAT_S
        while not self._stop.is_set():
            time.sleep(pause)  # lighter than Event.wait with a timeout
            pause = BEAT_S
            if self._closed:
                self._finish_closed()
            if self.findings.waiting:
                self.findings.drain()
            self.orders.tell_late(now() - ACCEPTED_LATE_S)
            since = self.last_beat
            if self.open_block is not None:
                self._sample()
            elif (late := now() - since) > self.threshold:
                self._open(since)
            else:
                # Look next when this beat would be past the threshold (a later beat only
                # makes that look find the loop turning): a block is still seen as it
                # passes the threshold, and a busy loop is interrupted some 50 times a
                # second for the GIL, not 200 (each look takes the GIL from the loop).
                pause = max(BEAT_S, self.threshold - late + WAKE_MARGIN_S)
            self._last_look = (now(), self._loop_cpu())

    def _loop_cpu(self) -> float | None:
        if self._cpu_clock is None:
            return None
        try:
            return time.clock_gettime(self._cpu_clock)
        except OSError:  # the loop's thread has ended
            return None

    def _loop_running(self) -> bool:
        """Whether the kernel has the loop's thread running or waiting for a core (state R in
        its stat file; Linux), not asleep in a blocking call. One read of a file kept open."""
        if self._stat is None:
            if self._native_id is None:
                return False
            try:
                self._stat = os.open(f"/proc/self/task/{self._native_id}/stat", os.O_RDONLY)
            except OSError:
                self._native_id = None  # not Linux: the CPU clock alone tells
                return False
        try:
            fields = os.pread(self._stat, 512, 0).rpartition(b")")[2].split()
        except OSError:
            return False
        return bool(fields) and fields[0] == b"R"

    def _stack(self) -> list[FrameType]:
        frame = sys._current_frames().get(self._ident) if self._ident is not None else None
        stack = []
        while frame is not None:
            stack.append(frame)
            frame = frame.f_back
        return stack

    def _open(self, since: float) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        stack = self._stack()
        if not stack:
            return
        block = Block(self._order_of(stack, loop), since, now())
        block.cpu_opened = self._loop_cpu()
        seen = self._sight(stack)
        block.seen[seen] += 1
        block.frames[seen] = self._frames(stack)
        block.looks, block.running = 1, int(self._loop_running())
        looked_at, cpu_then = self._last_look
        guess = Block(None, looked_at, looked_at)  # the loop's thread since the last look
        guess.cpu_opened = cpu_then
        block.kind = kind_of(block, block.cpu_opened, block.opened)
        if block.kind == "io" and not block.running:
            block.kind = kind_of(guess, block.cpu_opened, block.opened)
        with self._lock:
            if self.last_beat != since:  # it turned meanwhile: no block after all
                return
            self.open_block = block
            # Told under the lock: the loop's settle cannot tell its end before its start.
            self._tell_start(block)

    def _tell_start(self, block: Block) -> None:
        if block.tag is not None:
            race, order = block.tag
            step, kind, start = step_of(block.kind), block.kind, block.start
            told = f'["b","{race}",{order},"{step}","{kind}",{start!r},true]\n'
            self.orders.tell(block.tag, told)

    def _sample(self) -> None:
        block, loop = self.open_block, self._loop
        stack = self._stack()
        if block is None or loop is None or not stack:
            return
        seen = self._sight(stack)
        tag = self._order_of(stack, loop)
        cpu, t, running = self._loop_cpu(), now(), self._loop_running()
        with self._lock:
            if self.open_block is not block:
                return
            if tag != block.tag:
                # Another order's code holds the loop, which has not turned in between: tasks
                # that were all ready ran one after the other in one turn (Starlette's
                # BaseHTTPMiddleware runs each route in a task of its own). Split at the
                # middle of the two looks; the loop itself tells no one of the change.
                switch = (block.seen_at + t) / 2
                block.end, block.cpu_end = switch, cpu
                block.kind = kind_of(block, cpu, t)
                self._close(block)
                block = Block(tag, switch, t)
                block.cpu_opened = cpu
                self.open_block = block
                self._tell_start(block)
            if seen not in block.frames and len(block.frames) < 20:
                block.frames[seen] = self._frames(stack)
            block.seen[seen] += 1
            block.seen_at = t
            block.looks += 1
            block.running += running
            kind = kind_of(block, cpu, t)
            if kind != block.kind:  # the first looks tell computing from waiting
                block.kind = kind
                self._tell_start(block)

    def _order_of(self, stack: list[FrameType], loop: asyncio.AbstractEventLoop) -> Any:
        """The order that holds the loop, or None (a task of the app's own, a request that is
        not an order). f_locals of a frame in another thread: read holding the GIL, while the
        loop's thread waits for it; only frames that may hold an order are read."""
        for frame in stack:
            if frame.f_code is _ORDER_CODE:
                return frame.f_locals.get("tag")
        try:
            task = asyncio.current_task(loop)
        except (RuntimeError, KeyError):
            task = None
        context = getattr(task, "get_context", None)  # Python 3.12 and newer
        if context is not None:
            tag = context().get(ORDER)
            if tag is not None:
                return tag
        for frame in stack:  # a frame that holds the request's ASGI scope (or a Request)
            code = frame.f_code
            names = code.co_varnames + code.co_cellvars + code.co_freevars
            if "scope" not in names and "request" not in names:
                continue
            local = frame.f_locals
            for held in (local.get("scope"), getattr(local.get("request"), "scope", None)):
                if isinstance(held, dict):
                    tag = tag_of(held.get("headers"))
                    if tag is not None:
                        return tag
        return None

    def _sight(self, stack: list[FrameType]) -> Sighting:
        places = self.places
        third: Library | None = None
        std: Library | None = None
        innermost = True
        for frame in stack:
            code = frame.f_code
            place = places.of(code.co_filename)
            if place == AGENT:
                if innermost:
                    return None  # the agent's own work is running: never blamed
                continue
            if innermost and places.is_loop(code.co_filename):
                # The loop itself, waiting for events or between callbacks: the note came
                # late because the machine gave the process no core, not because of your app.
                return None
            innermost = False
            line = frame.f_lineno or code.co_firstlineno
            if place == OWN:
                return (code.co_filename, line, code.co_name), third or std
            spot = (places.label(code.co_filename), code.co_filename, line, code.co_name)
            if place == LIBRARY and third is None:
                third = spot
            elif place == STDLIB and std is None:
                std = spot
        return None, third or std

    def _frames(self, stack: list[FrameType]) -> list[str]:
        shown = []
        for frame in stack:
            code = frame.f_code
            place = self.places.of(code.co_filename)
            if place == AGENT:
                continue
            where = code.co_filename if place == OWN else self.places.label(code.co_filename)
            shown.append(f"{where}:{frame.f_lineno} in {code.co_name}"[:LONGEST_TEXT])
            if len(shown) == TOP_FRAMES:
                break
        return shown

    # -- telling Chefline ---------------------------------------------------------------

    def _finish_closed(self) -> None:
        with self._finishing:
            while self._closed:
                said = told(self._closed.popleft(), still_running=False)
                if said is not None:
                    self.channel.send({"block": said})

    def flush(self) -> None:
        """Tell every block so far, and the one still open with its length so far (Chefline
        asks at the end of a race: a block can outlast it)."""
        self._finish_closed()
        with self._lock:
            block = self.open_block
            if block is not None:
                block.end, block.cpu_end = now(), self._loop_cpu()
                block.kind = kind_of(block, block.cpu_end, block.end)
                said = told(block, still_running=True)
                if said is not None:
                    self.channel.send({"open_block": said})
