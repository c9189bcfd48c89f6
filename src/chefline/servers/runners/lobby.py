"""The lobby of a kitchen whose chef serves one customer at a time: customers order there,
and the chef is handed only complete orders.

werkzeug's one-chef server and gunicorn's sync workers read a request with blocking calls:
a connection that says nothing holds the only chef until it times out, and 500 of them held
flask-one-chef for 29 s. Here the listening socket is watched with ``selectors`` and every
accepted connection is read without blocking, side by side, until its head and body are in
(``RequestScan``); only then does ``next_request`` hand it to the chef, with the bytes read.
An idle or unfinished connection costs the chef nothing, whatever their number; it is closed
(408) when its ``HEADER_DEADLINE_S`` or ``BODY_DEADLINE_S`` passes, and refused at once when
its head or body is too large (431, 413) or its framing is ambiguous (400).

The lobby accepts only while its chef waits for work, one connection at a time until one
request is complete: the kernel's backlog keeps the rest for the other workers of a
gunicorn kitchen, whose waves stay waves of k.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import time
from collections import deque
from dataclasses import dataclass, field

from chefline.servers.apps.request_heads import (
    BODY_TOO_SLOW,
    CUT_SHORT,
    HEAD_TOO_SLOW,
    Refusal,
    RequestScan,
)
from chefline.servers.apps.slow_clients import (
    BODY_DEADLINE_S,
    HEADER_DEADLINE_S,
    LINGER_BYTES,
    LINGER_S,
)

MAX_WAITING = 1024
"""Unfinished connections at once; the oldest is closed to make room for a new one."""
MAX_WAITING_BYTES = 16 * 1024 * 1024
"""What all unfinished requests may hold together; the oldest goes first beyond it."""
CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
FRESH_S = 0.05
"""A connection just accepted, silent so far: its request is on its way (on loopback, within
microseconds). No other is taken meanwhile (unless older silent ones wait too: then it is a
flood, not a burst), so that a worker does not collect the requests of a burst that the
other workers would serve (its chef takes them one at a time)."""


_LINGER = object()
"""The selector's mark of a refused connection being drained."""


@dataclass(eq=False)
class _Guest:
    sock: socket.socket
    address: object
    deadline: float
    scan: RequestScan = field(default_factory=RequestScan)
    fresh_until: float = 0.0

    def fresh(self, now: float) -> bool:
        return now < self.fresh_until and not self.scan.data


@dataclass(frozen=True, slots=True)
class Order:
    """A complete request: the customer's socket (blocking again) and every byte of it."""

    sock: socket.socket
    address: object
    data: bytes


