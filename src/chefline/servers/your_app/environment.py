"""Which Python your app runs on, and with what environment variables.

A real app keeps its dependencies in an environment of its own. Chefline looks, in order:
``--python`` (an interpreter or an environment's folder); the active ``VIRTUAL_ENV``; a
``.venv`` (or ``venv``) beside the app, in the app's folder or a folder above it within its
project; a ``.venv`` in the current folder. Chefline's own environment, active or in the
current folder, is passed over (it was made to run Chefline); with none found your app runs
on Chefline's own Python. The race's header says
which one was chosen and why.
"""

from __future__ import annotations

import os
import site
import sys
from dataclasses import dataclass
from pathlib import Path

from chefline.kitchen.errors import YourAppError
from chefline.kitchen.your_app import FOUND_BY_TEXT, FoundBy
from chefline.texts import translate

VENV_NAMES = (".venv", "venv")
PROJECT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", ".git")
"""A folder with one of these is a project's root: the search for a .venv stops there."""


@dataclass(frozen=True)
class AppPython:
    """The interpreter your app runs on."""

    executable: str
    found_by: FoundBy
    environment: str | None = None
    """The environment's folder (a venv), when it is one."""

    @property
    def is_cheflines(self) -> bool:
        """Whether it is the interpreter and environment Chefline itself runs in."""
        return self.found_by is FoundBy.CHEFLINES or (
            self.environment is not None and _cheflines(Path(self.environment))
        )

    def reason(self) -> str:
        return translate("YourApp", FOUND_BY_TEXT[self.found_by])


def interpreter_in(folder: Path) -> Path | None:
    """The Python of an environment's folder (``bin/python``, ``Scripts/python.exe``)."""
    for candidate in (folder / "bin" / "python", folder / "Scripts" / "python.exe",
                      folder / "bin" / "python3"):  # fmt: skip
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _cheflines(folder: Path) -> bool:
    """Whether ``folder`` is the environment Chefline itself runs in."""
    try:
        return folder.resolve() == Path(sys.prefix).resolve()
    except OSError:
        return False


def _app_folder(target: str) -> Path | None:
    module, _, _ = target.rpartition(":")
    if module.endswith(".py") or "/" in module or os.sep in module:
        return Path(module).expanduser().resolve().parent
    return None


def _beside(folder: Path) -> Path | None:
    """A venv in ``folder`` or a folder above it, up to the project's root."""
    for place in (folder, *folder.parents):
        for name in VENV_NAMES:
            if (place / name / "pyvenv.cfg").is_file():
                return place / name
        if any((place / marker).exists() for marker in PROJECT_MARKERS):
            return None
    return None


def find_python(target: str, python: str | None = None, *, environ: dict[str, str] | None = None,
                cwd: Path | None = None) -> AppPython:  # fmt: skip
    """Your app's Python for ``target`` (see the module's doc); YourAppError when ``python``
    names no interpreter."""
    environ = dict(os.environ) if environ is None else environ
    cwd = cwd or Path.cwd()
    if python:
        given = Path(python).expanduser()
        if given.is_dir():
            found = interpreter_in(given)
            if found is None:
                text = translate("YourApp", "--python: {0} is a folder with no bin/python in it")
                raise YourAppError(text.format(python))
            return AppPython(str(found.absolute()), FoundBy.OPTION, str(given.resolve()))
        if not given.is_file() or not os.access(given, os.X_OK):
            raise YourAppError(translate("YourApp", "--python: there is no Python at {0}").format(
                python))  # fmt: skip
        # Not resolved: a venv's bin/python is a link to the base interpreter, and only the
        # link's path makes it the venv's.
        bin_folder = given.absolute().parent
        environment = bin_folder.parent if bin_folder.name in ("bin", "Scripts") else None
        if environment is not None and not (environment / "pyvenv.cfg").is_file():
            environment = None
        return AppPython(str(given.absolute()), FoundBy.OPTION,
                         str(environment) if environment else None)  # fmt: skip
    candidates: list[tuple[Path | None, FoundBy]] = []
    active = environ.get("VIRTUAL_ENV")
    if active:
        candidates.append((Path(active), FoundBy.VIRTUAL_ENV))
    folder = _app_folder(target)
    candidates.append((_beside(folder) if folder else None, FoundBy.BESIDE_APP))
    for name in VENV_NAMES:
        candidates.append((cwd / name if (cwd / name / "pyvenv.cfg").is_file() else None,
                           FoundBy.CURRENT_FOLDER))  # fmt: skip
    for place, how in candidates:
        # Chefline's own environment, active or here, was made to run Chefline: passed over.
        # Beside the app it is the app's own (an app in Chefline's own project).
        if place is None or (how is not FoundBy.BESIDE_APP and _cheflines(place)):
            continue
        found = interpreter_in(place)
        if found is not None:
            return AppPython(str(found.absolute()), how, str(place.absolute()))
    return AppPython(sys.executable, FoundBy.CHEFLINES)


def child_environment(python: AppPython, environ: dict[str, str] | None = None) -> dict[str, str]:
    """The environment variables of your app's process: as Chefline's, with its venv active
    (``VIRTUAL_ENV``, its ``bin`` first on ``PATH``), and nothing of Chefline's own packages
    on its path (``PYTHONPATH`` entries of Chefline's, ``PYTHONHOME``; and the user's own
    site-packages when Chefline itself is installed there)."""
    env = dict(os.environ) if environ is None else dict(environ)
    env["PYTHONUNBUFFERED"] = "1"  # your app's prints reach Chefline's stderr as they happen
    if python.is_cheflines:
        return env
    env.pop("PYTHONHOME", None)
    kept = [entry for entry in env.get("PYTHONPATH", "").split(os.pathsep)
            if entry and not _holds_chefline(Path(entry))]  # fmt: skip
    if kept:
        env["PYTHONPATH"] = os.pathsep.join(kept)
    else:
        env.pop("PYTHONPATH", None)
    if _chefline_in_user_site():
        env["PYTHONNOUSERSITE"] = "1"
    if python.environment:
        env["VIRTUAL_ENV"] = python.environment
        folder = str(Path(python.executable).parent)
        env["PATH"] = os.pathsep.join([folder, *[p for p in env.get("PATH", "").split(os.pathsep)
                                                 if p and p != folder]])  # fmt: skip
    else:
        env.pop("VIRTUAL_ENV", None)
    return env


def _holds_chefline(entry: Path) -> bool:
    """A path entry from which Chefline's own packages would import."""
    try:
        real = entry.resolve()
    except OSError:
        return False
    own = Path(sys.prefix).resolve()
    package = Path(__file__).resolve().parents[2]  # src/chefline (or site-packages/chefline)
    return real == own or own in real.parents or real == package.parent


def _chefline_in_user_site() -> bool:
    user = getattr(site, "getusersitepackages", lambda: "")()
    return bool(user) and str(Path(__file__).resolve()).startswith(str(Path(user).resolve()))
