"""Real races on loopback: each kitchen behaves as its theory says, within honest tolerances.

One race fires the same burst at all seven kitchens at once (as the window does), so the
sequential kitchens take N·d while the concurrent ones finish in about d.
"""

import itertools
import math

import pytest

from chefline.client import EventFeed, RacePlan
from chefline.kitchen import (
    MODES,
    Arrivals,
    ChefState,
    DishKind,
    KitchenSettings,
    OrderStatus,
    Recipe,
    StepKind,
)
from chefline.kitchen.events import Phase
from chefline.servers import start_kitchen

N = 6
D = 0.4
POOL = 2
CAP = 3
SETTINGS = KitchenSettings(pool_size=POOL, thread_cap=CAP)

SEQUENTIAL = ["flask-one-chef", "fastapi-blocking", "flask-async-view"]
CONCURRENT = ["fastapi-async", "flask-threaded"]


@pytest.fixture(scope="module")
def burst():
    """One burst of N orders with wait D at every kitchen; the result and the live events."""
    import asyncio

    from chefline.client import RaceRunner

    kitchens = [start_kitchen(name, SETTINGS) for name in MODES]
    feed = EventFeed()
    try:
        plan = RacePlan(Recipe(wait=D), Arrivals(N))
        result = asyncio.run(RaceRunner(kitchens, plan, listener=feed).run())
    finally:
        for kitchen in kitchens:
            kitchen.stop()
    return result, feed.drain()


def summary(burst, name):
    return burst[0].timelines[name].summary()


def test_every_order_is_served(burst):
    for timeline in burst[0].timelines.values():
        assert [o.status for o in timeline.orders.values()] == [OrderStatus.SERVED] * N


@pytest.mark.parametrize("name", SEQUENTIAL)
def test_sequential_kitchens_take_n_times_d(name, burst):
    # One chef: the waits cannot overlap, so N·d is a hard floor, and in the same race the
    # async kitchen is at least three times quicker. (How small the overhead stays is
    # `make bench`'s to measure: a busy machine stretches it.)
    s = summary(burst, name)
    assert s.makespan >= N * D
    assert s.makespan >= 3 * summary(burst, "fastapi-async").makespan
    assert s.peak_concurrency == 1 and s.chefs == 1


@pytest.mark.parametrize("name", CONCURRENT)
def test_concurrent_kitchens_take_about_d(name, burst):
    # All N waits overlap: one wave of d, not two, and every order in the kitchen at once.
    s = summary(burst, name)
    assert D <= s.makespan < 2 * D
    assert s.peak_concurrency == N


def test_async_kitchen_has_one_chef_and_threaded_has_one_per_order(burst):
    assert summary(burst, "fastapi-async").chefs == 1
    assert summary(burst, "flask-threaded").chefs == N


def test_pool_serves_in_waves_of_k(burst):
    # k chefs: ⌈N/k⌉ waves of d, never more than k orders in the kitchen.
    s = summary(burst, "flask-pool")
    waves = math.ceil(N / POOL)
    assert waves * D <= s.makespan < (waves + 1) * D  # not one wave more
    assert s.peak_concurrency == POOL and s.chefs <= POOL


def test_fastapi_def_hits_its_thread_cap(burst):
    # The thread limiter lets CAP orders in at once: ⌈N/CAP⌉ waves.
    s = summary(burst, "fastapi-def")
    waves = math.ceil(N / CAP)
    assert waves * D <= s.makespan < (waves + 1) * D  # not one wave more
    assert s.peak_concurrency == CAP and s.chefs <= CAP


def test_every_order_keeps_its_phases_in_order(burst):
    # sent ≤ accepted ≤ each step ≤ done ≤ received, on the one shared clock.
    for timeline in burst[0].timelines.values():
        for order in timeline.orders.values():
            assert order.phase_order_problems() == [], (timeline.kitchen, order.index)


