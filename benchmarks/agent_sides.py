"""One side of the your-app benchmark, in a process of its own as ``chefline race --app`` runs
your app: the plain app (``plain_app.py``) served by the agent's own server code, bare (no
watching) or watched (the agent's middleware, and its loop watchdog or thread sampler,
telling every order's events on its stdout). Both sides load the same app and set the heap
it made aside from the garbage collector, so a full collection in one run and not the other
does not count as the orders' work.

``Side`` starts one (under valgrind when asked) and stops it; run as a script, this file is
the side itself: ``python agent_sides.py ASGI|WSGI bare|watched FD STRETCH``.
"""

from __future__ import annotations

import gc
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

APP = HERE / "plain_app.py"
SERVED_AS = {"ASGI": ("fastapi_app", "uvicorn"), "WSGI": ("flask_app", "werkzeug-threaded")}
"""Each kind's app (an attribute of plain_app.py) and the server your kitchen gives it."""


class Side:
    """A side's process, serving on a port of its own; ``stop`` returns its stderr."""

    def __init__(self, kind: str, side: str, stretch: float = 1.0, *, valgrind: bool = False):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.bind(("127.0.0.1", 0))
        sock.listen(2048)
        self.port = sock.getsockname()[1]
        command = [sys.executable, __file__, kind, side, str(sock.fileno()), repr(stretch)]
        if valgrind:
            command = ["valgrind", "--tool=cachegrind", "--cache-sim=no",
                       "--cachegrind-out-file=/dev/null", *command]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE if valgrind else subprocess.DEVNULL, pass_fds=(sock.fileno(),),
        )  # fmt: skip
        sock.close()
        self.events = 0
        self._ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        if not self._ready.wait(600):
            self.process.kill()
            raise RuntimeError(f"the {side} {kind} side did not start")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:  # the watched side's events: read, as Chefline does
            if line.startswith(b"["):
                self.events += 1
            elif b'"ready"' in line:
                self._ready.set()
        self._ready.set()

    def stop(self) -> str:
        """Close its lifeline (it ends itself) and return what it said on stderr."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        err = self.process.stderr.read() if self.process.stderr is not None else b""
        self.process.wait(600)
        return err.decode(errors="replace")


def _serve(kind: str, side: str, fd: int, stretch: float) -> None:
    from chefline.agent import loading, main, middleware, sampler, serving, watchdog
    from chefline.agent.channel import Channel, hold_lifeline

    # Stretched by valgrind's slowdown, the watching's timed work (heartbeats, looks, the
    # blocking threshold) weighs per order what it does at full speed, and an order made
    # slower by valgrind is not drawn with an awaited step a plain route never has.
    watchdog.BEAT_S *= stretch
    middleware.SHORTEST_STEP_S *= stretch
    sampler.LOOK_S *= stretch
    sampler.PARK_AFTER_S *= stretch
    attr, server = SERVED_AS[kind]
    if side == "watched":
        load = loading.load_app

        def load_and_set_aside(target: str) -> Any:
            loaded = load(target)
            gc.collect()
            gc.freeze()
            return loaded

        main.load_app = load_and_set_aside  # type: ignore[attr-defined]
        main.main(["serve", "--target", f"{APP}:{attr}", "--server", server, "--fd", str(fd),
                   "--threshold", repr(watchdog.DEFAULT_THRESHOLD_S * stretch)])  # fmt: skip
        return
    import plain_app

    channel = Channel()
    hold_lifeline(channel, {})
    gc.collect()
    gc.freeze()
    sock = socket.socket(fileno=fd)
    ready = lambda *_: channel.send({"ready": os.getpid()})  # noqa: E731
    if kind == "ASGI":
        serving.serve_uvicorn(getattr(plain_app, attr), sock, ready)
    else:
        serving.serve_werkzeug(getattr(plain_app, attr), sock, True, ready)


if __name__ == "__main__":
    _serve(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
