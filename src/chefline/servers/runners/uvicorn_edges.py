"""uvicorn's HTTP protocol with the limits it lacks: head size and deadlines.

uvicorn on httptools keeps every header it is sent (a 200 MB header was answered 200 after
66 s, the process 200 MB larger: ``h11_max_incomplete_event_size`` exists for h11 only), and
it has no timer on a connection until its first reply: a connection that sends nothing, or
half a head, or half a body, stays open for ever. This protocol:

- feeds the parser at most ``MAX_HEADER_BYTES`` while a head is open, and answers 431 when
  the head has not ended by then;
- closes a connection whose head is not in within ``HEADER_DEADLINE_S`` of its first byte
  (or of its opening), or whose body is not in within ``BODY_DEADLINE_S`` after the head
  (408 when no reply has begun);
- leaves idle kept-alive connections to uvicorn's own ``timeout_keep_alive``.

Ambiguous framing (``Transfer-Encoding`` with ``Content-Length``, two lengths) is refused by
llhttp itself with a 400; a body over 64 kB here (413), announced or chunked, before the app
reads it (the kitchens' ``BodyLimit`` stays for a pipelined request).
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from chefline.servers.apps.request_heads import (
    BODY_TOO_LARGE,
    BODY_TOO_SLOW,
    HEAD_TOO_LARGE,
    HEAD_TOO_SLOW,
    MAX_BODY_BYTES,
    MAX_HEADER_BYTES,
    Refusal,
)
from chefline.servers.apps.slow_clients import (
    BODY_DEADLINE_S,
    HEADER_DEADLINE_S,
    LINGER_S,
)


class EdgeHttpToolsProtocol(HttpToolsProtocol):
    """``uvicorn.Config(http=EdgeHttpToolsProtocol)``: httptools, bounded at the edge."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._in_head = True
        self._head_bytes = 0
        self._deadline: asyncio.TimerHandle | None = None
        self._lingering = False
        self._heads = 0
        """Heads read whole on this connection."""
        self._body_bytes = 0
        """Body bytes of the request now arriving."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm(HEADER_DEADLINE_S, HEAD_TOO_SLOW)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._lingering:  # refused: what still comes is dropped until the socket closes
            return
        if self._in_head:
            room = MAX_HEADER_BYTES - self._head_bytes
            if len(data) > room:  # feed what the head may still take, then look
                self._head_bytes = MAX_HEADER_BYTES
                heads = self._heads
                super().data_received(data[:room])
                if self.transport.is_closing():
                    return
                if self._heads == heads:  # no head ended within them
                    self._refuse(HEAD_TOO_LARGE)
                    return
                data = data[room:]
            else:
                self._head_bytes += len(data)
        if data:
            super().data_received(data)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._deadline is None:  # a kept-alive connection's next request has begun
            self._arm(HEADER_DEADLINE_S, HEAD_TOO_SLOW)

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._heads += 1
        self._body_bytes = 0
        self._arm(BODY_DEADLINE_S, BODY_TOO_SLOW)
        super().on_headers_complete()
        lengths = [value for name, value in self.headers if name == b"content-length"]
        if lengths and lengths[0].isdigit() and int(lengths[0]) > MAX_BODY_BYTES:
            self._refuse_body()

    def on_body(self, body: bytes) -> None:
        if self._lingering:  # refused within this read: the rest of it is dropped
            return
        self._body_bytes += len(body)
        if self._body_bytes > MAX_BODY_BYTES:  # a chunked body past the limit
            self._refuse_body()
            return
        super().on_body(body)

    def _refuse_body(self) -> None:
        """413 here rather than from the app's ``BodyLimit``: uvicorn closes a connection
        whose body is unread the moment the reply is out, and the reset that follows can
        overtake the reply; refused here, the connection lingers. A pipelined request (an
        earlier reply still going) is left to the app."""
        if not self.pipeline:
            self._refuse(BODY_TOO_LARGE)

    def on_message_complete(self) -> None:
        if self._lingering:
            return
        self._disarm()
        self._in_head, self._head_bytes = True, 0  # what comes next is the next request's head
        super().on_message_complete()

    def _arm(self, seconds: float, refusal: Refusal) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, self._refuse, refusal)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _refuse(self, refusal: Refusal) -> None:
        """Answer ``refusal`` (unless a reply has begun) and close the connection."""
        self._disarm()
        if self.transport.is_closing():
            return
        if self.cycle is None or not self.cycle.response_started:
            self.transport.write(refusal.reply())
        if self.cycle is not None:  # the app hears the customer is gone, and says no more
            self.cycle.disconnected = True
            self.cycle.message_event.set()
        # Closed with unread bytes, a socket is reset, and the reset can overtake the reply:
        # say it, half-close, drop what still comes for a moment, then close.
        self._lingering = True
        try:
            self.transport.write_eof()
        except OSError:  # the customer is gone already
            self.transport.close()
            return
        self.loop.call_later(LINGER_S, self.transport.close)
