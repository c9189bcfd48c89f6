"""The customers' process, seen from the app: start it, hand it races, hear what happens.

One process can serve many races, one after another (the window keeps one for its life, so
a race starts without a new interpreter's start-up); ``close()`` ends it, and so does the app
dying, since the process ends when its stdin closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import subprocess
import threading
import time
from collections.abc import Callable
from typing import Any

from chefline.client.customer_news import CUSTOMERS_COMMAND, CustomerNews, RaceBrief, decode_news
from chefline.kitchen.errors import CustomersGone
from chefline.process import chefline_command

NewsHandler = Callable[[list[Any]], None]
"""Called in the reader thread with each line the customers write."""


START_TIMEOUT_S = 20.0
"""A fresh interpreter imports httpx and aiohttp first: most of a second here, more on a
busy machine."""


class CustomerProcess:
    """A running ``chefline _customers`` and the thread that reads what it writes."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            chefline_command(CUSTOMERS_COMMAND),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        # The races sent, in the order the process runs them (one at a time, each ending with
        # an "over" line): news belongs to the first. A forgotten race keeps its place until
        # its "over", so a stopped race's last news is dropped, never told to the next one.
        self._races: list[NewsHandler | None] = []
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._reader = threading.Thread(target=self._read, name="customers-news", daemon=True)
        self._reader.start()

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def alive(self) -> bool:
        return self._process.poll() is None

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def wait_ready(self, timeout: float = START_TIMEOUT_S) -> None:
        """Return once the process has started (its imports take most of a second), so that
        a race's clock starts when its customers can walk in; raises CustomersGone."""
        if not self._ready.wait(timeout):
            raise CustomersGone(self._why_gone() if not self.alive else
                                "the customers' process did not start in time")  # fmt: skip

    async def until_ready(self, timeout: float = START_TIMEOUT_S) -> None:
        """``wait_ready`` for a coroutine: the loop goes on meanwhile (a GUI keeps painting)."""
        deadline = time.monotonic() + timeout
        while not self.ready:
            if not self.alive or time.monotonic() > deadline:
                self.wait_ready(0)  # raises, saying why
            await asyncio.sleep(0.02)

    def start_race(self, brief: RaceBrief, handler: NewsHandler) -> None:
        """Send ``brief``; ``handler`` hears its news until the race's ``over`` line."""
        with self._lock:
            self._races.append(handler)
        self._send({**brief.to_json()})

    def forget(self, handler: NewsHandler) -> None:
        """Stop telling ``handler`` anything (its race is over, or its loop is going)."""
        with self._lock:
            self._races = [None if heard is handler else heard for heard in self._races]

    def cancel(self, race: str) -> None:
        with contextlib.suppress(CustomersGone):
            self._send({"cancel": race})

    def kill(self) -> None:
        """End the process now, orders and all (the app is closing: nobody needs to hear
        how the open orders were stopped)."""
        self._process.kill()

    def close(self) -> None:
        """End the process (closing its stdin is its signal) and wait a moment for it."""
        with contextlib.suppress(OSError, ValueError):
            if self._process.stdin is not None:
                self._process.stdin.close()
        try:  # a process still importing notices its closed stdin only once started
            self._process.wait(1.0 if self.ready else 0.0)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(2.0)
        self._reader.join(2.0)
        if self._process.stdout is not None:
            self._process.stdout.close()

    def _send(self, message: dict[str, Any]) -> None:
        stdin = self._process.stdin
        if stdin is None or not self.alive:
            raise CustomersGone(self._why_gone())
        try:
            stdin.write(json.dumps(message, separators=(",", ":")) + "\n")
            stdin.flush()
        except (OSError, ValueError) as error:
            raise CustomersGone(self._why_gone()) from error

    def _read(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        for line in stdout:
            news = decode_news(line)
            if news[0] == CustomerNews.READY:
                self._ready.set()
                continue
            with self._lock:
                handler = self._races[0] if self._races else None
                if news[0] == CustomerNews.OVER and self._races:
                    self._races.pop(0)
            if handler is not None:
                handler(news)
        # The process ended: each race still listening hears so, as an "over" of its own.
        with self._lock:
            listening, self._races = [heard for heard in self._races if heard], []
        for handler in listening:
            handler([CustomerNews.GONE, self._why_gone()])

    def _why_gone(self) -> str:
        code = self._process.poll()
        return f"the customers' process ended (exit code {code})"
