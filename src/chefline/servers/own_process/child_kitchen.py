"""A Flask kitchen in processes of its own, started by the app (``chefline.child``).

A kitchen served by gevent monkey-patches this process (which is why it is not the app's)
and serves the Flask app with gevent's WSGI server; one served by gunicorn runs it with k
sync workers. Both serve on the listening socket the app
bound and passed down (``--fd``), so the app keeps choosing the port and reporting a busy one.
See ``child_channel`` for the talk.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import sys
from typing import Any

from chefline.kitchen.modes.serving import ServerKind


def serve(server: ServerKind, fd: int, workers: int, name: str) -> None:
    """Serve the kitchen ``name`` with ``server`` on the socket ``fd`` until the app lets go
    of the lifeline."""
    from chefline.servers.own_process.child_channel import ChildChannel, LinkBoard, hold_lifeline

    channel = ChildChannel()
    board = LinkBoard()
    hold_lifeline(channel, board)
    app = _flask_app(server, name, channel, board)
    if server is ServerKind.GEVENT:
        _serve_gevent(app, fd, channel)
    else:
        _serve_gunicorn(app, fd, workers, name, channel)


def _flask_app(server: ServerKind, name: str, channel: Any, board: Any) -> Any:
    from chefline.servers.apps.flask_kitchen import create_flask_app
    from chefline.servers.llm.model_link import ModelLink, Supplier
    from chefline.servers.relay import EventRelay

    class BoardSupplier(Supplier):
        """The model the app last posted on the board."""

        def current(self) -> ModelLink:
            posted = board.read()
            self.link = None if posted is None else ModelLink(**posted)
            return super().current()

    relay = EventRelay()
    relay.subscribe(channel.publish)
    if server is ServerKind.GEVENT:
        return create_flask_app(name, relay, supplier=BoardSupplier(), chef_kind="greenlet")
    # A forked worker's main thread has the same name and id in every worker: name the process.
    return create_flask_app(
        name, relay, supplier=BoardSupplier(), chef_of=lambda: f"worker-{os.getpid()}",
        chef_kind="process",
    )  # fmt: skip


def _serve_gevent(app: Any, fd: int, channel: Any) -> None:
    from gevent.pywsgi import WSGIHandler, WSGIServer

    from chefline.servers.apps.slow_clients import READ_TIMEOUT_S

    class TimedBodyHandler(WSGIHandler):
        """A slow customer holds only its own greenlet; still, once an order has begun its
        body comes within a few seconds, or the read fails and the order is refused (400)."""

        def handle_one_request(self) -> Any:
            self.socket.settimeout(None)  # kept alive between orders, as long as it likes
            return super().handle_one_request()

        def read_request(self, raw_requestline: Any) -> Any:
            self.socket.settimeout(READ_TIMEOUT_S)
            return super().read_request(raw_requestline)

    listener = socket.socket(fileno=fd)
    server = WSGIServer(listener, app, log=None, handler_class=TimedBodyHandler)
    server.start()
    channel.send({"ready": os.getpid()})
    server.serve_forever()


def _patient_sync_worker() -> type:
    """gunicorn's sync worker, whose client sockets cut off a customer who stops ordering
    (``slow_clients``): ``timeout`` 0 keeps long dishes alive but leaves reads unbounded."""
    import logging

    from gunicorn.workers.sync import SyncWorker

    from chefline.servers.apps.slow_clients import HeaderDeadline

    class PatientSyncWorker(SyncWorker):
        def handle(self, listener: Any, client: Any, addr: Any) -> None:
            # gunicorn's stubs say socket; it only reads and writes it, as the wrapper does.
            super().handle(listener, HeaderDeadline(client), addr)  # type: ignore[arg-type]

        def handle_request(self, listener: Any, req: Any, client: Any, addr: Any) -> Any:
            client.headers_done()
            return super().handle_request(listener, req, client, addr)

    class QuietTimeouts(logging.Filter):
        """A slow customer cut off is the plan, not a traceback for the log."""

        def filter(self, record: logging.LogRecord) -> bool:
            error = record.exc_info[1] if record.exc_info else None
            return not isinstance(error, TimeoutError)

    logging.getLogger("gunicorn.error").addFilter(QuietTimeouts())
    return PatientSyncWorker


def _serve_gunicorn(app: Any, fd: int, workers: int, name: str, channel: Any) -> None:
    from gunicorn.app.base import BaseApplication

    def worker_ready(worker: Any) -> None:
        channel.send({"worker": os.getpid()})

    options = {
        "bind": [f"fd://{fd}"],
        "workers": workers,
        "worker_class": _patient_sync_worker(),
        # 0: no heartbeat limit; a 30 s dish or a slow model must not get a chef killed.
        "timeout": 0,
        "graceful_timeout": 1,
        "loglevel": "warning",
        "proc_name": f"chefline {name}",
        "post_fork": lambda server, worker: _die_with_parent(),
        "post_worker_init": worker_ready,
    }

    class KitchenServer(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return app

    KitchenServer(prog=f"chefline {name}").run()


def _die_with_parent() -> None:
    """Linux: the kernel kills a worker when gunicorn's arbiter dies, however it dies.

    (The arbiter forks from its only thread, so the "parent thread" this watches is the
    arbiter itself.) Elsewhere gunicorn's own check of the parent pid ends the worker.
    """
    if not sys.platform.startswith("linux"):
        return
    pr_set_pdeathsig = 1
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
