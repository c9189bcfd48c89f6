"""Serve your wrapped app with the server you chose, as it is installed in your app's own
environment, on the listening socket Chefline bound and handed down (so Chefline keeps
choosing the port and reporting a busy one). A server that is not installed there is one
``Refusal``, which Chefline says in one sentence."""

from __future__ import annotations

import asyncio
import ctypes
import logging
import os
import signal
import socket
import sys
from typing import Any, Callable

from .channel import Channel
from .loading import Refusal

SPEAKS = {"uvicorn": "asgi", "werkzeug": "wsgi", "werkzeug-threaded": "wsgi",
          "waitress": "wsgi", "gunicorn": "wsgi", "gevent": "wsgi"}  # fmt: skip
"""Each server Chefline knows, and the kind of app it serves."""
DEFAULT_SERVER = {"asgi": "uvicorn", "wsgi": "werkzeug-threaded"}
PACKAGE = {"werkzeug-threaded": "werkzeug"}
"""The package a server comes in, where its name is not the package's."""


def _need(module: str, server: str) -> Any:
    """Import the server's package from your app's environment, or refuse in one sentence."""
    try:
        return __import__(module, fromlist=["_"])
    except ImportError:
        raise Refusal("no-server", PACKAGE.get(server, server), sys.executable) from None


def _quiet(*loggers: str) -> None:
    """A server's own lines (its start, every request) are not your app's output."""
    for name in loggers:
        logging.getLogger(name).setLevel(logging.WARNING)


def serve_uvicorn(app: Any, sock: socket.socket,
                  on_started: Callable[[asyncio.AbstractEventLoop], None]) -> bool:  # fmt: skip
    """Serve ``app`` until the process ends; False when its start-up failed."""
    uvicorn = _need("uvicorn", "uvicorn")
    _quiet("uvicorn", "uvicorn.error", "uvicorn.access")

    server_class: Any = uvicorn.Server

    class WatchedServer(server_class):  # type: ignore[misc]
        async def startup(self, sockets: Any = None) -> None:
            await super().startup(sockets=sockets)
            if self.started:  # the watchdog starts on the loop that serves, once it does
                on_started(asyncio.get_running_loop())

    config = uvicorn.Config(app, lifespan="auto", log_config=None, log_level="warning",
                            access_log=False)  # fmt: skip
    server = WatchedServer(config)
    try:
        server.run(sockets=[sock])
    except SystemExit:  # newer uvicorn ends a failed start-up so
        return False
    return bool(server.started)


def serve_werkzeug(
    app: Any, sock: socket.socket, threaded: bool, ready: Callable[[], None]
) -> None:
    serving = _need("werkzeug.serving", "werkzeug")
    _quiet("werkzeug")
    server = serving.make_server("127.0.0.1", sock.getsockname()[1], app, threaded=threaded,
                                 fd=sock.fileno())  # fmt: skip
    # A burst beyond werkzeug's own backlog (128) would wait for SYN retries of 1 s and 3 s.
    server.socket.listen(2048)
    ready()
    server.serve_forever(poll_interval=0.05)


def serve_waitress(app: Any, sock: socket.socket, threads: int, ready: Callable[[], None]) -> None:
    waitress = _need("waitress.server", "waitress")
    _quiet("waitress", "waitress.queue")
    server = waitress.create_server(app, sockets=[sock], threads=threads)
    ready()
    server.run()


def serve_gevent(app: Any, sock: socket.socket, ready: Callable[[], None]) -> None:
    pywsgi = _need("gevent.pywsgi", "gevent")
    server = pywsgi.WSGIServer(sock, app, log=None)
    server.start()
    ready()
    server.serve_forever()


def serve_gunicorn(app: Any, sock: socket.socket, workers: int, channel: Channel) -> None:
    base = _need("gunicorn.app.base", "gunicorn")

    def worker_ready(worker: Any) -> None:
        channel.send({"worker": os.getpid()})

    options: dict[str, Any] = {
        "bind": [f"fd://{sock.fileno()}"],
        "workers": workers,
        "worker_class": "sync",
        # 0: no heartbeat limit; a 30 s route must not get its worker killed.
        "timeout": 0,
        "graceful_timeout": 1,
        "loglevel": "warning",
        "proc_name": "chefline your app",
        "post_fork": lambda server, worker: _die_with_parent(),
        "post_worker_init": worker_ready,
    }

    application: Any = base.BaseApplication

    class YourAppServer(application):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                if key in self.cfg.settings:
                    self.cfg.set(key, value)

        def load(self) -> Any:
            return app

    YourAppServer().run()


def _die_with_parent() -> None:
    """Linux: the kernel kills a worker when gunicorn's arbiter dies, however it dies (the
    arbiter forks from its only thread, so the "parent thread" this watches is the arbiter)."""
    if not sys.platform.startswith("linux"):
        return
    pr_set_pdeathsig = 1
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
