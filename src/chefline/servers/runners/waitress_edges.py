"""waitress's edge: what its own settings do not cover.

waitress reads every request asynchronously, so a slow customer holds no chef; but a
connection that drips its head or body a byte at a time stays active for ever (its
``channel_timeout`` only counts silence), and a request with both ``Transfer-Encoding`` and
``Content-Length`` is read as chunked and served. ``EdgeChannel`` refuses ambiguous framing
(400) and remembers when an unfinished request began; ``watch_unfinished`` closes, at each
maintenance, a connection whose head is not in within ``HEADER_DEADLINE_S`` (or that never
said anything) or whose body is not in within ``BODY_DEADLINE_S`` after that.
"""

from __future__ import annotations

import socket
import time
from typing import Any

from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser, ParsingError
from waitress.server import BaseWSGIServer

from chefline.servers.apps.request_heads import framing_problem, head_fields
from chefline.servers.apps.slow_clients import (
    BODY_DEADLINE_S,
    HEADER_DEADLINE_S,
    LINGER_BYTES,
    LINGER_S,
)


class EdgeParser(HTTPRequestParser):
    def parse_header(self, header_plus: bytes) -> None:
        refusal = framing_problem(head_fields(header_plus))
        if refusal is not None and refusal.status == 400:  # 413 and 501: waitress's own
            raise ParsingError(refusal.sentence)
        super().parse_header(header_plus)


class EdgeChannel(HTTPChannel):
    parser_class = EdgeParser
    began: float | None = None
    """When the unfinished request now arriving began (None: none is arriving)."""
    spoke = False
    lingering_until = 0.0
    """After a refusal: when to close, having dropped what the customer still sent."""
    lingered = 0

    def handle_close(self) -> None:
        """Closed with bytes unread, a socket is reset, and the reset can overtake the reply
        (a 431 to a customer still sending a 200 MB header): half-close first, drop what
        still comes for a moment, then close (a second call, or the maintenance)."""
        if self.lingering_until or not self.connected:
            super().handle_close()
            return
        try:
            assert self.socket is not None  # open: connected
            self.socket.shutdown(socket.SHUT_WR)
        except OSError:
            super().handle_close()
            return
        self.lingering_until = time.time() + LINGER_S

    def writable(self) -> bool:
        return False if self.lingering_until else bool(super().writable())

    def readable(self) -> bool:
        if self.lingering_until:  # enough dropped: the rest waits in the window until closed
            return self.lingered <= LINGER_BYTES
        return bool(super().readable())

    def handle_read(self) -> None:
        if not self.lingering_until:
            super().handle_read()
            return
        self.lingered += len(self.recv(65536))  # at the end, recv itself closes the channel

    def received(self, data: bytes) -> bool:
        if data:
            self.spoke = True
        taken: bool = super().received(data)
        if self.request is None:
            self.began = None
        elif self.began is None:
            self.began = time.time()
        return taken

    def late(self, now: float) -> bool:
        """Whether the request arriving (or the first one, never begun) is overdue."""
        if self.lingering_until:
            return now > self.lingering_until
        if self.requests or self.will_close:  # served, or going: not the lobby's business
            return False
        if self.began is None:
            return not self.spoke and now - self.creation_time > HEADER_DEADLINE_S
        request = self.request
        in_head = request is None or not request.headers_finished
        allowed = HEADER_DEADLINE_S if in_head else HEADER_DEADLINE_S + BODY_DEADLINE_S
        return now - self.began > allowed


def watch_unfinished(server: BaseWSGIServer) -> None:
    """Have ``server``'s maintenance (every ``cleanup_interval``) also close the overdue."""
    idle_ones = server.maintenance

    def maintenance(now: Any) -> None:  # waitress passes time.time(); its stubs say int
        idle_ones(now)
        channels: dict[Any, Any] = getattr(server, "active_channels")  # noqa: B009 - mistyped
        for channel in list(channels.values()):
            if not isinstance(channel, EdgeChannel) or not channel.late(now):
                continue
            if channel.lingering_until:
                HTTPChannel.handle_close(channel)  # done lingering
            else:
                channel.will_close = True

    server.maintenance = maintenance  # type: ignore[method-assign]
