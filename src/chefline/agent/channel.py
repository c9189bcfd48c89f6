"""How the agent talks to Chefline, which holds the other end of its standard streams.

- stdin is the lifeline. Chefline writes commands to it (``clock``, ``flush RACE``); when it
  closes (Chefline stopped the kitchen, or died: the kernel closes its pipes even after a
  SIGKILL) the whole kitchen goes at once, a pre-fork server's workers included.
- stdout carries one line per message. Order events are JSON arrays (short to write on the
  chef's time): ``["a", race, order, t, chef, chef_kind]`` accepted, ``["s", race, order,
  step, kind, t, end, holds_chef]`` a step that is over, ``["b", race, order, step, kind, t,
  holds_chef]`` a step that begins, ``["e", race, order, t, step, kind]`` it ends, ``["d",
  race, order, t]`` done. Everything else is a JSON object: ``{"ready"}``, ``{"worker"}``,
  ``{"clock"}``, ``{"failed"}``, ``{"block"}``, ``{"raised"}``, ``{"open_block"}``,
  ``{"flushed"}``.

Your app's own output must never mix into these lines: the channel keeps a copy of stdout for
itself and points stdout at stderr, which Chefline shows as your app's.
"""

from __future__ import annotations

import _thread
import json
import os
import signal
import sys
import time
from typing import Any, Callable

now = time.perf_counter
"""The machine's monotonic clock, the one Chefline's own timestamps are read from."""

PIPE_ATOMIC = 4096
"""A write of at most this many bytes to a pipe never interleaves with another process's or
thread's (POSIX PIPE_BUF on Linux): every line the chef writes stays under it."""


class Channel:
    def __init__(self) -> None:
        sys.stdout.flush()
        self.fd = os.dup(sys.stdout.fileno())
        os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
        # A print in your app reaches its line at once, not when a buffer fills.
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(line_buffering=True)

    def send(self, message: dict[str, Any]) -> None:
        self.write(json.dumps(message, separators=(",", ":")) + "\n")

    def write(self, text: str) -> None:
        data = text.encode("utf-8", "replace")
        try:
            while data:  # a blocking pipe takes it all; a signal may cut a write short
                data = data[os.write(self.fd, data) :]
        except OSError:  # Chefline is gone; the lifeline ends this process in a moment
            pass


def start_os_thread(target: Callable[[], None]) -> None:
    """Run ``target`` in a real OS thread, even in a process gevent has patched (its threads
    are greenlets, which a blocking read of stdin would freeze with the rest)."""
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


def hold_lifeline(channel: Channel, commands: dict[str, Callable[[str], None]]) -> None:
    """Answer Chefline's commands until stdin closes, then end the kitchen (an OS thread)."""

    def listen() -> None:
        try:
            for raw in sys.stdin.buffer:
                command, _, argument = raw.decode("utf-8", "replace").strip().partition(" ")
                if command == "clock":
                    channel.send({"clock": now()})
                elif command in commands:
                    commands[command](argument)
        finally:
            end_kitchen()

    start_os_thread(listen)


def race_id(raw: Any) -> str | None:
    """An order's race as the customers send it (letters and digits), or None: it is written
    into the lines as it is, so nothing else may pass."""
    if isinstance(raw, bytes):
        if not raw or len(raw) > 64 or not raw.isalnum():
            return None
        return raw.decode("ascii")
    if isinstance(raw, str) and raw and len(raw) <= 64 and raw.isascii() and raw.isalnum():
        return raw
    return None
