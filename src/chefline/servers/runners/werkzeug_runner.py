"""Flask's development server (werkzeug) in a thread: one chef, or a new thread per order."""

from __future__ import annotations

import io
import logging
import socket
import threading
from typing import TYPE_CHECKING

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from chefline.servers.apps.slow_clients import READ_TIMEOUT_S, HeaderDeadline
from chefline.servers.runners.server_thread import LOOPBACK, ServerThread

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

# werkzeug logs every request at INFO; a race of 1000 orders would flood the terminal.
logging.getLogger("werkzeug").setLevel(logging.WARNING)


class _QuietCutOff(logging.Filter):
    """A customer cut off mid-body (``slow_clients``) has had its 400; werkzeug then drains
    the rest of the body from the timed-out socket and logs that as an error with a
    traceback. It is the cut-off working, not a fault."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "cannot read from timed out object" not in record.getMessage()


logging.getLogger("werkzeug").addFilter(_QuietCutOff())


class _PromptHandler(WSGIRequestHandler):
    """werkzeug leaves Nagle's algorithm on: a streamed reply's small writes then wait for
    the customer's delayed acknowledgement, tens of ms per token. uvicorn and waitress turn
    it off; so do we."""

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def handle_one_request(self) -> None:
        # A kept-alive connection may idle between orders (a staggered race waits up to 5 s)
        self.connection.settimeout(None)
        super().handle_one_request()

    def parse_request(self) -> bool:
        # but once an order has begun, its body comes within a few seconds or not at all.
        self.connection.settimeout(READ_TIMEOUT_S)
        return super().parse_request()


class _OneChefHandler(_PromptHandler):
    """The one chef serves one connection at a time (HTTP/1.0, no keep-alive): a customer
    who stops halfway through the headers is cut off (``slow_clients``) instead of holding
    the kitchen forever."""

    def setup(self) -> None:
        super().setup()
        self.rfile.close()
        self.deadline = HeaderDeadline(self.connection)
        raw = socket.SocketIO(self.deadline, "rb")  # type: ignore[arg-type]
        self.rfile = io.BufferedReader(raw)

    def handle_one_request(self) -> None:
        WSGIRequestHandler.handle_one_request(self)

    def parse_request(self) -> bool:
        ready = WSGIRequestHandler.parse_request(self)
        self.deadline.headers_done()
        return ready


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
        self._server = make_server(
            LOOPBACK,
            self.port,
            self.app,
            threaded=self.threaded,
            request_handler=_PromptHandler if self.threaded else _OneChefHandler,
            fd=sock.fileno(),
        )
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
