"""Your app in its own environment, as a real project keeps it: a venv made here, holding a
dependency nothing else has (``shopdep``, a wheel this test writes) and the server (uvicorn,
packed from Chefline's own files), raced with ``--python``, found through ``VIRTUAL_ENV`` and
as a ``.venv`` beside the app; the verdict names the app's line, then the library's; nothing of
Chefline's environment is importable in the app's; the agent also runs on other Pythons."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from chefline.cli import main
from chefline.engine import your_app_routes
from venvs import OTHER_PYTHONS, find_python, make_venv, wheel_of_installed, write_wheel

SHOP = '''"""A shop whose stock is counted by a library of its own venv."""
import importlib.util
import json

for leaked in ("chefline", "fastapi", "flask", "PySide6"):  # Chefline's, not the shop's
    if importlib.util.find_spec(leaked) is not None:
        raise RuntimeError(f"{leaked} is importable here: Chefline's environment leaked")

import shopdep


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    stock = shopdep.count_stock()
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": json.dumps({"stock": stock}).encode()})
'''
SHOPDEP_CORE = b"""import time


def count_stock():
    time.sleep(0.2)  # a blocking call deep in a library
    return 42
"""
WSGI_SHOP = """import time


def app(environ, start_response):
    time.sleep(0.2)
    start_response("200 OK", [("content-type", "text/plain")])
    return [b"42"]
"""
N = 3


def shopdep_wheel(folder: Path) -> Path:
    return write_wheel(folder, "shopdep", "1.0", {
        "shopdep/__init__.py": b"from .core import count_stock\n",
        "shopdep/core.py": SHOPDEP_CORE,
    })  # fmt: skip


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project folder: shop.py beside its .venv (Chefline's Python, another one)."""
    root = tmp_path_factory.mktemp("project")
    wheels = tmp_path_factory.mktemp("wheels")
    (root / "shop.py").write_text(SHOP)
    needed = [shopdep_wheel(wheels), *(wheel_of_installed(wheels, name)
                                       for name in ("uvicorn", "h11", "click"))]  # fmt: skip
    make_venv(root / ".venv", sys.executable, needed)
    return root


def line_of(path: Path | str, text: str) -> int:
    lines = Path(path).read_text().splitlines() if isinstance(path, Path) else path.splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def race(capsys, *argv: str) -> tuple[dict, str]:
    assert main(["race", "-n", str(N), "--json", *argv]) == 0
    out, err = capsys.readouterr()
    (kitchen,) = json.loads(out)["kitchens"]
    return kitchen, err


def assert_blamed_at_the_shop(kitchen: dict) -> None:
    assert kitchen["summary"]["served"] == N
    shop, core = line_of(SHOP, "shopdep.count_stock()"), line_of(SHOPDEP_CORE.decode(), "sleep")
    assert sorted(block["order"] for block in kitchen["blocks"]) == list(range(N))
    for block in kitchen["blocks"]:
        assert block["where"] == f"shop.py:{shop} → shopdep core.py:{core}", block
        assert block["function"] == "app" and block["code"] == "stock = shopdep.count_stock()"
        assert block["library"]["function"] == "count_stock" and block["kind"] == "io"


def test_an_app_whose_dependency_is_only_in_its_venv_races_with_python(project, capsys):
    python = project / ".venv" / "bin" / "python"
    kitchen, err = race(capsys, "--app", f"{project / 'shop.py'}:app", "--python", str(python))
    assert_blamed_at_the_shop(kitchen)  # imported there: Chefline's packages were not
    assert kitchen["python"]["executable"] == str(python)
    assert kitchen["python"]["found_by"] == "--python"
    assert f"at {python} (given with --python)" in err  # said before the race


def test_the_active_virtual_env_and_a_venv_beside_the_app_are_found(project, capsys, monkeypatch):
    target = f"{project / 'shop.py'}:app"
    monkeypatch.setenv("VIRTUAL_ENV", str(project / ".venv"))
    kitchen, err = race(capsys, "--app", target)
    assert_blamed_at_the_shop(kitchen)
    assert kitchen["python"]["found_by"] == "VIRTUAL_ENV" and "(the active VIRTUAL_ENV)" in err
    monkeypatch.delenv("VIRTUAL_ENV")
    kitchen, err = race(capsys, "--app", target)
    assert kitchen["python"]["found_by"] == ".venv beside the app"
    assert kitchen["summary"]["served"] == N


