"""A customer who never finishes ordering, or never orders, must not hold a kitchen.

Every kitchen's server reads its customers within these times (standard library only: the
gevent and gunicorn children use it too):

- a request's line and headers must all be in within ``HEADER_DEADLINE_S`` of the first
  read (so a client that drips one byte a second is cut off too), at most
  ``MAX_HEADER_BYTES`` of them;
- a body then comes within ``BODY_DEADLINE_S``, no read waiting over ``READ_TIMEOUT_S``;
- a kept-alive connection with no next request is closed after ``KEEP_ALIVE_S``.

``ClientSocket`` wraps the accepted socket of a server that reads with blocking calls
(werkzeug, gevent's greenlets, gunicorn's sync workers) so that each read waits at most what
is left; ``HeadReader`` counts the head's bytes as the server reads its lines. A kitchen
with one chef at a time (werkzeug's one chef, gunicorn's sync workers) never reads a slow
customer itself: its ``Lobby`` hands it only complete requests (``runners/lobby.py``).
"""

from __future__ import annotations

import contextlib
import io
import socket
import time

from chefline.kitchen.errors import BadInput
from chefline.servers.apps.request_heads import HEAD_TOO_LARGE, MAX_HEADER_BYTES, Refusal

READ_TIMEOUT_S = 3.0
"""Longest silence in the middle of a body."""
HEADER_DEADLINE_S = 5.0
"""A request's line and headers, from its first read to the blank line after them."""
BODY_DEADLINE_S = 10.0
"""A body, from the end of the headers (64 kB take milliseconds on loopback)."""
WRITE_TIMEOUT_S = 10.0
"""Longest wait to hand a reply to a customer who does not read it."""
KEEP_ALIVE_S = 8.0
"""An idle kept-alive connection, between one reply and the next request. Longer than the
longest gap between two arrivals of a race (5 s), so that no customer reuses a connection the
kitchen is just closing."""


LINGER_S = 1.0
"""After a refusal, how long what the customer still sends is read and dropped: closed with
unread bytes, a socket is reset, and the reset can overtake the refusal itself."""
LINGER_BYTES = 1024 * 1024


def linger(sock: socket.socket) -> None:
    """Half-close ``sock`` after a refusal, then read and drop what still comes (up to
    ``LINGER_BYTES``) for ``LINGER_S``, so that the customer reads the refusal before the
    close resets the connection."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_WR)
        until, left = time.monotonic() + LINGER_S, LINGER_BYTES
        while left > 0 and (wait := until - time.monotonic()) > 0:
            sock.settimeout(wait)
            chunk = sock.recv(65536)
            if not chunk:
                return
            left -= len(chunk)
        time.sleep(max(0.0, until - time.monotonic()))  # a fast sender: its window closes


class RefusedRequest(BadInput):
    """A request refused at the edge (its head over ``MAX_HEADER_BYTES``, its framing
    ambiguous): the server answers ``refusal`` and closes the connection."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.sentence)
        self.refusal = refusal


class ClientSocket:
    """An accepted socket whose reads are bounded by the phase of the request: its head
    (``await_request``), its body (``headers_done``). ``prefix``: bytes already read from it
    (a whole request, from the lobby), handed out before the socket is read again."""

    def __init__(self, sock: socket.socket, prefix: bytes = b"") -> None:
        self.sock = sock
        self._prefix = memoryview(prefix)
        self.in_head = True
        self.deadline: float = time.monotonic() + HEADER_DEADLINE_S
        self.requests = 0
        """Requests begun on this connection (the next is kept alive after the first)."""

    def await_request(self) -> None:
        """A request's head is next: the first within ``HEADER_DEADLINE_S``, a kept-alive
        one within ``KEEP_ALIVE_S`` (it may idle first)."""
        self.in_head = True
        wait = HEADER_DEADLINE_S if self.requests == 0 else KEEP_ALIVE_S
        self.deadline = time.monotonic() + wait
        self.requests += 1

    def headers_done(self) -> None:
        """The body is next: each read waits ``READ_TIMEOUT_S`` at most, all of it
        ``BODY_DEADLINE_S``."""
        self.in_head = False
        self.deadline = time.monotonic() + BODY_DEADLINE_S

    def _arm(self) -> None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            what = "headers" if self.in_head else "body"
            raise TimeoutError(f"the customer took too long to send the order's {what}")
        self.sock.settimeout(left if self.in_head else min(READ_TIMEOUT_S, left))

    def recv(self, size: int, *flags: int) -> bytes:
        if self._prefix:
            taken, self._prefix = bytes(self._prefix[:size]), self._prefix[size:]
            return taken
        self._arm()
        return self.sock.recv(size, *flags)

    def recv_into(self, buffer: memoryview, size: int = 0, *flags: int) -> int:
        if self._prefix:
            size = min(size or len(buffer), len(self._prefix))
            buffer[:size] = self._prefix[:size]
            self._prefix = self._prefix[size:]
            return size
        self._arm()
        return self.sock.recv_into(buffer, size, *flags)

    def sendall(self, data: bytes, *flags: int) -> None:
        self.sock.settimeout(WRITE_TIMEOUT_S)  # not what is left of a read's deadline
        self.sock.sendall(data, *flags)

    def send(self, data: bytes, *flags: int) -> int:
        self.sock.settimeout(WRITE_TIMEOUT_S)
        return self.sock.send(data, *flags)

    def reader(self) -> HeadReader:
        """A buffered file over this socket for a server that reads lines (http.server,
        gevent), counting the head's bytes."""
        return HeadReader(socket.SocketIO(self, "rb"), self)  # type: ignore[arg-type]

    def _decref_socketios(self) -> None:
        """``socket.SocketIO`` over this wrapper calls it on close; the socket's own file
        references are not ours to count."""

    def __getattr__(self, name: str) -> object:
        return getattr(self.sock, name)


class HeadReader(io.BufferedReader):
    """The reader a server parses requests from: the lines of a head count against
    ``MAX_HEADER_BYTES`` (``HeadTooLarge``), exactly, whatever was read ahead."""

    def __init__(self, raw: io.RawIOBase, client: ClientSocket) -> None:
        super().__init__(raw)
        self.client = client
        self.head_bytes = 0
        self._request = -1

    def readline(self, size: int | None = -1, /) -> bytes:
        line = super().readline(size)
        if self.client.in_head:
            if self._request != self.client.requests:  # a new request's head: count afresh
                self._request, self.head_bytes = self.client.requests, 0
            self.head_bytes += len(line)
            if self.head_bytes > MAX_HEADER_BYTES:
                raise RefusedRequest(HEAD_TOO_LARGE)
        return line
