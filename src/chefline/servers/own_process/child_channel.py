"""The child side of a kitchen that runs in processes of its own: how it talks to the app.

The app holds the other end of the child's standard streams:

- stdin is the lifeline. The app writes commands to it (``clock``, ``link {json}``); when it
  closes, because the app stopped the kitchen or the app died (even by SIGKILL, the kernel
  closes its pipes), the whole kitchen goes at once, workers included.
- stdout carries one JSON object per line: ``{"race", "event"}`` for each live event,
  ``{"clock"}`` replies, ``{"ready"}`` and ``{"worker"}`` announcements.

Nothing here imports a web framework: gevent must patch the process before they load.
"""

from __future__ import annotations

import _thread
import contextlib
import json
import mmap
import os
import signal
import struct
import sys
from typing import Any

from chefline.kitchen.clock import now
from chefline.kitchen.events import OrderEvent

LINK_BOARD_BYTES = 4096
_HEADER = struct.Struct("<II")
"""Generation and length of the link JSON on the board."""


class ChildChannel:
    """Writes lines to the app. One ``os.write`` per line: a line shorter than the pipe's
    atomic size (4 KiB on Linux) never interleaves with the lines of a sibling worker."""

    def __init__(self) -> None:
        # Our own copy of stdout for the lines, and stdout itself pointed at stderr, so that
        # a library's stray print cannot break the protocol.
        self.fd = os.dup(sys.stdout.fileno())
        sys.stdout.flush()
        os.dup2(sys.stderr.fileno(), sys.stdout.fileno())

    def send(self, message: dict[str, Any]) -> None:
        # An OSError means the app is gone; the lifeline ends this process in a moment.
        with contextlib.suppress(OSError):
            os.write(self.fd, json.dumps(message, separators=(",", ":")).encode() + b"\n")

    def publish(self, race: str, event: OrderEvent) -> None:
        """A relay listener: the event goes to the app, which publishes it on its relay."""
        self.send({"race": race, "event": event.to_json()})


class LinkBoard:
    """Which model the kitchen calls, shared by a process and the workers it forks.

    An anonymous shared mapping made before the fork is the same memory in every worker, so
    the lifeline thread of the parent can change the model between races for all of them.
    """

    def __init__(self) -> None:
        self._map = mmap.mmap(-1, LINK_BOARD_BYTES)
        self._seen = -1
        self._value: dict[str, Any] | None = None

    def post(self, link: dict[str, Any] | None) -> None:
        body = json.dumps(link).encode()
        if _HEADER.size + len(body) > LINK_BOARD_BYTES:
            return  # a ModelLink is far smaller; refuse rather than corrupt the board
        generation = _HEADER.unpack_from(self._map, 0)[0] + 1
        # Body first, header last: a reader never sees a new length with an old body.
        self._map[_HEADER.size : _HEADER.size + len(body)] = body
        _HEADER.pack_into(self._map, 0, generation, len(body))

    def read(self) -> dict[str, Any] | None:
        generation, length = _HEADER.unpack_from(self._map, 0)
        if generation != self._seen:
            raw = self._map[_HEADER.size : _HEADER.size + length]
            self._value = json.loads(raw) if length else None
            self._seen = generation
        return self._value


def start_os_thread(target: Any) -> None:
    """Run ``target`` in a real OS thread, even in a process gevent has patched (its
    threads are greenlets, which a blocking read of stdin would freeze with the rest)."""
    start = _thread.start_new_thread
    if "gevent.monkey" in sys.modules:
        from gevent.monkey import get_original

        start = get_original("_thread", "start_new_thread")
    start(target, ())


def end_kitchen() -> None:
    """End this process and, when it leads its own process group, every worker it forked."""
    if hasattr(os, "killpg") and os.getpgrp() == os.getpid():
        os.killpg(os.getpgrp(), signal.SIGKILL)
    os._exit(0)


def hold_lifeline(channel: ChildChannel, board: LinkBoard) -> None:
    """Answer the app's commands until stdin closes, then end the kitchen (in an OS thread)."""

    def listen() -> None:
        for raw in sys.stdin.buffer:
            command, _, argument = raw.decode().strip().partition(" ")
            if command == "clock":
                channel.send({"clock": now()})
            elif command == "link":
                board.post(json.loads(argument))
        end_kitchen()

    start_os_thread(listen)
