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

import time
from typing import Any

from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser, ParsingError
from waitress.server import BaseWSGIServer

from chefline.servers.apps.request_heads import framing_problem, head_fields
from chefline.servers.apps.slow_clients import BODY_DEADLINE_S, HEADER_DEADLINE_S


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
            if isinstance(channel, EdgeChannel) and channel.late(now):
                channel.will_close = True

    server.maintenance = maintenance  # type: ignore[method-assign]
