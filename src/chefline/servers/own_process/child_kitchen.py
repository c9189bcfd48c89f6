"""A Flask kitchen in processes of its own, started by the app (``chefline.child``).

A kitchen served by gevent monkey-patches this process (which is why it is not the app's)
and serves the Flask app with gevent's WSGI server; one served by gunicorn runs it with k
sync workers. Both serve on the listening socket the app
bound and passed down (``--fd``), so the app keeps choosing the port and reporting a busy one.
See ``child_channel`` for the talk.
"""

from __future__ import annotations

import contextlib
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

    from chefline.servers.apps.request_heads import HEAD_TOO_SLOW, framing_problem
    from chefline.servers.apps.slow_clients import (
        WRITE_TIMEOUT_S,
        ClientSocket,
        RefusedRequest,
        linger,
    )

    class EdgeHandler(WSGIHandler):
        """A slow customer holds only its own greenlet; still, its head comes within a few
        seconds (a kept-alive connection idles a few seconds at most), 64 kB at most (431),
        its framing unambiguous (400), and its body within the body's deadline."""

        def __init__(self, sock: Any, address: Any, server: Any) -> None:
            self.client = ClientSocket(sock)
            # gevent takes the reader it parses from (not in its stubs): ours bounds the head.
            super().__init__(sock, address, server, rfile=self.client.reader())  # type: ignore[call-arg]

        def handle_one_request(self) -> Any:
            self.client.await_request()
            return super().handle_one_request()

        def MessageClass(self, *args: Any) -> Any:  # gevent parses the headers here
            headers = super().MessageClass(*args)
            problem = framing_problem(headers.items())
            if problem is not None:
                raise RefusedRequest(problem)
            return headers

        def read_request(self, raw_requestline: Any) -> Any:
            parsed = super().read_request(raw_requestline)
            self.client.headers_done()
            return parsed

        def _handle_client_error(self, ex: Exception) -> Any:
            """gevent's hook for a bad request (not in its stubs): our refusals keep their
            own status, a head that did not come in time is a 408; either is said, then
            what the customer still sends is dropped for a moment (``linger``)."""
            if isinstance(ex, RefusedRequest | TimeoutError):
                refusal = ex.refusal if isinstance(ex, RefusedRequest) else HEAD_TOO_SLOW
                with contextlib.suppress(OSError):
                    self.socket.sendall(refusal.reply())
                    linger(self.socket)
                return str(refusal.status), b""
            return super()._handle_client_error(ex)  # type: ignore[misc]

        def get_environ(self) -> Any:
            environ = super().get_environ()
            # gevent ends a chunked body where it ends, but does not say so: werkzeug then
            # read such a body as empty (400) instead of up to the 64 kB limit (413).
            environ["wsgi.input_terminated"] = True
            return environ

        def run_application(self) -> Any:
            self.socket.settimeout(WRITE_TIMEOUT_S)  # the reply: not a read's deadline
            return super().run_application()

    listener = socket.socket(fileno=fd)
    server = WSGIServer(listener, app, log=None, handler_class=EdgeHandler)
    server.start()
    channel.send({"ready": os.getpid()})
    server.serve_forever()


def _lobby_sync_worker() -> type:
    """gunicorn's sync worker, whose chef gets only complete requests from a ``Lobby``: a
    connection that says nothing, or stops halfway, holds no worker (``timeout`` 0 keeps
    long dishes alive, so gunicorn itself would never cut a read short)."""
    from gunicorn.workers.sync import SyncWorker

    from chefline.servers.apps.slow_clients import ClientSocket
    from chefline.servers.runners.lobby import Lobby

    class LobbySyncWorker(SyncWorker):
        def run(self) -> None:
            listener = self.sockets[0]
            lobby = Lobby(getattr(listener, "sock", listener))  # gunicorn's wrapper
            try:
                while self.alive:
                    self.notify()
                    order = lobby.next_request(0.5)
                    if order is not None:
                        client = ClientSocket(order.sock, order.data)
                        # gunicorn's stubs say socket; it reads and writes it, as the wrapper does.
                        self.handle(listener, client, order.address)  # type: ignore[arg-type]
                    if not self.is_parent_alive():
                        return
            finally:
                lobby.close()

    return LobbySyncWorker


def _serve_gunicorn(app: Any, fd: int, workers: int, name: str, channel: Any) -> None:
    from gunicorn.app.base import BaseApplication

    def worker_ready(worker: Any) -> None:
        channel.send({"worker": os.getpid()})

    options = {
        "bind": [f"fd://{fd}"],
        "workers": workers,
        "worker_class": _lobby_sync_worker(),
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
