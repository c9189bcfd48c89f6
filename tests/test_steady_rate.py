"""Customers at a steady rate: a Poisson stream drawn from a seed, open loop (nobody waits for
an earlier dish before ordering), each latency counted from the moment the customer meant to
order, so neither a kitchen that stalls nor customers held back can hide a wait."""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import statistics

import pytest

from chefline.client.customer_process import CustomerProcess
from chefline.client.plan import RacePlan
from chefline.client.race import RaceRunner
from chefline.engine import SweepPlan, SweepRunner
from chefline.kitchen import limits
from chefline.kitchen.arrivals import Arrivals, poisson_offsets
from chefline.kitchen.capacity import SweepAxis, capacity_in_theory
from chefline.kitchen.clock import now
from chefline.kitchen.errors import BadInput
from chefline.kitchen.modes import get_mode
from chefline.kitchen.order import OrderStatus
from chefline.kitchen.recipe import Recipe
from chefline.kitchen.theory import fifo_latencies
from chefline.servers import start_kitchen

needs_signals = pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="POSIX signals")


def test_a_stream_is_drawn_from_its_seed_at_its_rate_and_bounded():
    # The same seed gives every kitchen (and every run) the very same customers.
    stream = Arrivals.at_rate(50.0, 10.0, seed=7)
    assert stream.offsets == Arrivals.at_rate(50.0, 10.0, seed=7).offsets
    assert stream.offsets != Arrivals.at_rate(50.0, 10.0, seed=8).offsets
    offsets = stream.offsets
    assert offsets[0] == 0.0 and offsets == sorted(offsets) and offsets[-1] < 10.0
    # About R×T customers, gaps of 1/R on average (500 draws: within 15 %).
    assert 0.85 * 500 <= stream.customers <= 1.15 * 500
    gaps = [b - a for a, b in itertools.pairwise(offsets)]
    assert 0.85 / 50 <= statistics.mean(gaps) <= 1.15 / 50
    assert stream.steady and "Poisson" in stream.pattern
    # More than a race can hold, or nonsense, is one sentence, not a hang or a huge list.
    for rate, duration in ((100.0, 20.0), (0.0, 5.0), (float("nan"), 5.0), (5.0, 1e9)):
        with pytest.raises(BadInput):
            Arrivals.at_rate(rate, duration)
    with pytest.raises(BadInput):  # a file that claims a stream the seed does not draw
        Arrivals(stream.customers + 1, 0.0, 50.0, 10.0, 7)
    assert len(poisson_offsets(1000.0, 1.0, 1)) <= limits.MAX_CUSTOMERS


def test_theory_per_order_is_ceil_of_the_queue_over_the_chefs():
    # A burst of 5 at one chef: d, 2d, …, 5d; at two chefs: d, d, 2d, 2d, 3d.
    assert fifo_latencies([0.0] * 5, 1.0, 1) == [1.0, 2.0, 3.0, 4.0, 5.0]
    assert fifo_latencies([0.0] * 5, 1.0, 2) == [1.0, 1.0, 2.0, 2.0, 3.0]
    assert fifo_latencies([0.0, 5.0], 1.0, 1) == [1.0, 1.0]  # the chef was free again
    recipe = Recipe(wait=1.0)
    assert max(get_mode("flask-pool").expected_latencies([0.0] * 9, recipe)) == pytest.approx(
        get_mode("flask-pool").expected_makespan([0.0] * 9, recipe)
    )


def test_below_capacity_p95_stays_near_one_order_and_at_twice_it_the_queue_grows():
    # One chef serves 1/d customers a second. In one run: at 0.4 of that the p95 stays near
    # one order; at twice it the customers come faster than they leave, and every quarter
    # of the stream waits longer than the one before.
    d = 0.1
    plan = SweepPlan(("flask-one-chef",), (4.0, 20.0), RacePlan(Recipe(wait=d)),
                     SweepAxis.RATE, duration=3.0, seed=1, limit=30.0)  # fmt: skip
    capacity = capacity_in_theory(plan.spec(), "flask-one-chef")
    assert capacity == pytest.approx(1 / d, rel=0.01)
    sweep = asyncio.run(SweepRunner(plan).run())
    below, above = sweep.curve("flask-one-chef")
    assert below.x < 0.5 * capacity and above.x >= 2 * capacity
    assert below.served == below.customers and above.served == above.customers
    assert below.p95 is not None and above.p95 is not None and above.queue_growth is not None
    assert below.p95 <= 3 * d  # near one order (the theory of this stream: 2.2 d)
    assert above.queue_growth > 1.0  # theory: 2.6 s more for the last quarter
    assert above.p95 > 10 * below.p95
    assert below.queue_growth is not None and abs(below.queue_growth) < d  # steady
    assert sweep.knee("flask-one-chef") is above  # it saturates there


