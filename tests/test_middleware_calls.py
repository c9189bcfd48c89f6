"""The agent's ASGI middleware's path for an order stays short. A plain FastAPI request makes
some 155 Python calls in the app; every call the middleware adds costs about 0.2 % of the
request as uvicorn serves it (counted with valgrind: docs/performance.md), and the target is
10 %. Calls are counted with a profile hook, which makes the count exact on any machine."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections import Counter
from typing import Any

from fastapi import FastAPI

from chefline.agent import middleware
from chefline.agent.findings import Findings
from chefline.agent.middleware import AsgiOrders
from chefline.agent.places import Places

ORDERS = 20


def _plain_app() -> FastAPI:
    app = FastAPI()

    @app.get("/plain")
    async def plain() -> dict[str, bool]:
        return {"ok": True}

    return app


def _calls_per_order(app: Any, headers: list[tuple[bytes, bytes]]) -> tuple[float, float]:
    """Python calls and calls into C per request, the app called as uvicorn calls it."""
    counted: Counter[str] = Counter()
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    def scope() -> dict[str, Any]:
        return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                "method": "GET", "scheme": "http", "path": "/plain", "raw_path": b"/plain",
                "query_string": b"", "root_path": "", "headers": headers,
                "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 8000)}  # fmt: skip

    def hook(frame: Any, event: str, arg: Any) -> None:
        if event in ("call", "c_call"):
            counted[event] += 1

    async def requests() -> None:
        await app(scope(), receive, send)  # the first request fills FastAPI's caches
        sys.setprofile(hook)
        try:
            for _ in range(ORDERS):
                await app(scope(), receive, send)
        finally:
            sys.setprofile(None)

    asyncio.run(requests())
    assert [m["status"] for m in sent if m["type"] == "http.response.start"] == [200] * (ORDERS + 1)
    return counted["call"] / ORDERS, counted["c_call"] / ORDERS


class Lines:
    """A channel that keeps the lines the middleware writes (to a pipe, as the agent's)."""

    def __init__(self) -> None:
        self.fd, self._read = os.pipe2(os.O_NONBLOCK)[::-1]

    def write(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def send(self, message: dict[str, Any]) -> None:
        self.write(json.dumps(message) + "\n")

    def told(self) -> list[Any]:
        data = b""
        while True:
            try:
                piece = os.read(self._read, 65536)
            except BlockingIOError:
                break
            data += piece
        return [json.loads(line) for line in data.decode().splitlines()]


def test_an_order_costs_the_middleware_few_calls(monkeypatch):
    # The profile hook slows an order past the 1 ms that makes its awaited time a step of its
    # own; a plain route under load has none.
    monkeypatch.setattr(middleware, "SHORTEST_STEP_S", 1.0)
    lines = Lines()
    app = _plain_app()
    orders = AsgiOrders(app, lines, Findings(lines, Places(os.devnull)))  # type: ignore[arg-type]
    named = [(b"host", b"127.0.0.1"), (b"x-chefline-race", b"r"), (b"x-chefline-order", b"7")]

    bare_python, bare_c = _calls_per_order(app, named)
    python, c = _calls_per_order(orders, named)
    told = lines.told()
    assert Counter(line[0] for line in told) == {"a": ORDERS + 1, "d": ORDERS + 1}
    assert {(line[1], line[2]) for line in told} == {("r", 7)}
    # __call__, the reply wrapper twice, _replied: 4 (it was 8 when each event was an object
    # handed to listeners, 19 before that).
    assert python - bare_python <= 4, (bare_python, python)
    # The tag, the order's context set and reset, the clock twice, its ACCEPTED kept, then
    # taken under the lock with the DONE, encoded and written once (a write to the pipe costs
    # the order some 5 µs of CPU, which valgrind's count does not see).
    assert c - bare_c <= 14, (bare_c, c)
    # A request that is not an order passes through with the middleware's own call only.
    plain_python, _ = _calls_per_order(orders, [(b"host", b"127.0.0.1")])
    assert plain_python - bare_python <= 1


def test_done_is_told_with_the_piece_that_completes_the_body():
    """Starlette's BaseHTTPMiddleware streams a response on: its last bytes go out before the
    piece that ends the body. The customer has the dish then, so DONE must be told by then."""
    lines = Lines()
    said_before: list[list[str]] = []

    async def streamed(scope: Any, receive: Any, send: Any) -> None:
        start = {"type": "http.response.start", "status": 200,
                 "headers": [(b"content-length", b"2")]}  # fmt: skip
        await send(start)
        await send({"type": "http.response.body", "body": b"{}", "more_body": True})
        said_before.append([line[0] for line in lines.told()])  # before the body's end
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    async def send(message: dict[str, Any]) -> None:
        return None

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    orders = AsgiOrders(streamed, lines, Findings(lines, Places(os.devnull)))  # type: ignore[arg-type]
    scope = {"type": "http", "headers": [(b"x-chefline-race", b"r"), (b"x-chefline-order", b"1")]}
    asyncio.run(orders(scope, receive, send))
    assert said_before == [["a", "d"]] and lines.told() == []  # told once, with its last bytes
