"""Your own app as a kitchen, served by its agent in a process of its own: the examples raced
for real, the verdict, and every bad input refused with one sentence and exit code 2."""

import asyncio
import itertools
import json
import socket
from pathlib import Path

import pytest

from chefline.cli import exit_codes, main
from chefline.client.plan import RacePlan
from chefline.client.race import RaceRunner
from chefline.engine import start_your_app
from chefline.kitchen.arrivals import Arrivals
from chefline.kitchen.modes import KitchenSettings
from chefline.kitchen.recipe import Recipe
from chefline.kitchen.your_app import YourAppSpec, YourOrder

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SLOW = EXAMPLES / "slow_kitchen.py"
FLASK = EXAMPLES / "flask_kitchen.py"
SLEEP_S = 0.3
N = 4


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def race_json(capsys, *argv: str, code: int = exit_codes.OK) -> dict:
    assert main(["race", "-n", str(N), "--json", *argv]) == code
    data = json.loads(capsys.readouterr().out)
    return {kitchen["kitchen"]: kitchen for kitchen in data["kitchens"]}


def spec(target: Path | str, server: str | None, path: str, **more) -> YourAppSpec:
    return YourAppSpec(f"{target}:app" if isinstance(target, Path) else target, server,
                       order=YourOrder(path), **more)  # fmt: skip


def test_a_blocking_async_route_takes_n_sleeps_and_the_watchdog_names_its_line(capsys):
    kitchens = race_json(capsys, "--app", f"{SLOW}:app", "--path", "/blocking",
                         "-m", "fastapi-async", "-d", str(SLEEP_S))  # fmt: skip
    yours, builtin = kitchens["slow_kitchen:app@uvicorn"], kitchens["fastapi-async"]
    assert yours["summary"]["served"] == N and yours["summary"]["chefs"] == 1
    makespan = yours["summary"]["makespan"]
    assert makespan >= 0.9 * N * SLEEP_S  # one sleep after another
    assert builtin["summary"]["makespan"] < makespan / 2  # the same wait, awaited
    assert "blocks" not in builtin  # the verdict is your app's alone
    blocks = yours["blocks"]
    assert sorted(block["order"] for block in blocks) == list(range(N))
    line = line_of(SLOW, "time.sleep(SLEEP_S)")
    for block in blocks:
        assert block["file"] == str(SLOW) and block["line"] == line and block["mine"]
        assert block["function"] == "blocking" and block["code"] == "time.sleep(SLEEP_S)"
        assert block["kind"] == "io" and not block["still_running"]
        assert 0.8 * SLEEP_S <= block["seconds"] <= 2 * SLEEP_S
        assert block["frames"][0].endswith(f"slow_kitchen.py:{line} in blocking")
    assert yours["blocked_s"] >= 0.8 * makespan
    for order in yours["orders"]:  # the blocked span is drawn on the order as a step
        (step,) = [step for step in order["steps"] if step["name"] == "stuck at the pot"]
        assert step["holds_chef"] and step["kind"] == "io"
        assert order["sent"] <= order["accepted"] <= step["start"] <= order["done"]
        assert order["done"] <= order["received"]


def test_the_fixed_route_takes_one_sleep_and_has_no_block(capsys):
    kitchens = race_json(capsys, "--app", f"{SLOW}:app", "--path", "/fixed")
    (yours,) = kitchens.values()
    assert yours["summary"]["served"] == N
    assert yours["summary"]["makespan"] < 2 * SLEEP_S  # N awaited sleeps overlap
    assert yours["blocks"] == [] and yours["blocked_s"] == 0.0
    assert yours["summary"]["peak_concurrency"] >= 2
    for order in yours["orders"]:  # awaited: on the stove, the chef free for the next order
        (step,) = order["steps"]
        assert step["name"] == "your route" and not step["holds_chef"]
        assert step["end"] - step["start"] >= 0.9 * SLEEP_S


def test_the_table_says_who_held_the_chef_and_on_which_python(capsys):
    assert main(["race", "--app", f"{SLOW}:app", "--path", "/blocking", "-n", "2"]) == 0
    out, err = capsys.readouterr()
    line = line_of(SLOW, "time.sleep(SLEEP_S)")
    assert "slow_kitchen:app@uvicorn: the chef was held" in out
    assert "order 2 held the chef at the pot for 0.3" in out
    assert f"at slow_kitchen.py:{line} in `blocking` (time.sleep(SLEEP_S))" in out
    assert "slow_kitchen:app@uvicorn ran on Python 3." in out  # the table's header
    # Said up front, on stderr: where your app runs, and how long a customer waits for it.
    assert "your app runs on Python 3." in err and "waits up to 60 s" in err


def test_a_post_route_gets_its_body(capsys):
    kitchens = race_json(capsys, "--app", f"{SLOW}:app", "--path", "/echo", "--method", "post",
                         "--body", '{"dish": "soup"}')  # fmt: skip
    (yours,) = kitchens.values()
    assert yours["summary"]["served"] == N
    assert all(order["http_status"] == 200 for order in yours["orders"])


