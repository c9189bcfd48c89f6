"""What watching your app costs: a plain route served bare against the same route served as
your kitchen (the order middleware, and the loop watchdog or the thread sampler). Counted in
instructions per order under valgrind (``counted_orders.py``), and in CPU time per
order under the same load from another process (wrk, keep-alive), as ``route cost`` measures
the kitchens (noisy here: bare against bare scatters as much as the cost)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import Row, WrkRun, median, need_command, wrk
from counted_orders import counted_overhead
from plain_app import SERVED_AS, bare_server

from chefline.process import race_collections
from chefline.servers.relay import Listener
from chefline.servers.your_app.loop_watchdog import LoopWatchdog
from chefline.servers.your_app.your_kitchen import YourOrder, start_your_kitchen

HERE = Path(__file__).parent
APP = HERE / "plain_app.py"
REPEATS = 11
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
    need_command("valgrind", "the your-app benchmark")
    rows = []
    watched_by = {"ASGI": "middleware + loop watchdog", "WSGI": "middleware + thread sampler"}
    for kind, what in watched_by.items():
        attr, server = SERVED_AS[kind]
        bare = bare_server(kind)
        bare.start()
        yours = start_your_kitchen(f"{APP}:{attr}", server, YourOrder("/plain"))
        heard = [0]
        yours.relay.subscribe(_counting(heard))  # a race
        pairs: list[tuple[WrkRun, WrkRun]] = []
        watching = WatchingThreads(yours.watchdog)
        try:
            # The same requests both sides (an order's headers too): only the watching differs.
            plain_url, watched_url = f"{bare.url}/plain", yours.cook_url
            load(watched_url)  # the watchdog or the sampler starts with the first order
            watching.find()
            with race_collections():  # as `chefline race --app` runs a race
                for turn in range(REPEATS):  # who goes first alternates: drift hits both
                    if turn % 2:
                        watched = watching.during(load, watched_url)
                        pairs.append((load(plain_url), watched))
                    else:
                        plain = load(plain_url)
                        pairs.append((plain, watching.during(load, watched_url)))
        finally:
            bare.stop()
            yours.stop()
        assert heard[0], "the middleware said nothing"
        spread = sorted(w.cpu_us_per_request / b.cpu_us_per_request - 1 for b, w in pairs)
        # CPU time per order, watched ÷ bare
        extra = median([w.cpu_us_per_request / b.cpu_us_per_request for b, w in pairs]) - 1
        user_extra = median([w.user_us_per_request / b.user_us_per_request for b, w in pairs]) - 1
        bare_cpu = median([b.cpu_us_per_request for b, _ in pairs])
        watched_cpu = median([w.cpu_us_per_request for _, w in pairs])
        bare_rps = median([b.requests_per_s for b, _ in pairs])
        watched_rps = median([w.requests_per_s for _, w in pairs])
        per_order = middleware_cost(kind) + (sampler_cost() if kind == "WSGI" else 0.0)
        threads = watching.cpu_s / max(watching.requests, 1)
        beats = watching.beats_s / max(watching.requests, 1)
        own = per_order + threads + (beats if kind == "ASGI" else 0.0)
        share = own / (bare_cpu / 1e6)
        bare_count, watched_count, slowdown = counted_overhead(kind, bare_cpu / 1e6)
        counted = watched_count / bare_count - 1
        rows.append(Row(
            "your app", f"{kind} plain route on {server}, {what}: extra instructions per "
            "order, watched ÷ bare (counted by valgrind; the watching's timed work and the "
            f"shortest step it draws stretched by valgrind's slowdown, ×{slowdown:.0f})",
            f"{100 * counted:+.1f} % ({watched_count / 1e3:.0f}k vs {bare_count / 1e3:.0f}k)",
            "≤ +10 %", counted <= 0.10,
        ))  # fmt: skip
        rows.append(Row(
            "your app", f"{kind}: the same in CPU time per order, watched ÷ bare (wrk -c20, "
            f"keep-alive, median of {REPEATS} alternating pairs; lowest–highest pair). Bare "
            "against bare scatters as much (benchmarks/NOTES.md)",
            f"{100 * extra:+.1f} % ({watched_cpu:.0f} vs {bare_cpu:.0f} µs; {watched_rps:.0f} "
            f"vs {bare_rps:.0f} req/s; {100 * spread[0]:+.0f} to {100 * spread[-1]:+.0f} %; "
            f"user time alone {100 * user_extra:+.1f} %)", "", None,
        ))  # fmt: skip
        rows.append(Row(
            "your app", f"{kind}: of which the watching's own work, measured directly (the "
            "middleware's and the sampler's calls timed alone; under wrk the watching thread's "
            "CPU clock and the heartbeats timed on the loop) ÷ the plain route's CPU per order",
            f"{100 * share:.1f} % ({1e6 * own:.0f} µs of {bare_cpu:.0f} µs: middleware "
            f"{1e6 * per_order:.0f}, thread {1e6 * threads:.0f}"
            + (f", heartbeats {1e6 * beats:.1f}" if kind == "ASGI" else "") + ")",
            "", None,
        ))  # fmt: skip
    return rows


class WatchingThreads:
    """The CPU time of the thread that watches your app (the loop watchdog or the thread
    sampler), read from its own CPU clock over the watched runs only; and the watchdog's
    heartbeats, which run on the loop itself between orders, timed where they run (a clock
    read each side, ~1 µs, counts against them)."""

    NAMES = ("chefline-watchdog", "chefline-thread-sampler")

    def __init__(self, watchdog: LoopWatchdog | None) -> None:
        self.clocks: list[int] = []
        self.cpu_s = self.beats_s = 0.0
        self.requests = 0
        self._counting = False
        if watchdog is not None:
            # The beat schedules itself again as ``self._beat``: this instance's, timed.
            beat = watchdog._beat

            def timed_beat() -> None:
                began = time.thread_time()
                beat()
                if self._counting:
                    self.beats_s += time.thread_time() - began

            watchdog._beat = timed_beat  # type: ignore[method-assign]

    def find(self) -> None:
        idents = [t.ident for t in threading.enumerate() if t.name in self.NAMES]
        self.clocks = [time.pthread_getcpuclockid(i) for i in idents if i is not None]
        assert self.clocks, "no watching thread runs"

    def during(self, run: Callable[[str], WrkRun], url: str) -> WrkRun:
        before = [time.clock_gettime(c) for c in self.clocks]
        self._counting = True
        result = run(url)
        self._counting = False
        after = [time.clock_gettime(c) for c in self.clocks]
        self.cpu_s += sum(a - b for a, b in zip(after, before, strict=True))
        self.requests += result.requests
        return result


def sampler_cost(orders: int = 20000) -> float:
    """Seconds of ``ThreadSampler.enter`` and ``leave`` per order (a quick order, as under
    wrk: done before the sampler's first look)."""
    from chefline.servers.your_app.thread_sampler import ThreadSampler

    sampler = ThreadSampler()
    began = time.thread_time()
    for _ in range(orders):
        sampler.enter()
        sampler.leave()
    spent = time.thread_time() - began
    sampler.stop()
    return spent / orders


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
