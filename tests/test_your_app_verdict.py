"""The race's verdict on your app: the same blocking route gets the same verdict behind any
middleware or dependency; a block still running when the race ends is reported with its
length so far; a route that computes is working, one that waits is stuck at the pot; a ``def``
route is cooked by the pool's threads; your app's output never spoils ``--json``; and the
agent blames neither itself nor the loop's own machinery."""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

import pytest

from chefline.agent.places import AGENT, LIBRARY, OWN, STDLIB, Places
from chefline.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "middleware_kitchen.py"
AGENT_SOURCE = ROOT / "src" / "chefline" / "agent"
N = 3
SLEEP_S = 0.25

WRAPPED = f"""
import time

from fastapi import Depends, FastAPI


async def sleepy():
    time.sleep({SLEEP_S})  # the blocking line
    return {{"dish": "late"}}


async def slow_user():
    time.sleep({SLEEP_S})  # an async dependency that blocks
    return "ann"


async def greeted(user: str = Depends(slow_user)):
    return {{"hello": user}}


def make(middleware=None):
    app = FastAPI()
    app.get("/sleepy")(sleepy)
    app.get("/greeted")(greeted)
    if middleware == "http":

        @app.middleware("http")
        async def timed(request, call_next):  # BaseHTTPMiddleware: a task of its own
            return await call_next(request)

    elif middleware == "asgi":

        class Pure:  # pure ASGI middleware
            def __init__(self, app):
                self.app = app

            async def __call__(self, scope, receive, send):
                await self.app(scope, receive, send)

        app.add_middleware(Pure)
    return app


plain, http, asgi = make(), make("http"), make("asgi")
"""


def race(capsys, *argv: str, code: int = 0) -> tuple[dict, str, str]:
    assert main(["race", "-n", str(N), "--json", *argv]) == code
    out, err = capsys.readouterr()
    (kitchen,) = json.loads(out)["kitchens"]  # --json parses, whatever the app printed
    return kitchen, out, err


def verdict_of(kitchen: dict) -> list[tuple]:
    return sorted((b["order"], b["where"], b["function"], b["code"], b["kind"])
                  for b in kitchen["blocks"])  # fmt: skip


@pytest.mark.parametrize("path", ["/sleepy", "/greeted"])
def test_the_same_blocking_route_gets_the_same_verdict_behind_any_middleware(
    path, tmp_path, capsys
):
    app = tmp_path / "wrapped.py"
    app.write_text(WRAPPED)
    verdicts = {}
    for name in ("plain", "http", "asgi"):
        kitchen, _, _ = race(capsys, "--app", f"{app}:{name}", "--path", path)
        assert kitchen["summary"]["served"] == N
        assert kitchen["summary"]["makespan"] >= 0.9 * N * SLEEP_S  # one after another
        blocks = [b for b in kitchen["blocks"] if b["seconds"] >= 0.8 * SLEEP_S]
        assert len(blocks) == N and all(b["seconds"] <= 2 * SLEEP_S for b in blocks)
        verdicts[name] = sorted((b["order"], b["where"], b["function"], b["code"], b["kind"])
                                for b in blocks)  # fmt: skip
    marker = "async dependency" if path == "/greeted" else "the blocking line"
    line = next(i for i, text in enumerate(WRAPPED.splitlines(), 1) if marker in text)
    function = "slow_user" if path == "/greeted" else "sleepy"
    code = f"time.sleep({SLEEP_S})"
    expected = [(order, f"wrapped.py:{line}", function, code, "io") for order in range(N)]
    assert verdicts["plain"] == expected
    assert verdicts["http"] == verdicts["plain"] == verdicts["asgi"]


def test_a_block_still_running_when_the_race_ends_is_reported_with_its_length(tmp_path, capsys):
    app = tmp_path / "hangs.py"
    app.write_text("import time\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n"
                   "@app.get('/')\nasync def hang():\n    time.sleep(30)\n")  # fmt: skip
    kitchen, _, _ = race(capsys, "--app", f"{app}:app", "--patience", "1", code=3)
    assert kitchen["summary"]["failures"] == {"walked out": N}
    (block,) = kitchen["blocks"]  # one order held the chef; the others never got it
    assert block["still_running"] and block["order"] is not None
    assert block["where"] == "hangs.py:9" and block["code"] == "time.sleep(30)"
    assert 0.8 <= block["seconds"] <= 1.6  # its length so far: until the race ended
    assert main(["race", "-n", "1", "--app", f"{app}:app", "--patience", "1"]) == 3
    out = capsys.readouterr().out
    held_for = re.search(r"held the chef at the pot for ([\d.]+) s so far", out)
    assert held_for and 0.8 <= float(held_for[1]) <= 1.6, out  # until the race ended
    assert "so far (it still held it when the race ended) at hangs.py:9" in out


