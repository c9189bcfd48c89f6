"""A customer who never finishes ordering must not hold a kitchen forever.

werkzeug and gunicorn's sync workers read a request with blocking ``recv`` and no timeout:
one client that sends half its headers holds ``flask-one-chef`` (one chef) or a gunicorn
worker forever. ``HeaderDeadline`` wraps the accepted socket: every read waits at most
``READ_TIMEOUT_S``, and the request line and headers must all be in within
``HEADER_DEADLINE_S`` (so a client that drips one byte a second is cut off too). After the
headers only the per-read timeout applies: a body is read as fast as the customer sends it.
Event-loop servers (uvicorn, waitress, gevent) and werkzeug's thread-per-order server are
not held by one slow client: it keeps only its own task or thread.
"""

from __future__ import annotations

import socket
import time

READ_TIMEOUT_S = 3.0
HEADER_DEADLINE_S = 5.0


class HeaderDeadline:
    """A socket whose reads time out; ``headers_done()`` lifts the overall deadline."""

    def __init__(
        self,
        sock: socket.socket,
        read_timeout: float = READ_TIMEOUT_S,
        header_deadline: float = HEADER_DEADLINE_S,
    ) -> None:
        self.sock = sock
        self.read_timeout = read_timeout
        self.deadline: float | None = time.monotonic() + header_deadline

    def headers_done(self) -> None:
        self.deadline = None

    def _arm(self) -> None:
        timeout = self.read_timeout
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the customer took too long to send the order's headers")
            timeout = min(timeout, left)
        self.sock.settimeout(timeout)

    def recv(self, size: int, *flags: int) -> bytes:
        self._arm()
        return self.sock.recv(size, *flags)

    def recv_into(self, buffer: memoryview, size: int = 0, *flags: int) -> int:
        self._arm()
        return self.sock.recv_into(buffer, size, *flags)

    def _decref_socketios(self) -> None:
        """``socket.SocketIO`` over this wrapper calls it on close; the socket's own file
        references are not ours to count."""

    def __getattr__(self, name: str) -> object:
        return getattr(self.sock, name)
