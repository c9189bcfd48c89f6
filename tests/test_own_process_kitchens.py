"""flask-gevent and flask-processes: real kitchens in processes of their own, and the cost
meter that shows what every kitchen holds."""

import json
import math
import signal
import socket
import subprocess
import sys
import textwrap
import time

import psutil
import pytest

from chefline.client import RacePlan
from chefline.kitchen.arrivals import Arrivals
from chefline.kitchen.errors import KitchenError
from chefline.kitchen.events import Phase
from chefline.kitchen.llm import ChatOrder, ModelSpeed
from chefline.kitchen.modes import KitchenSettings
from chefline.kitchen.recipe import Recipe
from chefline.servers import start_kitchen
from chefline.servers.llm.model_supply import ModelSupply

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork (see README)")


def still_running(pids: list[int]) -> list[int]:
    """Those of ``pids`` that are still running (a killed child nobody reaped yet is not)."""
    alive = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                alive.append(pid)
        except psutil.NoSuchProcess:
            pass
    return alive


def wait_gone(pids: list[int], timeout: float = 3.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while still_running(pids) and time.monotonic() < deadline:
        time.sleep(0.02)
    return still_running(pids)


def test_gevent_serves_a_burst_of_plain_sleeps_in_about_one_wait(race):
    # The route is the one-chef kitchen's def + time.sleep; gevent's patch makes it yield.
    n, d = 30, 1.0
    with start_kitchen("flask-gevent") as kitchen:
        result = race([kitchen], RacePlan(Recipe(wait=d), Arrivals(n)))
    timeline = result.timelines["flask-gevent"]
    s = timeline.summary()
    assert s.served == n and s.peak_concurrency == n
    assert d <= s.makespan < 2 * d  # one wave of waits, not two
    # A greenlet per order, all in one process.
    assert s.chefs == n and {o.chef_kind for o in timeline.served} == {"greenlet"}
    assert timeline.cost is not None and timeline.cost.processes == 1


def test_k_worker_processes_serve_in_waves_of_k(race):
    n, d, k = 10, 0.4, 3
    with start_kitchen("flask-processes", KitchenSettings(workers=k)) as kitchen:
        result = race([kitchen], RacePlan(Recipe(wait=d), Arrivals(n)))
    timeline = result.timelines["flask-processes"]
    s = timeline.summary()
    waves = math.ceil(n / k)
    assert s.served == n
    assert waves * d <= s.makespan < (waves + 1) * d  # not one wave more
    assert s.peak_concurrency == k
    assert s.chefs == k and {o.chef_kind for o in timeline.served} == {"process"}
    assert s.expected_makespan == pytest.approx(waves * d, abs=0.05)
    # gunicorn's arbiter and its k workers.
    assert timeline.cost is not None and timeline.cost.processes == k + 1


@pytest.mark.parametrize("mode", ["flask-gevent", "flask-processes"])
def test_a_child_kitchen_reports_on_the_apps_clock(race, mode):
    # Every phase lies between the customer's "sent" and "received", as read in this process.
    with start_kitchen(mode, KitchenSettings(workers=2)) as kitchen:
        assert abs(kitchen.server.clock_offset) < 0.001
        assert kitchen.server.url.startswith("http://127.0.0.1:")
        events = []
        result = race([kitchen], RacePlan(Recipe(wait=0.2), Arrivals(4)), listener=events.append)
    for order in result.timelines[mode].orders.values():
        assert order.phase_order_problems() == [], order.index
    # The live story arrives complete and in order although it travelled through a pipe.
    for index in range(4):
        phases = [e.phase for e in events if e.order == index]
        assert phases[0] is Phase.SENT and phases[-2:] == [Phase.DONE, Phase.RECEIVED]


@pytest.mark.parametrize("mode", ["flask-gevent", "flask-processes"])
def test_stopping_a_child_kitchen_leaves_no_process(mode):
    kitchen = start_kitchen(mode, KitchenSettings(workers=3))
    pids = [process.pid for process in kitchen.server.processes()]
    assert len(pids) == (1 if mode == "flask-gevent" else 4)
    kitchen.stop()
    assert wait_gone(pids, timeout=1.0) == []


APP = textwrap.dedent("""
    import json, time
    from chefline.kitchen.modes import KitchenSettings
    from chefline.servers import start_kitchen
    kitchens = [start_kitchen(m, KitchenSettings(workers=2))
                for m in ("flask-gevent", "flask-processes")]
    pids = [p.pid for k in kitchens for p in k.server.processes()]
    print(json.dumps(pids), flush=True)
    time.sleep(60)
""")


def test_no_kitchen_outlives_an_app_killed_with_sigkill():
    # SIGKILL gives the app no chance to clean up: the children must notice by themselves.
    app = subprocess.Popen([sys.executable, "-c", APP], stdout=subprocess.PIPE)
    try:
        pids = json.loads(app.stdout.readline())
        assert len(still_running(pids)) == 4  # gevent; gunicorn's arbiter and 2 workers
        app.send_signal(signal.SIGKILL)
        app.wait(5)
        assert wait_gone(pids) == []
    finally:
        app.kill()
        app.stdout.close()


def test_a_busy_port_is_reported_for_a_child_kitchen_too():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(KitchenError, match="already in use"):
            start_kitchen("flask-gevent", port=port, fallback=False)
        with start_kitchen("flask-gevent", port=port) as kitchen:
            assert kitchen.server.port != port and "instead" in kitchen.notice


def test_gevent_streams_the_llm_dish_and_follows_a_change_of_model(race):
    # A plain sync httpx call in the route yields to the other orders under gevent; the model
    # the app points at reaches the child process (and changes there between races).
    chat = ChatOrder(max_tokens=4)
    supply = ModelSupply()
    try:
        slow = ModelSpeed(ttft=0.3, tokens_per_s=50.0)
        supply.use_builtin(slow)
        with start_kitchen("flask-gevent", supplier=supply.supplier) as kitchen:
            result = race([kitchen], RacePlan.for_chat(chat, slow, Arrivals(20)))
            s = result.timelines["flask-gevent"].summary()
            assert s.served == 20 and s.tokens == 80
            # Together, not one after another: that would be 20 calls, a first token for
            # the median customer after ten of them.
            assert slow.ttft <= s.ttft_p50 < 3 * slow.ttft
            assert s.makespan < 5 * slow.call_seconds(4)
            quick = ModelSpeed(ttft=0.05, tokens_per_s=200.0)
            supply.use_builtin(quick)
            result = race([kitchen], RacePlan.for_chat(chat, quick, Arrivals(5)))
            assert result.timelines["flask-gevent"].summary().ttft_p50 < slow.ttft  # the new one
    finally:
        supply.close()


def test_the_cost_meter_shows_what_a_hundred_orders_cost(race):
    # The "100 users" comparison: threads for threaded Flask, one thread for async, k
    # worker processes, one gevent process — with the memory of the processes.
    k = 10  # ten waves of 0.6 s: the default 4 would make this test 15 s long
    names = ["flask-threaded", "fastapi-async", "flask-gevent", "flask-processes"]
    kitchens = [start_kitchen(name, KitchenSettings(workers=k)) for name in names]
    try:
        result = race(kitchens, RacePlan(Recipe(wait=0.6), Arrivals(100)))
    finally:
        for kitchen in kitchens:
            kitchen.stop()
    cost = {name: result.timelines[name].cost for name in names}
    # A thread per order in hand: as many as were cooking at once (the meter samples every
    # 0.1 s, so it may miss the very top of the peak).
    threaded = result.timelines["flask-threaded"].summary()
    assert cost["flask-threaded"].in_app and threaded.peak_concurrency >= 20
    assert cost["flask-threaded"].threads >= 0.7 * threaded.peak_concurrency
    assert cost["fastapi-async"].in_app and cost["fastapi-async"].threads == 1
    assert cost["flask-gevent"].processes == 1 and cost["flask-gevent"].threads < 10
    assert cost["flask-processes"].processes == k + 1
    for name in ("flask-gevent", "flask-processes"):
        assert 10 * 2**20 < cost[name].memory < 2**30, name
    gevent = result.timelines["flask-gevent"].summary()
    assert gevent.chefs >= gevent.peak_concurrency  # a greenlet for each order in hand
    assert all(result.to_json()["kitchens"][i]["cost"]["threads"] >= 1 for i in range(4))


def test_the_cli_prints_the_cost_of_each_kitchen(capsys):
    from chefline.cli.main import main

    code = main(["race", "-n", "100", "-d", "0.3", "-m", "flask-threaded", "-m", "flask-gevent",
                 "-m", "flask-processes", "--workers", "10"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "processes" in out and "memory" in out
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith("flask")}
    # Columns end with: processes, threads, memory ("in app" and "88 MB" are two words).
    assert rows["flask-threaded"][-4:-2] == ["in", "app"] and rows["flask-threaded"][-1] == "-"
    # A thread per order in hand (peak is the 7th column from the end); the meter samples
    # every 0.1 s, so it may miss the very top of the peak.
    assert int(rows["flask-threaded"][-2]) >= 0.7 * int(rows["flask-threaded"][-7]) >= 14
    assert rows["flask-processes"][-4] == "11" and rows["flask-processes"][-1] == "MB"
    assert rows["flask-gevent"][-4] == "1"


def test_the_cli_refuses_absurd_worker_counts(capsys):
    from chefline.cli.main import main

    assert main(["race", "-m", "flask-processes", "--workers", "0"]) == 2
    assert "workers must be a whole number between 1 and 32" in capsys.readouterr().err