def test_without_its_venv_the_app_gets_one_sentence_that_says_where_it_ran(
    project, capsys, monkeypatch
):
    monkeypatch.delenv("VIRTUAL_ENV", raising=False)
    elsewhere = project.parent / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    (elsewhere / "shop.py").write_text(SHOP.replace('("chefline", "fastapi", "flask", "PySide6")',
                                                    "()"))  # fmt: skip
    assert main(["race", "--app", f"{elsewhere / 'shop.py'}:app", "-n", "1"]) == 2
    err = capsys.readouterr().err.strip()
    assert "No module named 'shopdep'" in err and "install shopdep there" in err
    assert "Chefline's own" in err and "--python" in err


def test_a_server_missing_from_the_apps_venv_is_one_sentence(tmp_path, capsys):
    python = make_venv(tmp_path / "bare", sys.executable, [])
    (tmp_path / "app.py").write_text("async def app(scope, receive, send):\n    pass\n")
    argv = ["race", "--app", f"{tmp_path / 'app.py'}:app", "--python", str(python), "-n", "1"]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"chefline: uvicorn is not installed for your app's Python ({python}): "
                   "install it there (pip install uvicorn) or choose another --server")  # fmt: skip


@pytest.mark.parametrize("version", OTHER_PYTHONS[:2])
def test_the_agent_serves_and_blames_on_another_python(version, tmp_path, capsys):
    found = find_python(version)
    if found is None:
        pytest.skip(f"no Python {version} on this machine")
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    needed = [shopdep_wheel(wheels), *(wheel_of_installed(wheels, name)
                                       for name in ("uvicorn", "h11", "click"))]  # fmt: skip
    python = make_venv(tmp_path / "venv", found, needed)
    (tmp_path / "shop.py").write_text(SHOP)
    kitchen, _ = race(capsys, "--app", f"{tmp_path / 'shop.py'}:app", "--python", str(python))
    assert kitchen["python"]["version"].startswith(version + ".")
    assert_blamed_at_the_shop(kitchen)


def test_the_agent_runs_on_python_3_9(tmp_path, capsys):
    """The oldest Python the agent supports: its routes read, and a WSGI app served by the
    waitress of its own venv (uvicorn of this machine wants 3.11)."""
    found = find_python("3.9")
    if found is None:
        pytest.skip("no Python 3.9 on this machine")
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    python = make_venv(tmp_path / "venv", found, [wheel_of_installed(wheels, "waitress")])
    (tmp_path / "shop.py").write_text(WSGI_SHOP)
    target = f"{tmp_path / 'shop.py'}:app"
    routes = your_app_routes(target, str(python))
    assert routes.kind == "wsgi" and routes.python.version.startswith("3.9.")
    kitchen, _ = race(capsys, "--app", target, "--python", str(python), "--server", "waitress")
    assert kitchen["summary"]["served"] == N and kitchen["summary"]["chefs"] == N
    for order in kitchen["orders"]:  # a thread in time.sleep: stuck at the pot
        assert any(step["name"] == "stuck at the pot" for step in order["steps"])


def test_an_app_installed_as_a_package_has_its_own_files_among_the_libraries(
    tmp_path, capsys, monkeypatch
):
    """An app that is itself an installed package (as datasette is): its package's files are
    its own, though they live in site-packages, so the verdict names its line first."""
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    package = {"shopapp/__init__.py": b"", "shopapp/main.py": SHOP.encode()}
    shopapp = write_wheel(wheels, "shopapp", "1.0", package)
    servers = [wheel_of_installed(wheels, name) for name in ("uvicorn", "h11", "click")]
    needed = [shopapp, shopdep_wheel(wheels), *servers]
    python = make_venv(tmp_path / "venv", sys.executable, needed)
    monkeypatch.chdir(tmp_path)
    kitchen, _ = race(capsys, "--app", "shopapp.main:app", "--python", str(python))
    shop, core = line_of(SHOP, "shopdep.count_stock()"), line_of(SHOPDEP_CORE.decode(), "sleep")
    assert kitchen["summary"]["served"] == N
    for block in kitchen["blocks"]:
        assert block["mine"] and block["where"] == f"main.py:{shop} → shopdep core.py:{core}"
