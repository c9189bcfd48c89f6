"""A kitchen killed mid-race: every order it had is "hung up", none "nobody answered" or
"walked out" (no patience was set), and a kitchen that is not there is "no kitchen"."""

import asyncio
import os
import signal

import pytest

from chefline.client import RacePlan, RaceRunner
from chefline.client.customer_process import CustomerProcess
from chefline.kitchen import Arrivals, Recipe
from chefline.kitchen.order import Failure
from chefline.servers import start_kitchen


async def race_and_kill(kitchen, customers: int, after: float):
    walk_in = CustomerProcess()
    walk_in.wait_ready()  # as a window's: the orders leave at once
    runner = RaceRunner([kitchen], RacePlan(Recipe(wait=2.0), Arrivals(customers)),
                        customers=walk_in)  # fmt: skip
    try:
        task = asyncio.ensure_future(runner.run())
        await asyncio.sleep(after)
        os.kill(kitchen.server.pid, signal.SIGKILL)  # gevent's process, or gunicorn's arbiter
        return await task
    finally:
        walk_in.close()


@pytest.mark.parametrize("mode", ["flask-gevent", "flask-processes"])
def test_a_killed_kitchen_hung_up_on_every_order_it_had(mode):
    with start_kitchen(mode) as kitchen:
        result = asyncio.run(race_and_kill(kitchen, 100, 0.7))
    failed = result.timelines[mode].failed
    assert len(failed) == 100  # every dish waits 2 s: none was served before the kill
    assert {o.failure for o in failed} == {Failure.HUNG_UP}
    assert all(o.error == "the kitchen hung up before the dish was served" for o in failed)


def test_a_kitchen_that_is_gone_is_no_kitchen():
    kitchen = start_kitchen("flask-threaded")
    kitchen.stop()
    plan = RacePlan(Recipe(wait=0.01), Arrivals(3))
    result = asyncio.run(RaceRunner([kitchen], plan).run())
    failed = result.timelines["flask-threaded"].failed
    assert {o.failure for o in failed} == {Failure.NO_KITCHEN} and len(failed) == 3
