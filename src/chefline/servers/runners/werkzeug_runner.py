"""Flask's development server (werkzeug) in a thread: one chef, or a new thread per order.

Either way its requests come from a ``Lobby`` (complete, or refused there), and a kept-alive
connection's next requests are read within ``slow_clients``' times: no idle or slow customer
holds the one chef, or a thread for longer than a few seconds."""

from __future__ import annotations

import logging
import socket
import socketserver
import threading
from typing import TYPE_CHECKING, Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler

from chefline.servers.apps.request_heads import framing_problem
from chefline.servers.apps.slow_clients import ClientSocket, RefusedRequest, linger
from chefline.servers.runners.lobby import Lobby
from chefline.servers.runners.server_thread import LOOPBACK, ServerThread

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

# werkzeug logs every request at INFO; a race of 1000 orders would flood the terminal.
logging.getLogger("werkzeug").setLevel(logging.WARNING)


class _QuietCutOff(logging.Filter):
    """A customer cut off (``slow_clients``) has had its reply; werkzeug then logs the cut
    as an error ("Request timed out", or draining the rest of a body from the timed-out
    socket). It is the cut-off working, not a fault."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return "cannot read from timed out object" not in message and (
            "Request timed out" not in message
        )


logging.getLogger("werkzeug").addFilter(_QuietCutOff())


class _EdgeHandler(WSGIRequestHandler):
    """Reads from the lobby's ``ClientSocket``: the first request is already in, each next
    one (a kept-alive connection) within ``slow_clients``' times, its head counted against
    the 64 kB limit (431) and its framing checked (400) before the app sees it.

    werkzeug leaves Nagle's algorithm on: a streamed reply's small writes then wait for the
    customer's delayed acknowledgement, tens of ms per token. uvicorn and waitress turn it
    off; so do we."""

    request: ClientSocket  # the lobby's, not a bare socket

    def setup(self) -> None:
        self.connection = self.request
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.rfile = self.request.reader()
        # What socketserver itself writes replies with (wbufsize 0); private, so not typed.
        self.wfile = socketserver._SocketWriter(self.request)  # type: ignore[attr-defined]

    def handle_one_request(self) -> None:
        self.request.await_request()
        super().handle_one_request()

    def parse_request(self) -> bool:
        try:
            parsed = super().parse_request()
        except RefusedRequest as refused:  # the head passed 64 kB
            self.send_error(refused.refusal.status, refused.refusal.sentence)
            linger(self.request.sock)  # what is still coming must not reset the reply
            return False
        self.request.headers_done()
        if not parsed:
            return False
        problem = framing_problem(self.headers.items())
        if problem is not None:
            self.send_error(problem.status, problem.sentence)
            linger(self.request.sock)
            return False
        return True


class _OneChefHandler(_EdgeHandler):
    """The one chef serves one connection at a time (HTTP/1.0, no keep-alive)."""

    protocol_version = "HTTP/1.0"


class _Lobbied(BaseWSGIServer):
    """werkzeug's server taking its requests from a ``Lobby``: a connection reaches the
    handler (the one chef, or a new thread) only once its request is complete."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stop = threading.Event()
        self._stopped = threading.Event()

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        lobby = Lobby(self.socket)
        try:
            while not self._stop.is_set():
                try:
                    order = lobby.next_request(poll_interval)
                except OSError:  # the listening socket closed under a stop that timed out
                    if self._stop.is_set():
                        break
                    raise
                if order is None:
                    continue
                client = ClientSocket(order.sock, order.data)
                try:
                    self.process_request(client, order.address)  # type: ignore[arg-type]
                except Exception:
                    self.handle_error(client, order.address)  # type: ignore[arg-type]
                    self.shutdown_request(client)  # type: ignore[arg-type]
        finally:
            lobby.close()
            self._stopped.set()

    def shutdown(self) -> None:
        self._stop.set()
        self._stopped.wait()


class _LobbiedThreads(socketserver.ThreadingMixIn, _Lobbied):
    """A thread per complete request, which then serves the connection's next ones."""

    multithread = True
    daemon_threads = True


class WerkzeugThread(ServerThread):
    stop_timeout = 0.15
    """Idle, werkzeug stops within its 50 ms poll; mid-dish it cannot stop at all (the socket
    is closed instead), so waiting longer only delays the app."""

    def __init__(self, name: str, app: WSGIApplication, *, threaded: bool, port: int = 0) -> None:
        super().__init__(name, port)
        self.app = app
        self.threaded = threaded
        self._server: BaseWSGIServer | None = None
        self._serving = threading.Event()

    def _prepare(self, sock: socket.socket) -> None:
        # werkzeug duplicates the descriptor, so ours can be closed at once.
        server = _LobbiedThreads if self.threaded else _Lobbied
        handler = _EdgeHandler if self.threaded else _OneChefHandler
        self._server = server(LOOPBACK, self.port, self.app, handler, fd=sock.fileno())
        sock.close()

    def _serve(self) -> None:
        assert self._server is not None
        self._serving.set()
        # The default 0.5 s poll makes every stop take half a second.
        self._server.serve_forever(poll_interval=0.05)

    def _ready(self, timeout: float) -> bool:
        return self._serving.wait(timeout)

    def _request_stop(self) -> None:
        if self._server is None:
            return
        # shutdown() waits for serve_forever to return, which a one-chef server only does
        # after the dish in hand; ask from a helper thread so stop() keeps its own timeout.
        threading.Thread(target=self._server.shutdown, daemon=True).start()

    def _close(self) -> None:
        if self._server is not None:
            self._server.server_close()
            self._server = None
