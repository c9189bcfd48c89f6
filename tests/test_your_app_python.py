"""Which Python your app runs on, found as a person would expect: --python, else the active
VIRTUAL_ENV (not Chefline's own), else a .venv beside the app within its project, else one in
the current folder, else Chefline's own; and the child's environment carries none of
Chefline's packages."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from chefline.kitchen.errors import YourAppError
from chefline.kitchen.your_app import FoundBy
from chefline.servers.your_app.environment import child_environment, find_python

SRC = Path(__file__).resolve().parents[1] / "src"


def venv(folder: Path) -> Path:
    """A folder that looks like a venv: pyvenv.cfg and bin/python (a link to this Python)."""
    (folder / "bin").mkdir(parents=True)
    (folder / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (folder / "bin" / "python").symlink_to(sys.executable)
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "shop"
    (root / "src" / "shop").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'shop'\n")
    (root / "src" / "shop" / "app.py").write_text("app = None\n")
    return root


def test_python_given_as_a_folder_or_an_interpreter(tmp_path):
    env = venv(tmp_path / "env")
    found = find_python("app.py:app", str(env), environ={}, cwd=tmp_path)
    assert found.executable == str(env / "bin" / "python") and found.found_by is FoundBy.OPTION
    assert found.environment == str(env.resolve())
    given = find_python("app.py:app", str(env / "bin" / "python"), environ={}, cwd=tmp_path)
    assert given.executable == str(env / "bin" / "python")
    assert given.environment == str(env)
    with pytest.raises(YourAppError, match="--python: there is no Python at"):
        find_python("app.py:app", str(tmp_path / "nowhere"), environ={}, cwd=tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(YourAppError, match="is a folder with no bin/python in it"):
        find_python("app.py:app", str(tmp_path / "empty"), environ={}, cwd=tmp_path)


def test_the_order_chefline_looks_in(project, tmp_path):
    target = f"{project / 'src' / 'shop' / 'app.py'}:app"
    here = tmp_path / "here"
    here.mkdir()
    # Nothing: Chefline's own.
    assert find_python(target, environ={}, cwd=here).found_by is FoundBy.CHEFLINES
    # A .venv in the current folder.
    venv(here / ".venv")
    assert find_python(target, environ={}, cwd=here).found_by is FoundBy.CURRENT_FOLDER
    # A .venv at the project's root, two folders above the app, comes first.
    venv(project / ".venv")
    found = find_python(target, environ={}, cwd=here)
    assert found.found_by is FoundBy.BESIDE_APP and found.environment == str(project / ".venv")
    # The active VIRTUAL_ENV comes first of all, unless it is Chefline's own.
    active = venv(tmp_path / "active")
    environ = {"VIRTUAL_ENV": str(active)}
    assert find_python(target, environ=environ, cwd=here).found_by is FoundBy.VIRTUAL_ENV
    ours = {"VIRTUAL_ENV": sys.prefix}
    assert find_python(target, environ=ours, cwd=here).found_by is FoundBy.BESIDE_APP


def test_the_search_beside_the_app_stops_at_its_projects_root(project, tmp_path):
    venv(tmp_path / ".venv")  # above the project: not the app's
    target = f"{project / 'src' / 'shop' / 'app.py'}:app"
    found = find_python(target, environ={}, cwd=project)
    assert found.found_by is FoundBy.CHEFLINES


def test_the_childs_environment_has_the_apps_venv_and_none_of_cheflines(tmp_path):
    env = venv(tmp_path / "env")
    python = find_python("app.py:app", str(env), environ={}, cwd=tmp_path)
    elsewhere = str(tmp_path / "lib")
    given = {"PATH": "/usr/bin", "PYTHONHOME": "/opt/py",
             "PYTHONPATH": os.pathsep.join([str(SRC), elsewhere, sys.prefix])}  # fmt: skip
    child = child_environment(python, given)
    assert child["PYTHONPATH"] == elsewhere  # the user's own entry stays
    assert "PYTHONHOME" not in child and child["VIRTUAL_ENV"] == str(env.resolve())
    assert child["PATH"].split(os.pathsep)[0] == str(env / "bin")
    ours = find_python(f"{tmp_path / 'app.py'}:app", environ={}, cwd=tmp_path)
    assert child_environment(ours, given)["PYTHONPATH"] == given["PYTHONPATH"]  # Chefline's own
