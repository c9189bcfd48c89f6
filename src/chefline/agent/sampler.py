"""Working or stuck at the pot: a sampler that watches the threads cooking your WSGI app's
orders and tells, every few ms, whether each one ran Python (its own CPU time went up) or
stood waiting in a blocking call (sleep, socket, lock: its CPU time stood still).

It reads each thread's CPU clock (``pthread_getcpuclockid``), not its stack, so it costs one
system call per cooking thread and look, and nothing at all while no order is in the kitchen.
Where a thread's CPU clock cannot be read (not Linux) ``ThreadSampler.usable`` is False and
the middleware tells the whole route from its CPU share instead.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field

from .channel import now

LOOK_S = 0.02
"""How often the sampler looks at an order: the resolution of the working / stuck segments
(a pixel or two of a timeline of seconds). Every 5 ms, under wrk's twenty connections to a
plain Flask route, it looked at each order waiting for the GIL four times as often, each look
three system calls that give the GIL up: +15 % CPU per order (benchmarks/your_app.py). Most
orders of a quick route end before their first look: their one look is ``leave``'s."""
PARK_AFTER_S = 0.5
"""With no order in the kitchen for this long, the sampler sleeps until the next one comes.
Parked at once, every quick order woke it again (under wrk, one wake per order: 50-85 µs of
CPU each, its futex and its turn at the GIL, and most orders already done when it looked)."""
BUSY_SHARE = 0.5
"""A thread that ran for at least this share of a look's time was working."""


@dataclass
class _Cooking:
    clock: int
    """The thread's CPU clock id."""
    native_id: int
    """The thread's id for the kernel (``/proc/self/task/<id>/stat``)."""
    since: float
    cpu: float
    segments: list[tuple[float, float, bool]] = field(default_factory=list)
    """(start, end, working), consecutive looks of one state merged."""
    stat: int | None = None
    """Its stat file, opened at the first look that needs it and kept open for the order
    (most orders of a quick route end before the sampler ever looks at them)."""


def _cpu_clock(ident: int) -> int | None:
    try:
        return time.pthread_getcpuclockid(ident)
    except (AttributeError, OSError):
        return None


class ThreadSampler:
    def __init__(self) -> None:
        self._cooking: dict[int, _Cooking] = {}
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._stopped = False
        self.usable = _cpu_clock(threading.get_ident()) is not None

    def enter(self) -> None:
        """The calling thread starts cooking an order."""
        ident = threading.get_ident()
        clock = _cpu_clock(ident)
        if clock is None:
            return
        with self._lock:
            cooking = _Cooking(clock, threading.get_native_id(), now(), time.clock_gettime(clock))
            self._cooking[ident] = cooking
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="chefline-thread-sampler", daemon=True
                )
                self._thread.start()
        if not self._wake.is_set():  # the sampler sleeps: nothing was cooking
            self._wake.set()

    def leave(self) -> list[tuple[float, float, bool]]:
        """The calling thread is done with its order: its segments, the last one included."""
        with self._lock:
            cooking = self._cooking.pop(threading.get_ident(), None)
            if cooking is None:
                return []
            # An order the sampler never looked at (done within LOOK_S) is told by its
            # CPU share alone: asking the kernel takes three system calls, each giving up
            # the GIL, on every quick order of a busy kitchen.
            watched = bool(cooking.segments)
            self._look_at(cooking, now(), time.clock_gettime(cooking.clock), watched)
            if cooking.stat is not None:
                os.close(cooking.stat)
        return cooking.segments

    def stop(self) -> None:
        self._stopped = True
        self._wake.set()

    def _run(self) -> None:
        empty_since: float | None = None
        while not self._stopped:
            with self._lock:
                cooking = list(self._cooking.items())
                idle = empty_since is not None and now() - empty_since >= PARK_AFTER_S
                park = not cooking and idle
                if park:
                    self._wake.clear()
            if park:
                self._wake.wait()  # nothing in the kitchen a while: sleep until an order comes
                empty_since = None
                continue
            if not cooking:
                empty_since = empty_since or now()
                time.sleep(LOOK_S)
                continue
            empty_since = None
            horizon = now() - LOOK_S
            for ident, order in cooking:
                if order.since > horizon:  # looked at (or begun) just now: next time
                    continue
                with self._lock:
                    if self._cooking.get(ident) is not order:
                        continue  # done meanwhile: leave() took its last look
                    try:
                        cpu = time.clock_gettime(order.clock)
                    except OSError:
                        continue
                    self._look_at(order, now(), cpu)
            time.sleep(LOOK_S)

    @staticmethod
    def _look_at(order: _Cooking, t: float, cpu: float, ask_kernel: bool = True) -> None:
        if t <= order.since:
            return
        # A thread that wants a core and waits for one (a busy machine) is still working:
        # the kernel says R (running or runnable) for it, S or D for a blocking call.
        working = cpu - order.cpu >= BUSY_SHARE * (t - order.since) or (
            ask_kernel and _runnable(order)
        )
        last = order.segments[-1] if order.segments else None
        if last is not None and last[2] == working and last[1] == order.since:
            order.segments[-1] = (last[0], t, working)
        else:
            order.segments.append((order.since, t, working))
        order.since, order.cpu = t, cpu


def _open_stat(native_id: int) -> int | None:
    try:
        return os.open(f"/proc/self/task/{native_id}/stat", os.O_RDONLY)
    except OSError:
        return None


def _runnable(order: _Cooking) -> bool:
    """Whether the kernel has the thread running or waiting for a core (Linux; else False).
    One read of the file kept open: a look at twenty cooking threads stays cheap."""
    if order.stat is None:
        order.stat = _open_stat(order.native_id)
        if order.stat is None:
            return False
    try:
        fields = os.pread(order.stat, 512, 0).rpartition(b")")[2].split()
    except OSError:
        return False
    return bool(fields) and fields[0] == b"R"