def test_chef_lanes_show_who_stands_at_the_pot(burst):
    # A Flask chef is blocked for the whole wait; the async chef never is.
    one_chef = burst[0].timelines["flask-one-chef"].chef_segments()["chef 1"]
    blocked = sum(s.end - s.start for s in one_chef if s.state is ChefState.BLOCKED)
    assert blocked >= N * D
    juggler = burst[0].timelines["fastapi-async"].chef_segments()["chef 1"]
    assert ChefState.BLOCKED not in {s.state for s in juggler}
    blocking = burst[0].timelines["fastapi-blocking"].chef_segments()["chef 1"]
    assert sum(s.end - s.start for s in blocking if s.state is ChefState.BLOCKED) >= N * D


def test_live_events_tell_each_orders_story_in_order(burst):
    # Every order emits sent, accepted, three steps, done, received, in time order.
    events = burst[1]
    for name in MODES:
        for index in range(N):
            story = [e for e in events if e.kitchen == name and e.order == index]
            phases = [e.phase for e in story]
            assert phases[0] is Phase.SENT and phases[-1] is Phase.RECEIVED
            assert phases.count(Phase.STEP_START) == phases.count(Phase.STEP_END) == 3
            times = [e.t for e in story]
            assert times == sorted(times)


def test_queue_wait_grows_at_the_one_chef_kitchen(burst):
    # The last customer at one chef waits about (N-1)·d before anyone looks at the order.
    s = summary(burst, "flask-one-chef")
    assert s.queue_wait_max >= (N - 1) * D


def test_cpu_bound_dishes_gain_nothing_from_async(race):
    # Hashing holds the chef: the async kitchen serialises N dishes into at least N·d.
    # (A dish is d seconds of the chef's CPU time, so a busy machine stretches each one; what
    # cannot change is that no two dishes are ever cooked at once.)
    n, d = 4, 0.15
    with start_kitchen("fastapi-async") as kitchen:
        result = race([kitchen], RacePlan(Recipe(wait=d, dish=DishKind.CPU), Arrivals(n)))
    timeline = result.timelines["fastapi-async"]
    s = timeline.summary()
    assert s.served == n
    cooking = sorted(
        (step.start, step.end)
        for order in timeline.served
        for step in order.steps
        if step.kind is StepKind.CPU
    )
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(cooking))
    assert s.makespan >= sum(end - start for start, end in cooking) >= n * d


def test_staggered_arrivals_follow_the_gap(race):
    # Customers 0.1 s apart at a concurrent kitchen: the last leaves about (n-1)·gap + d later.
    n, gap, d = 5, 0.1, 0.2
    with start_kitchen("fastapi-async") as kitchen:
        result = race([kitchen], RacePlan(Recipe(wait=d), Arrivals(n, gap)))
    timeline = result.timelines["fastapi-async"]
    sent = [timeline.orders[i].sent for i in range(n)]
    assert all(b - a >= gap * 0.9 for a, b in itertools.pairwise(sent))
    assert (n - 1) * gap + d <= timeline.makespan <= (n - 1) * gap + d + 0.3


def test_a_stopped_kitchen_fails_its_orders_clearly_and_the_race_goes_on(race):
    # The other kitchen is untouched; the dead one's orders say nobody answered.
    alive = start_kitchen("fastapi-async")
    dead = start_kitchen("flask-one-chef")
    dead.stop()
    try:
        result = race([alive, dead], RacePlan(Recipe(wait=0.1), Arrivals(3)))
    finally:
        alive.stop()
    assert len(result.timelines["fastapi-async"].served) == 3
    failed = result.timelines["flask-one-chef"].failed
    assert len(failed) == 3
    assert all("nobody answered" in order.error for order in failed)


def test_live_events_rebuild_exactly_the_recorded_timeline(burst):
    # What the window draws from live events equals what the race recorded from the replies.
    from chefline.kitchen import RaceTimeline

    result, events = burst
    for name, recorded in result.timelines.items():
        live = RaceTimeline(name)
        for event in events:
            if event.kitchen == name:
                live.apply(event)
        assert [o.to_json() for o in live.orders.values()] == [
            o.to_json() for o in recorded.orders.values()
        ]
        assert live.chef_segments() == recorded.chef_segments()
        now = live.kitchen_now()
        assert (now.served, now.queued, now.on_stove, now.at_hands) == (N, 0, 0, 0)
