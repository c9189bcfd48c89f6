"""The customers come from a process of their own: their news arrives in order, a cancelled
race stops them, and neither they nor the built-in model outlive the app."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
import threading
import time

import psutil
import pytest

from chefline.client import EventFeed, RacePlan, RaceRunner
from chefline.client.customer_process import CustomerProcess
from chefline.kitchen import Arrivals, OrderStatus, Recipe
from chefline.kitchen.events import Phase
from chefline.kitchen.order import Failure
from chefline.servers import start_kitchen


def gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
            return True
        time.sleep(0.05)
    return False


def test_each_orders_news_arrives_in_order_from_both_kinds_of_kitchen():
    """A hundred orders at a kitchen in the app and one in its own process: every order's
    story starts with SENT, ends with RECEIVED, and its times never go back."""
    feed = EventFeed()
    kitchens = [start_kitchen("fastapi-async"), start_kitchen("flask-gevent")]
    try:
        plan = RacePlan(Recipe(wait=0.2), Arrivals(100))
        result = asyncio.run(RaceRunner(kitchens, plan, listener=feed).run())
    finally:
        for kitchen in kitchens:
            kitchen.stop()
    events = feed.drain()
    for kitchen in ("fastapi-async", "flask-gevent"):
        assert len(result.timelines[kitchen].served) == 100
        for index in range(100):
            story = [e for e in events if e.kitchen == kitchen and e.order == index]
            assert story[0].phase is Phase.SENT and story[-1].phase is Phase.RECEIVED
            assert Phase.ACCEPTED in {e.phase for e in story}
            assert [e.t for e in story] == sorted(e.t for e in story), (kitchen, index)


def test_the_customers_are_not_in_the_apps_process():
    """The orders' connections belong to the customers' process, not to this one."""
    customers = CustomerProcess()
    customers.wait_ready()  # as the window's is, long before anyone serves
    kitchen = start_kitchen("fastapi-async")
    try:
        plan = RacePlan(Recipe(wait=0.5), Arrivals(10))
        runner = RaceRunner([kitchen], plan, customers=customers)

        async def race_and_look():
            task = asyncio.create_task(runner.run())
            await asyncio.sleep(0.3)  # mid-race: every order is on the stove
            theirs = psutil.Process(customers.pid).net_connections("tcp")
            ours = psutil.Process().net_connections("tcp")
            await task
            return theirs, ours

        theirs, ours = asyncio.run(race_and_look())
    finally:
        kitchen.stop()
        customers.close()
    port = kitchen.server.port
    assert sum(1 for c in theirs if c.raddr and c.raddr.port == port) == 10
    assert not any(c.raddr and c.raddr.port == port for c in ours)  # only the kitchen's side


def test_a_cancelled_race_stops_its_customers():
    """Cancel mid-race: the open orders fail as stopped, and the customers hang up at once
    (the process that stays for the next race holds no connection to the kitchen)."""
    customers = CustomerProcess()
    customers.wait_ready()  # as the window's is, long before anyone serves
    kitchen = start_kitchen("fastapi-async")
    try:
        runner = RaceRunner([kitchen], RacePlan(Recipe(wait=5.0), Arrivals(20)),
                            customers=customers)  # fmt: skip

        async def race_and_cancel():
            task = asyncio.create_task(runner.run())
            await asyncio.sleep(0.5)
            began = time.monotonic()
            runner.cancel()
            await task
            return time.monotonic() - began

        took = asyncio.run(race_and_cancel())
        time.sleep(0.2)
        held = [c for c in psutil.Process(customers.pid).net_connections("tcp")
                if c.raddr and c.raddr.port == kitchen.server.port
                and c.status == psutil.CONN_ESTABLISHED]  # fmt: skip
    finally:
        kitchen.stop()
        customers.close()
    assert took < 2.0 and held == []
    assert runner.result.cancelled
    orders = runner.result.timelines["fastapi-async"].orders.values()
    assert len(orders) == 20
    assert {(o.status, o.failure) for o in orders} == {(OrderStatus.FAILED, Failure.STOPPED)}


def customer_processes() -> list[psutil.Process]:
    found = []
    for child in psutil.Process().children(recursive=True):
        try:
            if "_customers" in child.cmdline() and child.status() != psutil.STATUS_ZOMBIE:
                found.append(child)
        except psutil.Error:
            continue
    return found


def test_a_race_of_its_own_leaves_no_customers_process_behind(race):
    """The CLI's way: a runner with no process given starts one and ends it."""
    with start_kitchen("fastapi-async") as kitchen:
        result = race([kitchen], RacePlan(Recipe(wait=0.05), Arrivals(3)))
    assert len(result.timelines["fastapi-async"].served) == 3
    assert customer_processes() == []


