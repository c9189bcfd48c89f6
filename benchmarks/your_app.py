"""What watching your app costs: a plain route served bare against the same route served as
your kitchen (the order middleware, and the loop watchdog or the thread sampler), under the
same load from another process (wrk, keep-alive), as ``route cost`` measures the kitchens."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from common import Row, WrkRun, median, wrk
from plain_app import fastapi_app, flask_app

from chefline.servers.relay import Listener
from chefline.servers.runners.uvicorn_runner import UvicornThread
from chefline.servers.runners.werkzeug_runner import WerkzeugThread
from chefline.servers.your_app.your_kitchen import YourOrder, start_your_kitchen

HERE = Path(__file__).parent
APP = HERE / "plain_app.py"
REPEATS = 7
NAMED = ("-H", "x-chefline-race: bench", "-H", "x-chefline-order: 1")
"""Every request of the watched side is an order of a race, as the customers send them."""


def _counting(heard: list[int]) -> Listener:
    """A listener that counts the events it hears. It does not keep them: a list of a few
    hundred thousand events would make every garbage collection of the server walk it."""

    def count(race: str, event: object) -> None:
        heard[0] += 1

    return count


def load(url: str) -> WrkRun:
    """wrk on ``url`` with an order's headers: the same requests bare and watched."""
    return wrk(url, *NAMED, needed_by="the your-app benchmark")


def instrumentation_overhead() -> list[Row]:
    rows = []
    cases = (
        ("ASGI", "fastapi_app", "uvicorn", "middleware + loop watchdog",
         lambda: UvicornThread("bare", fastapi_app)),
        ("WSGI", "flask_app", "werkzeug-threaded", "middleware + thread sampler",
         lambda: WerkzeugThread("bare", flask_app, threaded=True)),
    )  # fmt: skip
    for kind, attr, server, what, make_bare in cases:
        bare = make_bare()
        bare.start()
        yours = start_your_kitchen(f"{APP}:{attr}", server, YourOrder("/plain"))
        heard = [0]
        yours.relay.subscribe(_counting(heard))  # a race
        pairs: list[tuple[WrkRun, WrkRun]] = []
        try:
            # The same requests both sides (an order's headers too): only the watching differs.
            plain_url, watched_url = f"{bare.url}/plain", yours.cook_url
            for turn in range(REPEATS):  # who goes first alternates, drift hits both alike
                if turn % 2:
                    watched = load(watched_url)
                    pairs.append((load(plain_url), watched))
                else:
                    plain = load(plain_url)
                    pairs.append((plain, load(watched_url)))
        finally:
            bare.stop()
            yours.stop()
        assert heard[0], "the middleware said nothing"
        # CPU time per order, watched ÷ bare
        extra = median([w.cpu_us_per_request / b.cpu_us_per_request for b, w in pairs]) - 1
        bare_cpu = median([b.cpu_us_per_request for b, _ in pairs])
        watched_cpu = median([w.cpu_us_per_request for _, w in pairs])
        bare_rps = median([b.requests_per_s for b, _ in pairs])
        watched_rps = median([w.requests_per_s for _, w in pairs])
        rows.append(Row(
            "your app", f"{kind} plain route on {server}, {what}: extra CPU time per order "
            f"(wrk -c20, keep-alive, median of {REPEATS} pairs)", f"{100 * extra:+.1f} % "
            f"({watched_cpu:.0f} vs {bare_cpu:.0f} µs; {watched_rps:.0f} vs {bare_rps:.0f} "
            "req/s)", "≤ +10 %", extra <= 0.10,
        ))  # fmt: skip
        rows.append(own_work_row(kind, bare_rps))
    return rows


def own_work_row(kind: str, plain_rps: float) -> Row:
    """The middleware's own Python per order (an app that answers at once, no server), as a
    share of the plain route's own time per order under wrk: a steadier figure than two wrk
    runs apart on a busy machine."""
    per_order = middleware_cost(kind)
    share = per_order * plain_rps
    return Row(
        "your app", f"{kind}: the middleware's own work per order ÷ the plain route's time "
        "per order", f"{100 * share:.1f} % ({1e6 * per_order:.0f} µs of "
        f"{1e6 / plain_rps:.0f} µs)", "≤ 10 %", share <= 0.10,
    )  # fmt: skip


def middleware_cost(kind: str, orders: int = 20000) -> float:
    """Seconds of the middleware per order, minus the same call passed through untouched."""
    import asyncio

    from chefline.servers.relay import EventRelay
    from chefline.servers.your_app.your_middleware import AsgiOrders, OrderNews, WsgiOrders

    relay = EventRelay()
    relay.subscribe(lambda race, event: None)
    news = OrderNews("bench", relay, "thread")
    if kind == "WSGI":

        def answer(environ: dict[str, Any], start_response: Any) -> list[bytes]:
            start_response("200 OK", [])
            return [b"{}"]

        wsgi = WsgiOrders(answer, news)
        named = {"HTTP_X_CHEFLINE_RACE": "bench", "HTTP_X_CHEFLINE_ORDER": "1"}

        def timed(environ: dict[str, Any]) -> float:
            began = time.perf_counter()
            for _ in range(orders):
                list(wsgi(environ, lambda status, headers: None))
            return time.perf_counter() - began

        return (timed(named) - timed({})) / orders

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    async def nothing(*_: object) -> None:
        return None

    asgi = AsgiOrders(app, news)
    headers = [(b"x-chefline-race", b"bench"), (b"x-chefline-order", b"1")]

    async def timed_asgi(scope: dict[str, Any]) -> float:
        began = time.perf_counter()
        for _ in range(orders):
            await asgi(scope, nothing, nothing)
        return time.perf_counter() - began

    async def both() -> float:
        plain = await timed_asgi({"type": "http", "headers": []})
        return (await timed_asgi({"type": "http", "headers": headers}) - plain) / orders

    return asyncio.run(both())


if __name__ == "__main__":
    for row in instrumentation_overhead():
        print(row)