@needs_signals
def test_a_kitchen_that_stalls_meets_every_customer_on_time_and_their_wait_counts_from_then():
    # The kitchen's own process stands still for a second (SIGSTOP) in the middle of a
    # steady stream. Nobody waits for an answer before ordering, so the customers keep
    # coming at their moments; each one's latency, taken from the moment it meant to order,
    # holds the rest of the stall. A client that waits for each reply before the next
    # order would have sent one order in that second and reported a fine p95.
    rate, duration, d, stall_from, stall = 20.0, 2.0, 0.05, 0.5, 1.0
    plan = RacePlan(Recipe(wait=d), Arrivals.at_rate(rate, duration, seed=3))
    kitchen = start_kitchen("flask-gevent")
    customers = CustomerProcess()
    try:
        customers.wait_ready()
        pid = kitchen.server.pid
        assert pid is not None
        stalled: list[float] = []

        async def race():
            loop = asyncio.get_running_loop()

            def stop() -> None:
                os.kill(pid, signal.SIGSTOP)
                stalled.append(now())

            def resume() -> None:
                os.kill(pid, signal.SIGCONT)
                stalled.append(now())

            loop.call_later(stall_from, stop)
            loop.call_later(stall_from + stall, resume)
            return await RaceRunner([kitchen], plan, customers=customers).run()

        result = asyncio.run(race())
    finally:
        if kitchen.server.pid is not None:  # never leave it stopped, whatever failed
            os.kill(kitchen.server.pid, signal.SIGCONT)
        customers.close()
        kitchen.stop()
    began, ended = stalled
    orders = list(result.timelines["flask-gevent"].orders.values())
    assert all(o.status is OrderStatus.SERVED and o.intended is not None for o in orders)
    # Open loop: the stalled kitchen held no customer back.
    assert max(o.sent - o.intended for o in orders) < 0.15
    during = [o for o in orders if began + 0.05 < o.intended < ended - 0.05]
    assert len(during) >= 0.5 * rate * (stall - 0.1)  # ~18 ordered into the stall
    for order in during:
        assert order.latency >= (ended - order.intended) + 0.8 * d
    before = [o.latency for o in orders if o.intended < began - 0.3]
    assert before and max(before) < 0.5
    assert result.timelines["flask-gevent"].summary().latency_p95 >= 0.5 * stall


@needs_signals
def test_customers_held_back_are_timed_from_when_they_meant_to_order():
    # Now the customers' own process stands still for half a second: the orders due meanwhile
    # go out late, all at once. Timed from when they were sent they would look as quick as
    # the rest; timed from when they meant to order, each carries its wait at the door.
    rate, d, hold = 20.0, 0.05, 0.5
    plan = RacePlan(Recipe(wait=d), Arrivals.at_rate(rate, 2.0, seed=5))
    kitchen = start_kitchen("fastapi-async")
    customers = CustomerProcess()
    try:
        customers.wait_ready()

        async def race():
            loop = asyncio.get_running_loop()
            loop.call_later(0.6, os.kill, customers.pid, signal.SIGSTOP)
            loop.call_later(0.6 + hold, os.kill, customers.pid, signal.SIGCONT)
            return await RaceRunner([kitchen], plan, customers=customers).run()

        result = asyncio.run(race())
    finally:
        os.kill(customers.pid, signal.SIGCONT)
        customers.close()
        kitchen.stop()
    timeline = result.timelines["fastapi-async"]
    orders = list(timeline.orders.values())
    late = [o for o in orders if o.sent - o.intended > 0.25]
    assert len(late) >= 3
    for order in late:
        assert order.received - order.sent < 0.5 * (order.sent - order.intended) + d
        assert order.latency == pytest.approx(order.received - order.intended)
        assert order.latency >= order.sent - order.intended + 0.8 * d
    assert timeline.summary().latency_p95 >= 0.25 + d
