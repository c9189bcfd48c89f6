"""100 users ask the built-in model at once: how close each concurrent kitchen comes to one
model call, and what it holds to get there."""

from __future__ import annotations

import asyncio

from common import Row, median

from chefline.client import RacePlan, RaceRunner
from chefline.kitchen import Arrivals, KitchenSettings
from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.llm import ChatOrder, ModelSpeed
from chefline.process import race_collections, raise_open_file_limit
from chefline.servers import start_kitchen
from chefline.servers.llm.model_supply import ModelSupply

USERS = 100
SPEED = ModelSpeed(ttft=0.5, tokens_per_s=16.0)
CHAT = ChatOrder(max_tokens=32)
"""Scene 7's answer: a first token after half a second, 32 tokens at 16 a second (2.44 s)."""
REPEATS = 3


def one_kitchen(name: str, supply: ModelSupply) -> tuple[float, float, KitchenCost]:
    """Median makespan ÷ one call of ``name`` raced alone, its median TTFT p95, its cost."""
    call = SPEED.call_seconds(CHAT.max_tokens)
    ratios: list[float] = []
    ttfts: list[float] = []
    cost: KitchenCost | None = None
    with start_kitchen(name, KitchenSettings(), supplier=supply.supplier) as kitchen:
        for _ in range(REPEATS):
            plan = RacePlan.for_chat(CHAT, SPEED, Arrivals(USERS))
            with race_collections():  # as `chefline race` runs one
                result = asyncio.run(RaceRunner([kitchen], plan).run())
            timeline = result.timelines[name]
            summary = timeline.summary()
            assert summary.served == USERS, summary
            assert summary.makespan is not None and summary.ttft_p95 is not None, summary
            ratios.append(summary.makespan / call)
            ttfts.append(summary.ttft_p95)
            cost = timeline.cost
    assert cost is not None, f"{name}: no cost measured"
    return median(ratios), median(ttfts), cost


def llm_users() -> list[Row]:
    raise_open_file_limit()
    supply = ModelSupply()
    supply.use_builtin(SPEED)
    call = SPEED.call_seconds(CHAT.max_tokens)
    rows = []
    try:
        # async and gevent promise "about one call"; threads get there too, at a thread each.
        for name, promised in (("fastapi-async", 1.3), ("flask-gevent", 1.5),
                               ("flask-threaded", None)):  # fmt: skip
            ratio, ttft, cost = one_kitchen(name, supply)
            rows.append(Row(
                "llm", f"{name}, {USERS} users ask the model at once (one call {call:.2f} s): "
                "makespan ÷ one call, raced alone (median of 3)", f"{ratio:.2f}",
                "" if promised is None else f"≤ {promised:.2f}",
                None if promised is None else ratio <= promised,
            ))  # fmt: skip
            rows.append(Row("llm", f"{name}: TTFT p95 (model's own {SPEED.ttft:g} s); held",
                            f"{ttft:.2f} s; {cost.describe()}", "", None))  # fmt: skip
    finally:
        supply.close()
    return rows
