"""The ASGI middleware's path for an order stays short. A plain FastAPI request makes some 155
Python calls in the app; every call the middleware adds costs about 0.2 % of the request as
uvicorn serves it (counted with valgrind: benchmarks/NOTES.md), and the target is 10 %.
Calls are counted with a profile hook, which makes the count exact on any machine."""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from typing import Any

from fastapi import FastAPI

from chefline.kitchen.events import OrderEvent, Phase
from chefline.servers.relay import EventRelay
from chefline.servers.your_app import your_middleware
from chefline.servers.your_app.your_middleware import AsgiOrders, OrderNews

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


def test_an_order_costs_the_middleware_few_calls(monkeypatch):
    # The profile hook slows an order past the 1 ms that makes its awaited time a step of its
    # own; a plain route under load has none.
    monkeypatch.setattr(your_middleware, "SHORTEST_STEP_S", 1.0)
    heard: list[OrderEvent] = []
    relay = EventRelay()
    relay.subscribe(lambda race, event: heard.append(event))  # a race listens
    app = _plain_app()
    orders = AsgiOrders(app, OrderNews("yours", relay, "event-loop"))
    named = [(b"host", b"127.0.0.1"), (b"x-chefline-race", b"r"), (b"x-chefline-order", b"7")]

    bare_python, bare_c = _calls_per_order(app, named)
    python, c = _calls_per_order(orders, named)
    phases = Counter(event.phase for event in heard)
    assert phases == {Phase.ACCEPTED: ORDERS + 1, Phase.DONE: ORDERS + 1}
    # __call__, the reply wrapper twice, _replied, two events made and heard: 8.
    assert python - bare_python <= 8, (bare_python, python)
    assert c - bare_c <= 10, (bare_c, c)
    # A request that is not an order passes through with the middleware's own call only.
    plain_python, _ = _calls_per_order(orders, [(b"host", b"127.0.0.1")])
    assert plain_python - bare_python <= 1
