"""Honest at scale: head to head as the window races, the cost of a kitchen's own route
against a plain route of its framework, and the runner against a bare burst from outside."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from common import Row, known, median, wrk
from fastapi import FastAPI
from flask import Flask

from chefline.client import RacePlan, RaceResult, RaceRunner, RaceTarget
from chefline.kitchen import Arrivals, Recipe
from chefline.process import raise_open_file_limit
from chefline.servers import start_kitchen
from chefline.servers.runners.uvicorn_runner import UvicornThread
from chefline.servers.runners.werkzeug_runner import WerkzeugThread

HERE = Path(__file__).parent
N, D = 200, 1.0
REPEATS = 3


def race(kitchens: Sequence[RaceTarget], plan: RacePlan) -> RaceResult:
    return asyncio.run(RaceRunner(kitchens, plan).run())


def head_to_head() -> list[Row]:
    """Kitchens opened side by side and raced side by side, as the window does (two: its
    default view; four: a developer's comparison), each against theory and against the
    gap explained (theory + its own work per order + the work next door, ±15 %)."""
    from chefline.engine import Restaurant

    raise_open_file_limit()
    rows = []
    for names in (("fastapi-async", "flask-threaded"),
                  ("flask-threaded", "fastapi-async", "fastapi-def", "flask-gevent")):  # fmt: skip
        restaurant = Restaurant()
        try:
            restaurant.open_or_raise(list(names))
            plan = restaurant.check_plan(RacePlan(Recipe(wait=D), Arrivals(N)))
            runs = [asyncio.run(restaurant.race(plan).run()) for _ in range(REPEATS)]
        finally:
            restaurant.close()
        where = f"{len(names)} kitchens × {N} orders of {D:g} s"
        for name in names:
            summaries = [run.timelines[name].summary() for run in runs]
            ideal = median([known(s.ratio_to_theory) for s in summaries])
            own = median([known(s.ratio_to_own_work) for s in summaries])
            cost = known(summaries[0].own_cost_per_order) * 1000
            rows += [
                Row("head to head", f"{name}, {where}: ×theory (median of {REPEATS})",
                    f"{ideal:.2f}", "≤ 1.25", ideal <= 1.25),
                Row("head to head", f"{name}, {where}: × the gap explained "
                    f"({cost:.2f} ms own work an order)", f"{own:.2f}", "0.85–1.15",
                    0.85 <= own <= 1.15),
            ]  # fmt: skip
    return rows


def outside_burst() -> list[Row]:
    """The race runner (customers in their own process, records, events) against the least
    a load tool can do from another process: one aiohttp gather, same kitchen, N, d."""
    rows = []
    for name in ("fastapi-async", "flask-threaded"):
        with start_kitchen(name) as kitchen:
            runner, bare = [], []
            for _ in range(REPEATS):  # interleaved, so that drift hits both alike
                runner.append(known(race([kitchen], RacePlan(Recipe(wait=D), Arrivals(N)))
                                    .timelines[name].makespan))  # fmt: skip
                done = subprocess.run([sys.executable, str(HERE / "bare_burst.py"),
                                       kitchen.cook_url, str(N), str(D)],
                                      capture_output=True, text=True, check=True)  # fmt: skip
                bare.append(float(done.stdout))
        ratio = median(runner) / median(bare)
        rows.append(Row(
            "client overhead", f"{name}, N={N}, d={D:g} s: runner ÷ a bare aiohttp burst "
            "from another process", f"{ratio:.3f} ({median(runner):.2f} s vs "
            f"{median(bare):.2f} s)", "≤ 1.05", ratio <= 1.05,
        ))  # fmt: skip
    return rows


def plain_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/plain")
    async def plain(wait: float = 0.0) -> dict[str, float]:
        return {"wait": wait}

    return app


def plain_flask() -> Flask:
    app = Flask("plain")

    @app.get("/plain")
    def plain() -> dict[str, str]:
        return {"wait": "0"}

    return app


def rate(url: str) -> float:
    return wrk(url, needed_by="the route-cost benchmark").requests_per_s


def route_cost() -> list[Row]:
    """A kitchen's empty order against a plain route of its framework, same server, same
    load tool: what the kitchen's recording and validation cost on top of the framework."""
    empty = "/cook?wait=0&prep=0&plate=0"
    rows = []
    cases = (
        ("fastapi-async", lambda: UvicornThread("plain", plain_fastapi())),
        ("flask-threaded", lambda: WerkzeugThread("plain", plain_flask(), threaded=True)),
    )
    for name, make_plain in cases:
        plain = make_plain()
        plain.start()
        try:
            with start_kitchen(name) as kitchen:
                pairs = [(rate(f"{plain.url}/plain?wait=0"), rate(f"{kitchen.url}{empty}"))
                         for _ in range(REPEATS)]  # fmt: skip
        finally:
            plain.stop()
        ratio = median([p / k for p, k in pairs])
        plain_rps, kitchen_rps = median([p for p, _ in pairs]), median([k for _, k in pairs])
        rows.append(Row(
            "route cost", f"{name}: an empty order's cost ÷ a plain route's (wrk -c20, "
            "keep-alive)", f"{ratio:.2f} ({kitchen_rps:.0f} vs {plain_rps:.0f} req/s)",
            "≤ 1.5", ratio <= 1.5,
        ))  # fmt: skip
    return rows