APP = textwrap.dedent(
    """
    import sys, time
    from chefline.client.customer_process import CustomerProcess
    from chefline.servers.llm.model_process import ModelProcess
    from chefline.kitchen.llm import ModelSpeed
    customers = CustomerProcess()
    model = ModelProcess(ModelSpeed())
    customers.wait_ready()
    model.port
    print(customers.pid, model._process.pid, flush=True)
    time.sleep(60)
    """
)


def test_neither_customers_nor_model_outlive_an_app_killed_with_sigkill():
    app = subprocess.Popen([sys.executable, "-c", APP], stdout=subprocess.PIPE, text=True)
    try:
        assert app.stdout is not None
        customers, model = (int(pid) for pid in app.stdout.readline().split())
        assert psutil.pid_exists(customers) and psutil.pid_exists(model)
        app.kill()  # SIGKILL: no clean-up code runs in the app
        app.wait(5)
        assert gone_within(customers, 5) and gone_within(model, 5)
    finally:
        if app.poll() is None:
            app.kill()


def test_the_customers_never_send_an_order_twice_and_say_so_if_aiohttp_changes():
    """aiohttp re-sends a request once, silently, when its connection broke; its only switch
    is private. The customers turn it off, and fail loudly if a new aiohttp renamed it."""
    import aiohttp

    from chefline.client.failures import RETRY_SWITCH, SendOnceTransport, switch_off_retry

    async def check() -> None:
        transport = SendOnceTransport()
        session = transport.get_client()
        try:
            assert getattr(session, RETRY_SWITCH) is False  # aiohttp still has it, and it is off
        finally:
            await session.close()
        renamed = aiohttp.ClientSession()
        try:
            delattr(renamed, RETRY_SWITCH)  # as if aiohttp had renamed it
            with pytest.raises(RuntimeError, match="could be sent twice"):
                switch_off_retry(renamed)
        finally:
            await renamed.close()

    asyncio.run(check())


def test_a_stopped_race_s_last_news_never_reaches_the_next_race():
    """The window stops a race and starts the next scene's at once (→ Space on a clicker):
    the news the first race's customers still write belongs to it, even once it stopped
    listening, and the next race hears only its own orders and its own end."""
    customers = CustomerProcess()
    customers.wait_ready()
    slow, fast = start_kitchen("flask-one-chef"), start_kitchen("fastapi-async")
    try:
        first = RaceRunner([slow], RacePlan(Recipe(wait=0.4), Arrivals(5)), customers=customers)
        second = RaceRunner([fast], RacePlan(Recipe(wait=0.1), Arrivals(5)), customers=customers)
        heard_first: list[list] = []
        heard_second: list[list] = []
        ended = threading.Event()

        def hear_second(news: list) -> None:
            heard_second.append(news)
            if news[0] in ("over", "gone"):
                ended.set()

        customers.start_race(first.brief(), heard_first.append)
        time.sleep(0.6)  # one dish served, four still on their way
        customers.forget(heard_first.append)  # stopped listening before its end was said
        customers.cancel(first.race_id)
        customers.start_race(second.brief(), hear_second)
        assert ended.wait(10)
    finally:
        slow.stop()
        fast.stop()
        customers.close()
    served = [news[3] for news in heard_second if news[0] == "served"]
    assert len(served) == 5 and {record["kitchen"] for record in served} == {"fastapi-async"}
    assert [news[0] for news in heard_second].count("over") == 1
    assert heard_second[-1] == ["over", False]