def held(order: dict) -> list[dict]:
    return [step for step in order["steps"] if step["holds_chef"]]


def test_a_route_that_computes_is_working_and_one_that_waits_is_stuck(capsys):
    kitchen, _, _ = race(capsys, "--app", f"{EXAMPLE}:app", "--path", "/hashing")
    assert {b["kind"] for b in kitchen["blocks"] if b["seconds"] > 0.03} == {"cpu"}
    for order in kitchen["orders"]:  # (the first order may also wait for a first import)
        step = max(held(order), key=lambda s: s["end"] - s["start"])
        assert step["name"] == "chef working" and step["kind"] == "cpu"
    kitchen, _, _ = race(capsys, "--app", f"{EXAMPLE}:app", "--path", "/sleepy")
    assert {b["kind"] for b in kitchen["blocks"] if b["seconds"] > 0.03} == {"io"}
    for order in kitchen["orders"]:
        step = max(held(order), key=lambda s: s["end"] - s["start"])
        assert step["name"] == "stuck at the pot" and step["kind"] == "io"
    assert main(["race", "-n", "2", "--app", f"{EXAMPLE}:app", "--path", "/hashing"]) == 0
    assert "kept the chef working for" in capsys.readouterr().out


def test_a_def_route_is_cooked_by_the_pools_threads(capsys):
    kitchen, _, _ = race(capsys, "--app", f"{EXAMPLE}:app", "--path", "/offloaded")
    # The loop was free: the pool's threads cooked (a first request's lazy import may still
    # hold the loop a moment on a busy machine, but never the route's own line).
    assert all(block["function"] != "offloaded" for block in kitchen["blocks"])
    assert kitchen["summary"]["chefs"] >= 2
    for order in kitchen["orders"]:
        assert order["chef_kind"] == "thread" and order["sent"] <= order["accepted"]
        assert any(s["holds_chef"] and s["kind"] == "cpu" for s in order["steps"])


NOISY = """
import sys
from fastapi import FastAPI

print("hello from import")
print("a warning at import", file=sys.stderr)
app = FastAPI()


@app.get("/")
async def root():
    print('{"not": "the race"}')
    print("a library's traceback would go here", file=sys.stderr)
    return {"ok": True}
"""


def test_an_app_that_prints_everywhere_leaves_the_json_valid(tmp_path, capsys):
    app = tmp_path / "noisy.py"
    app.write_text(NOISY)
    kitchen, out, err = race(capsys, "--app", f"{app}:app")
    assert kitchen["summary"]["served"] == N
    assert "hello" not in out and "not" not in out.replace('"not found"', "")
    said = [line for line in err.splitlines() if line.startswith("[noisy:app] ")]
    assert "[noisy:app] hello from import" in said and "[noisy:app] a warning at import" in said
    assert said.count('[noisy:app] {"not": "the race"}') == N


def test_places_tell_your_files_from_libraries_and_the_agents_own(tmp_path):
    import asyncio.base_events
    import json.decoder

    import fastapi.routing

    places = Places(str(AGENT_SOURCE))
    mine = tmp_path / "shop.py"
    assert places.of(str(mine)) == OWN and places.label(str(mine)) == "shop.py"
    assert places.of(json.decoder.__file__) == STDLIB
    assert places.label(json.decoder.__file__) == "json decoder.py"
    assert places.of(fastapi.routing.__file__) == LIBRARY
    assert places.label(fastapi.routing.__file__) == "fastapi routing.py"
    assert places.of(str(AGENT_SOURCE / "watchdog.py")) == AGENT  # never blamed
    assert places.is_loop(asyncio.base_events.__file__) and not places.is_loop(str(mine))
    other = "/srv/other/.venv/lib/python3.12/site-packages/urllib3/connection.py"
    assert places.of(other) == LIBRARY and places.label(other) == "urllib3 connection.py"
    places.set_app_root(str(Path(fastapi.routing.__file__).parent))  # an installed app
    assert places.of(fastapi.routing.__file__) == OWN


STDLIB_NAMES = set(sys.stdlib_module_names)
SERVERS = {"uvicorn", "werkzeug", "waitress", "gunicorn", "gevent", "flask"}


@pytest.mark.parametrize("path", sorted(AGENT_SOURCE.glob("*.py")), ids=lambda p: p.name)
def test_the_agent_imports_the_standard_library_and_itself_only(path):
    """It runs in your app's interpreter: a server is imported where it serves, if at all."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            continue  # the agent's own modules
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
            [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])  # fmt: skip
        for name in names:
            root = name.split(".")[0]
            assert root in STDLIB_NAMES or root in SERVERS, (path.name, name)
            if root in SERVERS:
                assert node.col_offset > 0, f"{path.name} imports {name} at its top"