def test_flask_under_werkzeug_is_sequential_and_under_threads_concurrent():
    one = start_your_app(spec(FLASK, "werkzeug", "/wait"))
    many = start_your_app(spec(FLASK, "werkzeug-threaded", "/wait"))
    try:
        assert not one.in_app and not many.in_app  # your app runs in its own process
        runner = RaceRunner([one, many], RacePlan(Recipe(wait=SLEEP_S), Arrivals(N, 0.0)))
        result = asyncio.run(runner.run())
    finally:
        one.stop()
        many.stop()
    sequential = result.timelines[one.name].summary()
    threaded = result.timelines[many.name].summary()
    assert sequential.served == threaded.served == N
    assert sequential.makespan >= 0.9 * N * SLEEP_S and sequential.chefs == 1
    assert threaded.makespan < sequential.makespan / 2 and threaded.chefs >= 2
    for order in result.timelines[one.name].orders.values():
        # A thread in time.sleep: stuck at the pot (its CPU clock stood still), not working.
        stuck = sum(s.duration for s in order.steps if s.name == "stuck at the pot")
        working = sum(s.duration for s in order.steps if s.kind == "cpu")
        assert stuck >= 0.9 * SLEEP_S and working < 0.05
        assert all(step.holds_chef for step in order.steps)
        assert not order.phase_order_problems()
    assert not result.verdicts[one.name].watched  # thread chefs: drawn, no loop to block


def test_the_sampler_tells_a_thread_chef_working_from_stuck_at_the_pot(capsys):
    kitchens = race_json(capsys, "--app", f"{FLASK}:app", "--path", "/mixed", "-n", "2",
                         "--server", "werkzeug")  # fmt: skip
    (yours,) = kitchens.values()
    for order in yours["orders"]:  # 0.1 s of Python, then 0.2 s of time.sleep
        steps = order["steps"]
        working = sum(s["end"] - s["start"] for s in steps if s["kind"] == "cpu")
        stuck = sum(s["end"] - s["start"] for s in steps if s["name"] == "stuck at the pot")
        # Working takes ≥ 0.1 s of wall time (longer when the machine is busy), never 0.2 s
        # more: the sleep is not counted as work.
        assert 0.08 <= working <= 0.3 and 0.18 <= stuck <= 0.3
        assert steps[0]["kind"] == "cpu" and steps[0]["name"] == "chef working"
        longest = max(steps, key=lambda s: s["end"] - s["start"] if s["kind"] == "io" else 0)
        assert longest["end"] - longest["start"] >= 0.18 and longest["holds_chef"]
        assert all(a["end"] <= b["start"] for a, b in itertools.pairwise(steps))


def test_a_route_that_fails_fails_each_order_with_its_first_words(capsys):
    kitchens = race_json(capsys, "--app", f"{FLASK}:app", "--path", "/broken",
                         code=exit_codes.ORDERS_FAILED)  # fmt: skip
    (yours,) = kitchens.values()
    assert yours["summary"]["failures"] == {"burnt": N}
    assert {o["error"] for o in yours["orders"]} == {
        "the kitchen answered 500: 500 Internal Server Error"
    }
    line = line_of(FLASK, 'raise RuntimeError("the oven is off")')
    assert yours["raised"] == [{"orders": N, "error": "RuntimeError: the oven is off (at "
                                f"flask_kitchen.py:{line} in `broken`)"}]  # fmt: skip
    # A route your app does not have: not found, and the exit code says nothing was served.
    kitchens = race_json(capsys, "--app", f"{SLOW}:app", "--path", "/nowhere",
                         code=exit_codes.ORDERS_FAILED)  # fmt: skip
    (yours,) = kitchens.values()
    assert yours["summary"]["failures"] == {"not found": N}
    assert yours["orders"][0]["error"] == 'the kitchen answered 404: {"detail":"Not Found"}'


@pytest.fixture
def busy_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    yield sock.getsockname()[1]
    sock.close()


def write(tmp_path: Path, text: str, name: str = "mine.py") -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


START_FAILS = """
from contextlib import asynccontextmanager
from fastapi import FastAPI

@asynccontextmanager
async def lifespan(app):
    raise RuntimeError("no database at localhost:5432")
    yield

app = FastAPI(lifespan=lifespan)
"""


