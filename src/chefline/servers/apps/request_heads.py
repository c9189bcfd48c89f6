"""A request's head and framing, as every kitchen's edge checks them (standard library only:
the gevent and gunicorn children import it too).

- **Size**: the request line and headers together at most ``MAX_HEADER_BYTES`` (431), the
  body at most ``MAX_BODY_BYTES`` (413), announced or chunked.
- **Framing**: one way to tell where the body ends. ``Transfer-Encoding`` with a
  ``Content-Length``, or two different lengths, is how a request is smuggled past a proxy
  that reads the other one: refused (400), as is a length that is not a number. A coding
  other than ``chunked`` is not implemented (501).

``RequestScan`` follows one request's bytes as they come (the ``Lobby`` uses it) and says
when it is complete, head and body, or why it is refused.
"""

from __future__ import annotations

import http
import json
from collections.abc import Iterable
from dataclasses import dataclass

MAX_HEADER_BYTES = 64 * 1024
"""The request line and every header, line ends included."""
MAX_BODY_BYTES = 64 * 1024
"""An order's body: a 2000-character prompt in JSON is far less."""
MAX_CHUNK_LINE = 1024
"""A chunk's size line, extensions included."""


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a request is refused before any app sees it: its status and one sentence."""

    status: int
    sentence: str

    def reply(self) -> bytes:
        """The whole HTTP reply (the connection closes after it)."""
        body = json.dumps({"error": "bad order", "detail": self.sentence}).encode()
        phrase = http.HTTPStatus(self.status).phrase
        head = (
            f"HTTP/1.1 {self.status} {phrase}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        )
        return head.encode("latin-1") + body


HEAD_TOO_LARGE = Refusal(431, f"the request's headers are over {MAX_HEADER_BYTES // 1024} kB")
BODY_TOO_LARGE = Refusal(413, f"the body is over {MAX_BODY_BYTES // 1024} kB")
HEAD_TOO_SLOW = Refusal(408, "the request's headers did not come in time")
BODY_TOO_SLOW = Refusal(408, "the request's body did not come in time")
CUT_SHORT = Refusal(400, "the request was cut short")


def framing_problem(headers: Iterable[tuple[str, str]]) -> Refusal | None:
    """Whether the headers say, in one way only, where the body ends (None when they do)."""
    lengths: list[str] = []
    codings: list[str] = []
    for name, value in headers:
        lowered = name.strip().lower()
        if lowered == "content-length":
            lengths += [part.strip() for part in value.split(",")]
        elif lowered == "transfer-encoding":
            codings += [part.strip().lower() for part in value.split(",") if part.strip()]
    if codings and lengths:
        return Refusal(400, "the request has both Transfer-Encoding and Content-Length")
    if any(not length.isascii() or not length.isdigit() for length in lengths):
        return Refusal(400, "the request's Content-Length is not a number")
    if len(set(lengths)) > 1:
        return Refusal(400, "the request has two different Content-Lengths")
    if codings and codings != ["chunked"]:
        return Refusal(501, "the only transfer coding a kitchen reads is chunked")
    if lengths and int(lengths[0]) > MAX_BODY_BYTES:
        return BODY_TOO_LARGE
    return None


def head_fields(head: bytes) -> list[tuple[str, str]]:
    """The header fields of a head (request line first, then ``Name: value`` lines)."""
    fields = []
    for line in head.decode("latin-1").split("\n")[1:]:
        name, colon, value = line.rstrip("\r").partition(":")
        if colon:
            fields.append((name, value.strip()))
    return fields


def _head_end(data: bytes | bytearray, start: int) -> int:
    """Where the head ends (after its blank line), or -1 while it has not ended."""
    ends = [data.find(mark, start) for mark in (b"\r\n\r\n", b"\n\n")]
    found = [
        at + len(mark) for at, mark in zip(ends, (b"\r\n\r\n", b"\n\n"), strict=True) if at >= 0
    ]
    return min(found, default=-1)


class RequestScan:
    """One request's bytes as they arrive: ``feed`` returns a ``Refusal``, or None; ``done``
    once head and body are in (``data`` then holds exactly them)."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.head_length = -1
        self.body_length: int | None = None
        """The announced length; None for a chunked body (or none at all)."""
        self.chunked = False
        self.expects_continue = False
        self.done = False
        self._at = 0
        """Chunked: where the next chunk's size line starts."""
        self._body = 0

    @property
    def in_head(self) -> bool:
        return self.head_length < 0

    def feed(self, more: bytes) -> Refusal | None:
        searched = max(len(self.data) - 3, 0)
        self.data += more
        if self.in_head:
            end = _head_end(self.data, searched)
            if end < 0:
                return HEAD_TOO_LARGE if len(self.data) > MAX_HEADER_BYTES else None
            if end > MAX_HEADER_BYTES:
                return HEAD_TOO_LARGE
            self.head_length = end
            refusal = self._read_head(bytes(self.data[:end]))
            if refusal is not None:
                return refusal
        return self._chunks() if self.chunked else self._fixed()

    def _read_head(self, head: bytes) -> Refusal | None:
        fields = head_fields(head)
        refusal = framing_problem(fields)
        if refusal is not None:
            return refusal
        for name, value in fields:
            lowered = name.strip().lower()
            if lowered == "content-length":
                self.body_length = int(value.split(",")[0])
            elif lowered == "transfer-encoding":
                self.chunked = True
            elif lowered == "expect" and value.lower() == "100-continue":
                self.expects_continue = True
        return None

    def _fixed(self) -> Refusal | None:
        wanted = self.head_length + (self.body_length or 0)
        if len(self.data) >= wanted:
            del self.data[wanted:]  # a pipelined next request waits for the next turn
            self.done = True
        return None

    def _chunks(self) -> Refusal | None:
        """Walk the chunks that are in; done after the last one (size 0) and its trailers."""
        data = self.data
        at = max(self._at, self.head_length)
        while True:
            line_end = data.find(b"\n", at)
            if line_end < 0:
                return CUT_SHORT if len(data) - at > MAX_CHUNK_LINE else None
            line = bytes(data[at:line_end]).rstrip(b"\r").split(b";")[0].strip()
            if not line or len(line) > 16 or line.strip(b"0123456789abcdefABCDEF"):
                return Refusal(400, "the request's chunked body is broken")
            size = int(line, 16)
            if size == 0:
                end = _head_end(data, line_end - 1)  # trailers, then a blank line
                if end < 0:
                    return None
                del data[end:]
                self.done = True
                return None
            self._body += size
            if self._body > MAX_BODY_BYTES:
                return BODY_TOO_LARGE
            chunk_end = line_end + 1 + size
            if len(data) < chunk_end + 2:
                return None
            ending = bytes(data[chunk_end : chunk_end + 2])
            if ending == b"\r\n":
                at = chunk_end + 2
            elif ending[:1] == b"\n":
                at = chunk_end + 1
            else:
                return Refusal(400, "the request's chunked body is broken")
            self._at = at

    def without_expect(self) -> bytes:
        """The request as the server should read it once the lobby has answered ``Expect:
        100-continue`` itself (the server must not send a second interim reply)."""
        head = bytes(self.data[: self.head_length])
        lines = head.split(b"\n")
        kept = [line for line in lines if not line.lower().startswith(b"expect:")]
        return b"\n".join(kept) + bytes(self.data[self.head_length :])
