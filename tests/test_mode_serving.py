"""Every kitchen mode declares how it is served, and nothing else knows a mode by its name:
a new mode is one module in kitchen/modes (listed in its ``__init__``), never half-added."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import chefline.kitchen.modes as modes_package
from chefline.kitchen.modes import (
    MODES,
    CodeStep,
    Framework,
    KitchenMode,
    KitchenSettings,
    RouteStyle,
    ServerKind,
    Serving,
    ServingError,
)
from chefline.servers.apps.route_code import route_code
from chefline.servers.kitchens import KitchenParts, build_server
from chefline.servers.llm.model_link import Supplier
from chefline.servers.own_process.child_process import ChildProcessServer, child_command
from chefline.servers.relay import EventRelay
from chefline.servers.runners.uvicorn_runner import UvicornThread
from chefline.servers.runners.waitress_runner import WaitressThread
from chefline.servers.runners.werkzeug_runner import WerkzeugThread

SRC = Path(__file__).resolve().parents[1] / "src" / "chefline"
READERS = [
    SRC / "servers" / "kitchens.py",
    SRC / "servers" / "apps" / "route_code.py",
    SRC / "servers" / "own_process" / "child_kitchen.py",
    SRC / "child.py",
]
"""The modules that build, show or start a kitchen from its mode's ``serving``."""
NOT_MODES = {"base", "serving"}


def _mode_modules() -> list[str]:
    found = [m.name for m in pkgutil.iter_modules(modes_package.__path__)]
    return [name for name in found if name not in NOT_MODES]


def test_every_mode_module_declares_a_mode_that_is_listed():
    listed = {type(mode) for mode in MODES.values()}
    for name in _mode_modules():
        module = importlib.import_module(f"chefline.kitchen.modes.{name}")
        declared = [
            value
            for value in vars(module).values()
            if inspect.isclass(value)
            and issubclass(value, KitchenMode)
            and value.__module__ == module.__name__
        ]
        assert len(declared) == 1, f"kitchen/modes/{name}.py declares {declared}"
        assert declared[0] in listed, f"{declared[0].__name__} is not listed in MODES"
    assert len(_mode_modules()) == len(MODES)


@pytest.mark.parametrize("name", sorted(MODES))
def test_every_mode_declares_its_serving(name):
    mode = MODES[name]
    assert "serving" in type(mode).__dict__, f"{name} does not declare how it is served"
    serving = mode.serving
    assert isinstance(serving, Serving)
    assert isinstance(serving.framework, Framework)
    assert isinstance(serving.server, ServerKind)
    assert isinstance(serving.route, RouteStyle)
    assert isinstance(serving.code_step, CodeStep)
    # What follows from the serving is not declared a second time.
    assert mode.framework == serving.framework.value
    assert mode.own_process == serving.server.own_process


@pytest.mark.parametrize("reader", READERS, ids=lambda path: path.name)
def test_the_builders_and_the_route_view_know_no_mode_by_name(reader):
    strings = [
        node.value
        for node in ast.walk(ast.parse(reader.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    for name in MODES:
        assert not [s for s in strings if name in s], f"{reader.name} names {name}"


@pytest.mark.parametrize("name", sorted(MODES))
def test_the_declared_code_step_is_the_one_the_route_takes(name):
    # The route's own source calls the awaiting step exactly when the mode says it awaits.
    shown = route_code(name)
    awaits = MODES[name].serving.code_step is CodeStep.AWAITING
    assert ("# → DishTicket.await_sleep" in shown) is awaits
    assert ("cook_awaiting" in shown.partition("\n\n# → ")[0]) is awaits


@pytest.mark.parametrize("name", sorted(MODES))
def test_the_server_built_is_the_declared_one(name):
    mode = MODES[name]
    settings = KitchenSettings(pool_size=3, workers=2)
    parts = KitchenParts(name, EventRelay(), settings, 0, Supplier())
    server = build_server(mode, parts)  # built, not started
    kind = mode.serving.server
    expected = {
        ServerKind.UVICORN: UvicornThread,
        ServerKind.WERKZEUG: WerkzeugThread,
        ServerKind.WERKZEUG_THREADED: WerkzeugThread,
        ServerKind.WAITRESS: WaitressThread,
        ServerKind.GUNICORN: ChildProcessServer,
        ServerKind.GEVENT: ChildProcessServer,
    }[kind]
    assert type(server) is expected
    assert server.name == name
    if isinstance(server, ChildProcessServer):
        assert server.server is kind
        assert server.workers == (2 if kind is ServerKind.GUNICORN else 1)
        assert server.expected_workers == (2 if kind is ServerKind.GUNICORN else 0)


def test_a_childs_command_names_its_server_and_kitchen_not_a_mode():
    command = child_command(ServerKind.GUNICORN, 7, 3, "flask-processes")
    assert command[-8:] == ["_kitchen-child", "gunicorn", "--fd", "7", "--workers", "3",
                            "--name", "flask-processes"]  # fmt: skip


@pytest.mark.parametrize(
    ("framework", "server", "route"),
    [
        (Framework.FASTAPI, ServerKind.WAITRESS, RouteStyle.DEF),
        (Framework.FLASK, ServerKind.UVICORN, RouteStyle.DEF),
        (Framework.FLASK, ServerKind.WERKZEUG, RouteStyle.BLOCKING),
        (Framework.FLASK, ServerKind.GEVENT, RouteStyle.ASYNC),
    ],
)
def test_a_serving_no_server_here_can_do_is_refused(framework, server, route):
    with pytest.raises(ServingError):
        Serving(framework, server, route, CodeStep.HOLDING)


def test_the_child_entry_imports_nothing_gevent_patches():
    # chefline.child reads the serving before gevent patches the process.
    import subprocess
    import sys

    code = (
        "import sys, chefline.child; "
        "print(sorted(m for m in ('socket', 'ssl', 'threading', 'selectors') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PYTHONPATH": str(SRC.parent)}, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
