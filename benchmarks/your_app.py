"""What watching your app costs: a plain route served bare against the same route served as
your kitchen (the agent's middleware, and its loop watchdog or thread sampler), each side a
process of its own as ``chefline race --app`` runs your app (``agent_sides.py``). Counted in
instructions per order under valgrind (``counted_orders.py``), and in the side's CPU time per
order under the same load from another process (wrk, keep-alive), as ``route cost`` measures
the kitchens (noisy here: bare against bare scatters as much as the cost)."""

from __future__ import annotations

import os
import time
from typing import Any

from agent_sides import SERVED_AS, Side
from common import Row, WrkRun, median, need_command, wrk
from counted_orders import counted_overhead

REPEATS = 11
NAMED = ("-H", "x-chefline-race: bench", "-H", "x-chefline-order: 1")
"""Every request of both sides is an order of a race, as the customers send them."""


def load(side: Side) -> WrkRun:
    """wrk on the side's plain route with an order's headers: the same requests both sides."""
    return wrk(f"{side.url}/plain", *NAMED, needed_by="the your-app benchmark", pid=side.pid)


def instrumentation_overhead() -> list[Row]:
    need_command("valgrind", "the your-app benchmark")
    rows = []
    watched_by = {"ASGI": "middleware + loop watchdog", "WSGI": "middleware + thread sampler"}
    for kind, what in watched_by.items():
        _, server = SERVED_AS[kind]
        bare, watched = Side(kind, "bare"), Side(kind, "watched")
        pairs: list[tuple[WrkRun, WrkRun]] = []
        try:
            load(watched)  # the watchdog or the sampler starts with the first order
            for turn in range(REPEATS):  # who goes first alternates: drift hits both
                if turn % 2:
                    second = load(watched)
                    pairs.append((load(bare), second))
                else:
                    first = load(bare)
                    pairs.append((first, load(watched)))
        finally:
            bare.stop()
            watched.stop()
        assert watched.events and not bare.events, "only the watched side tells its orders"
        spread = sorted(w.cpu_us_per_request / b.cpu_us_per_request - 1 for b, w in pairs)
        extra = median([w.cpu_us_per_request / b.cpu_us_per_request for b, w in pairs]) - 1
        user_extra = median([w.user_us_per_request / b.user_us_per_request for b, w in pairs]) - 1
        bare_cpu = median([b.cpu_us_per_request for b, _ in pairs])
        watched_cpu = median([w.cpu_us_per_request for _, w in pairs])
        bare_rps = median([b.requests_per_s for b, _ in pairs])
        watched_rps = median([w.requests_per_s for _, w in pairs])
        own = middleware_cost(kind) + (sampler_cost() if kind == "WSGI" else 0.0)
        share = own / (bare_cpu / 1e6)
        bare_count, watched_count, slowdown = counted_overhead(kind, bare_cpu / 1e6)
        counted = watched_count / bare_count - 1
        rows.append(Row(
            "your app", f"{kind} plain route on {server}, {what}, in your app's own process: "
            "extra instructions per order, watched ÷ bare (counted by valgrind; the watching's "
            f"timed work and the shortest step it draws stretched by valgrind's slowdown, "
            f"×{slowdown:.0f})",
            f"{100 * counted:+.1f} % ({watched_count / 1e3:.0f}k vs {bare_count / 1e3:.0f}k)",
            "≤ +10 %", counted <= 0.10,
        ))  # fmt: skip
        rows.append(Row(
            "your app", f"{kind}: the same in the process's CPU time per order, watched ÷ bare "
            f"(wrk -c20, keep-alive, median of {REPEATS} alternating pairs; lowest–highest "
            "pair). Bare against bare scatters as much (see below)",
            f"{100 * extra:+.1f} % ({watched_cpu:.0f} vs {bare_cpu:.0f} µs; {watched_rps:.0f} "
            f"vs {bare_rps:.0f} req/s; {100 * spread[0]:+.0f} to {100 * spread[-1]:+.0f} %; "
            f"user time alone {100 * user_extra:+.1f} %)", "", None,
        ))  # fmt: skip
        rows.append(Row(
            "your app", f"{kind}: of which the middleware's own calls (and the sampler's), "
            "timed alone, ÷ the plain route's CPU per order",
            f"{100 * share:.1f} % ({1e6 * own:.0f} µs of {bare_cpu:.0f} µs)", "", None,
        ))  # fmt: skip
    return rows


def sampler_cost(orders: int = 20000) -> float:
    """Seconds of ``ThreadSampler.enter`` and ``leave`` per order (a quick order, as under
    wrk: done before the sampler's first look)."""
    from chefline.agent.sampler import ThreadSampler

    sampler = ThreadSampler()
    began = time.thread_time()
    for _ in range(orders):
        sampler.enter()
        sampler.leave()
    spent = time.thread_time() - began
    sampler.stop()
    return spent / orders


class _Nowhere:
    """A channel whose lines go to /dev/null: the writes cost what they cost, unread."""

    def __init__(self) -> None:
        self.fd = os.open(os.devnull, os.O_WRONLY)

    def write(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def send(self, message: dict[str, Any]) -> None:
        self.write(str(message))


def middleware_cost(kind: str, orders: int = 20000) -> float:
    """Seconds of the middleware per order, minus the same call passed through untouched."""
    import asyncio

    from chefline.agent.findings import Findings
    from chefline.agent.middleware import AsgiOrders, WsgiOrders
    from chefline.agent.places import Places

    channel: Any = _Nowhere()
    findings = Findings(channel, Places(os.devnull))
    if kind == "WSGI":

        def answer(environ: dict[str, Any], start_response: Any) -> list[bytes]:
            start_response("200 OK", [])
            return [b"{}"]

        wsgi = WsgiOrders(answer, channel, findings)
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

    asgi = AsgiOrders(app, channel, findings)
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
