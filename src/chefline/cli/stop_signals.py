"""Ctrl+C and SIGTERM on the command line: stop the race, keep what it measured.

Outside a race either signal raises ``KeyboardInterrupt`` where the command is (SIGTERM's
default would end the process with no word); during a race (``while_racing``) it cancels the
race instead, so the customers hand back their open orders and the table of what was
measured so far is printed, marked as stopped. ``StopSignals.code`` is then 130 or 143.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType

from chefline.cli import exit_codes

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class StopSignals:
    """Which stop signal came, if any."""

    def __init__(self) -> None:
        self.received: int | None = None

    @property
    def code(self) -> int | None:
        """130 after SIGINT, 143 after SIGTERM, None when neither came."""
        return None if self.received is None else exit_codes.BY_SIGNAL[self.received]

    def _raise(self, signum: int, _: FrameType | None) -> None:
        self.received = self.received or signum
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def installed(self) -> Iterator[StopSignals]:
        """While the command runs: SIGTERM too interrupts it as Ctrl+C does."""
        if threading.current_thread() is not threading.main_thread():
            yield self  # signals reach only the main thread: nothing to install
            return
        before = {sig: signal.getsignal(sig) for sig in SIGNALS}
        for sig in SIGNALS:
            signal.signal(sig, self._raise)
        try:
            yield self
        finally:
            for sig, handler in before.items():
                signal.signal(sig, handler)

    @contextlib.contextmanager
    def while_racing(self, cancel: Callable[[], None]) -> Iterator[None]:
        """Inside the race's event loop: a stop signal calls ``cancel`` (the race ends with
        what it measured) instead of interrupting wherever the loop happens to be."""
        loop = asyncio.get_running_loop()
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        before = {sig: signal.getsignal(sig) for sig in SIGNALS}

        def stop(signum: int) -> None:
            self.received = self.received or signum
            cancel()

        for sig in SIGNALS:
            loop.add_signal_handler(sig, stop, sig)
        try:
            yield
        finally:
            for sig, handler in before.items():
                loop.remove_signal_handler(sig)
                signal.signal(sig, handler)  # remove_signal_handler put Python's default back
