"""How much this process grows while a kitchen inside it holds a load. No Qt.

A kitchen in the app's own process has no memory of its own to read: its threads' stacks,
its sockets and its requests are the app's. Raced alone, what the app grows by during the
race is the nearest honest figure, the runner's records of the orders included.
"""

from __future__ import annotations

import threading

import psutil

SAMPLE_EVERY_S = 0.05
"""Often enough to catch a burst's peak: its threads live for one dish."""


class ProcessMemory:
    """Resident memory of this process, sampled in a thread from ``start`` to ``stop``."""

    def __init__(self, every: float = SAMPLE_EVERY_S) -> None:
        self.every = every
        self._me = psutil.Process()
        self.base = self._rss()
        self.peak = self.base
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _rss(self) -> int:
        return int(self._me.memory_info().rss)

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, self._rss())

    def start(self) -> ProcessMemory:
        self.base = self.peak = self._rss()
        self._thread = threading.Thread(target=self._run, name="process-memory", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> int:
        """Stop sampling; the most the process grew by since ``start``, in bytes."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.peak = max(self.peak, self._rss())
        return max(0, self.peak - self.base)
