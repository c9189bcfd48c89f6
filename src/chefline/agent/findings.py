"""What your routes raised, told to Chefline off the chef's time: one line per error with its
last words and the innermost line of your code it went through; Chefline counts them per
race and says each kind once, with how many orders it burnt."""

from __future__ import annotations

import collections
import threading
import traceback
from typing import Any

from .channel import Channel
from .places import OWN, Places

KEPT = 200
"""Errors noted before they are told (on the next flush, or by the noting thread itself)."""


def describe_raise(error: BaseException, places: Places) -> dict[str, Any]:
    """The error's last line and the innermost frame of your code it went through."""
    last = traceback.format_exception_only(type(error), error)[-1].strip()
    spot: tuple[str, int, str] | None = None
    tb = error.__traceback__
    while tb is not None:  # walked by hand: no source lines read
        code = tb.tb_frame.f_code
        if places.of(code.co_filename) == OWN:
            spot = (code.co_filename, tb.tb_lineno, code.co_name)
        tb = tb.tb_next
    told: dict[str, Any] = {"error": last[:500]}
    if spot is not None:
        told.update(file=spot[0], line=spot[1], function=spot[2])
    return told


class Findings:
    def __init__(self, channel: Channel, places: Places) -> None:
        self.channel = channel
        self.places = places
        self._raised: collections.deque[tuple[str, BaseException]] = collections.deque()
        self._lock = threading.Lock()

    @property
    def waiting(self) -> bool:
        """Whether errors wait to be told."""
        return bool(self._raised)

    def note_raise(self, race: str, error: BaseException) -> None:
        """On the chef's time (the loop, a worker thread): kept, told later."""
        self._raised.append((race, error))
        if len(self._raised) > KEPT:
            self.drain()

    def drain(self) -> None:
        """Tell every error noted so far (any thread but the loop's)."""
        with self._lock:
            while self._raised:
                race, error = self._raised.popleft()
                self.channel.send({"raised": {"race": race, **describe_raise(error, self.places)}})