class Lobby:
    """The unfinished requests of one listening socket, read side by side."""

    def __init__(self, listener: socket.socket) -> None:
        self.listener = listener
        listener.setblocking(False)  # another worker may take the connection select announced
        self._selector = selectors.DefaultSelector()
        self._listening = False
        self._guests: deque[_Guest] = deque()
        self._ready: deque[Order] = deque()
        self._bytes = 0
        """What the unfinished requests hold together."""
        self._lingering: dict[socket.socket, list[float]] = {}
        """Refused connections: when to close each, and what it may still send."""

    def next_request(self, timeout: float) -> Order | None:
        """The next complete request, waiting at most ``timeout`` seconds (None: none)."""
        until = time.monotonic() + timeout
        while not self._ready:
            now = time.monotonic()
            self._expire(now)
            fresh = [guest.fresh_until for guest in self._guests if guest.fresh(now)]
            # Wait for a fresh connection's request only while every waiting one is fresh:
            # under a flood of silent connections, each would otherwise hold the door.
            self._listen(not fresh or len(fresh) < len(self._guests))
            deadlines = [guest.deadline for guest in self._guests]
            deadlines += [closing for closing, _ in self._lingering.values()]
            wait = min([until, *deadlines, *fresh]) - now
            events = self._selector.select(max(wait, 0.0))
            for key, _ in events:
                if key.data is _LINGER:
                    self._drain(key.fileobj)  # type: ignore[arg-type]
            guests = [key.data for key, _ in events if isinstance(key.data, _Guest)]
            for guest in guests:  # the connections first: their requests may be complete
                self._read(guest)
            if not self._ready and any(key.data is None for key, _ in events):
                self._accept()
            if time.monotonic() >= until:
                break
        return self._ready.popleft() if self._ready else None

    def close(self) -> None:
        """Close every connection still in the lobby (not the listening socket)."""
        for guest in list(self._guests):
            self._leave(guest)
        for sock in list(self._lingering):
            self._stop_lingering(sock)
        for order in self._ready:
            order.sock.close()
        self._ready.clear()
        self._selector.close()

    def _listen(self, listening: bool) -> None:
        """Take new connections (the listening socket in the selector), or not yet."""
        if listening and not self._listening:
            self._selector.register(self.listener, selectors.EVENT_READ, None)
        elif self._listening and not listening:
            self._selector.unregister(self.listener)
        self._listening = listening

    def _accept(self) -> None:
        try:
            sock, address = self.listener.accept()
        except (BlockingIOError, InterruptedError, ConnectionAbortedError):
            return
        sock.setblocking(False)
        now = time.monotonic()
        guest = _Guest(sock, address, now + HEADER_DEADLINE_S, fresh_until=now + FRESH_S)
        if len(self._guests) >= MAX_WAITING:
            self._refuse(self._guests[0], HEAD_TOO_SLOW)
        self._guests.append(guest)
        self._selector.register(sock, selectors.EVENT_READ, guest)
        self._read(guest)  # on loopback the request is usually there already

    def _read(self, guest: _Guest) -> None:
        scan = guest.scan
        try:
            data = guest.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._leave(guest)
            return
        if not data:  # the customer went away, or stopped sending halfway
            self._refuse(guest, CUT_SHORT) if scan.data else self._leave(guest)
            return
        was_head = scan.in_head
        before = len(scan.data)
        refusal = scan.feed(data)
        self._bytes += len(scan.data) - before
        if refusal is not None:
            self._refuse(guest, refusal)
            return
        if was_head and not scan.in_head:  # the head is in: now the body's deadline
            guest.deadline = time.monotonic() + BODY_DEADLINE_S
            if scan.expects_continue and not scan.done:
                self._send(guest.sock, CONTINUE)
        if scan.done:
            self._forget(guest)
            guest.sock.setblocking(True)
            data = scan.without_expect() if scan.expects_continue else bytes(scan.data)
            self._ready.append(Order(guest.sock, guest.address, data))
            return
        self._trim()

    def _expire(self, now: float) -> None:
        for sock, (until, _) in list(self._lingering.items()):
            if until <= now:
                self._stop_lingering(sock)
        for late in [guest for guest in self._guests if guest.deadline <= now]:
            self._refuse(late, HEAD_TOO_SLOW if late.scan.in_head else BODY_TOO_SLOW)

    def _trim(self) -> None:
        while self._bytes > MAX_WAITING_BYTES and self._guests:
            self._refuse(self._guests[0], HEAD_TOO_SLOW)

    def _refuse(self, guest: _Guest, refusal: Refusal) -> None:
        """Answer, then read and drop what the customer still sends for a moment."""
        self._send(guest.sock, refusal.reply())
        self._forget(guest)
        try:
            guest.sock.shutdown(socket.SHUT_WR)
        except OSError:
            guest.sock.close()
            return
        self._lingering[guest.sock] = [time.monotonic() + LINGER_S, LINGER_BYTES]
        self._selector.register(guest.sock, selectors.EVENT_READ, _LINGER)

    def _drain(self, sock: socket.socket) -> None:
        try:
            dropped = len(sock.recv(65536))
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            dropped = 0
        left = self._lingering[sock]
        left[1] -= dropped
        if not dropped:  # the customer closed: nothing more to protect
            self._stop_lingering(sock)
        elif left[1] <= 0:  # enough dropped: read no more, but close only at the deadline,
            # so that a customer still sending fast reads the refusal before the reset
            self._selector.unregister(sock)
            left[1] = -1

    def _stop_lingering(self, sock: socket.socket) -> None:
        if self._lingering.pop(sock)[1] >= 0:  # still read
            self._selector.unregister(sock)
        sock.close()

    @staticmethod
    def _send(sock: socket.socket, data: bytes) -> None:
        with contextlib.suppress(OSError):  # a full buffer or a gone customer: no matter
            sock.send(data)

    def _forget(self, guest: _Guest) -> None:
        self._bytes -= len(guest.scan.data)
        self._guests.remove(guest)
        self._selector.unregister(guest.sock)

    def _leave(self, guest: _Guest) -> None:
        self._forget(guest)
        with contextlib.suppress(OSError):
            guest.sock.close()
