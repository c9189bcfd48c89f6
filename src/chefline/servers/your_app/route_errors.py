"""What your route raised during a race: one sentence per kind of error, with how many orders
it burnt, instead of a traceback per order."""

from __future__ import annotations

import os
import sysconfig
import threading
import traceback

_NOT_YOURS = tuple(
    os.path.realpath(p) + os.sep
    for p in {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"],
              sysconfig.get_paths()["platlib"], os.path.dirname(os.path.dirname(__file__))}
)  # fmt: skip


def yours(filename: str) -> bool:
    """Whether a frame's file is your code, not Python's, a library's or Chefline's."""
    return not filename.startswith("<") and not os.path.realpath(filename).startswith(_NOT_YOURS)


def describe_raise(error: BaseException) -> str:
    """'RuntimeError: the oven is off (at app.py:5 in `boom`)': the error's last line and
    the innermost line of your code it went through."""
    last = traceback.format_exception_only(type(error), error)[-1].strip()
    frames = [f for f in traceback.extract_tb(error.__traceback__) if yours(f.filename)]
    if not frames:
        return last
    where = frames[-1]
    return f"{last} (at {os.path.basename(where.filename)}:{where.lineno} in `{where.name}`)"


class RouteErrors:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[tuple[str, str], int] = {}

    def note(self, race: str, error: BaseException) -> None:
        key = (race, describe_raise(error))
        with self._lock:
            self._counts[key] = self._counts.get(key, 0) + 1

    def in_race(self, race: str) -> list[tuple[str, int]]:
        """(sentence, orders) of the race, the most frequent first."""
        with self._lock:
            found = [(text, n) for (r, text), n in self._counts.items() if r == race]
        return sorted(found, key=lambda item: -item[1])