@pytest.mark.parametrize(
    ("make_argv", "message"),
    [
        (
            lambda tmp, port: ["race", "--app", "nowhere/app.py:app"],
            "there is no file nowhere/app.py",
        ),
        (
            lambda tmp, port: ["race", "--app", "no_such_package_x.app:app"],
            "there is no module no_such_package_x.app; your app runs on Python 3.",
        ),
        (
            lambda tmp, port: [
                "race",
                "--app",
                write(tmp, "x = 1\nimport no_such_module_x\n") + ":app",
            ],
            "ModuleNotFoundError: No module named 'no_such_module_x' (at {tmp}/mine.py:2); "
            "your app runs on Python 3.",
        ),
        (lambda tmp, port: ["race", "--app", write(tmp, "def f(:\n") + ":app"], "SyntaxError"),
        (
            lambda tmp, port: ["race", "--app", write(tmp, "app = 42\n") + ":app"],
            "is a int, not an app",
        ),
        (lambda tmp, port: ["race", "--app", f"{SLOW}:ap"], "has no attribute 'ap'; its apps: app"),
        (lambda tmp, port: ["race", "--app", f"{SLOW}"], "--app must look like"),
        (
            lambda tmp, port: ["race", "--app", f"{SLOW}:app", "--server", "werkzeug"],
            "is a ASGI app, and werkzeug serves WSGI apps; try --server uvicorn",
        ),
        (
            lambda tmp, port: ["race", "--app", f"{SLOW}:app", "--server", "tomcat"],
            "--server must be one of",
        ),
        (
            lambda tmp, port: ["race", "--app", f"{SLOW}:app", "--path", "fixed"],
            "--path must start with /",
        ),
        (
            lambda tmp, port: ["race", "--app", f"{SLOW}:app", "--body", "{oops"],
            "--body must be JSON",
        ),
        (
            lambda tmp, port: ["race", "--app", write(tmp, START_FAILS) + ":app"],
            "failed to start: RuntimeError: no database at localhost:5432",
        ),
        (
            lambda tmp, port: ["race", "--app", f"{SLOW}:app", "--python", str(tmp / "nope")],
            "--python: there is no Python at",
        ),
        (
            lambda tmp, port: ["race", "--python", "/usr/bin/python3"],
            "--python goes with --app",
        ),
        (
            lambda tmp, port: ["serve", "--app", f"{FLASK}:app", "--port", str(port)],
            "is already in use",
        ),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(make_argv, message, tmp_path, busy_port, capsys):
    assert main(make_argv(tmp_path, busy_port)) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    # Chefline's own word is one sentence; whatever your app said (a traceback it logged as
    # its start-up failed) is marked as your app's.
    (ours,) = [line for line in lines if not line.startswith("[mine:app] ")]
    assert message.format(tmp=tmp_path) in ours and "Traceback" not in ours


def test_gunicorn_and_gevent_serve_your_flask_app_in_processes_of_their_own():
    two = KitchenSettings(workers=2)
    workers = start_your_app(spec(FLASK, "gunicorn", "/wait"), two)
    greenlets = start_your_app(spec(FLASK, "gevent", "/wait"))
    try:
        plan = RacePlan(Recipe(wait=SLEEP_S), Arrivals(N, 0.0))
        result = asyncio.run(RaceRunner([workers, greenlets], plan).run())
    finally:
        workers.stop()
        greenlets.stop()
    pair = result.timelines[workers.name].summary()
    many = result.timelines[greenlets.name].summary()
    assert pair.served == many.served == N
    assert pair.chefs == 2 and 0.9 * 2 * SLEEP_S <= pair.makespan < 0.9 * N * SLEEP_S
    assert many.makespan < 2 * SLEEP_S and many.chefs == N
    for order in result.timelines[workers.name].orders.values():
        assert order.chef_kind == "process" and not order.phase_order_problems()
    for order in result.timelines[greenlets.name].orders.values():
        (step,) = order.steps  # a patched sleep: the greenlet waits, the chef is free
        assert order.chef_kind == "greenlet" and not step.holds_chef


BOOM = """
from fastapi import FastAPI

app = FastAPI()

@app.get("/boom")
async def boom():
    raise RuntimeError("the oven is off")
"""


def test_an_async_route_that_raises_is_one_sentence_not_a_traceback(tmp_path, capsys):
    target = write(tmp_path, BOOM) + ":app"
    assert main(["race", "--app", target, "--path", "/boom", "-n", "3"]) == exit_codes.ORDERS_FAILED
    out, err = capsys.readouterr()
    assert (
        "your route raised RuntimeError: the oven is off (at mine.py:8 in `boom`) (3 orders)" in out
    )
    assert "3 burnt" in out and "Traceback" not in err


def test_serve_says_how_to_order_from_your_app(capsys):
    import threading

    from chefline.cli import build_parser, serve_command

    argv = ["serve", "--app", f"{SLOW}:app", "--path", "/echo", "--method", "POST"]
    args = build_parser().parse_args([*argv, "--body", '{"dish": "soup"}'])
    stop = threading.Event()
    stop.set()  # served, said, and closed at once
    assert serve_command.run(args, stop) == 0
    out = capsys.readouterr().out
    assert "curl -X POST -H 'content-type: application/json' -d '{\"dish\": \"soup\"}' " in out
    assert "/echo" in out and "slow_kitchen:app@uvicorn" in out
