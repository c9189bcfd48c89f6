"""Find your app from ``path/to/file.py:attr`` or ``package.module:attr``, and say in one
sentence why not when it cannot be found."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import os
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chefline.kitchen.errors import YourAppError
from chefline.texts import translate


@dataclass(frozen=True)
class LoadedApp:
    target: str
    app: Any
    kind: str
    """"asgi" (FastAPI, Starlette, any ASGI callable) or "wsgi" (Flask, any WSGI callable)."""
    label: str
    """The kitchen's name: the module's and the attribute's, e.g. ``slow_app:app``."""


def load_app(target: str) -> LoadedApp:
    """Import ``target`` and return its app; raises YourAppError with the reason."""
    module_part, sep, attr = target.rpartition(":")
    if not sep or not module_part or not attr:
        text = translate(
            "Cli", "--app must look like path/to/app.py:app or package.module:app, not {0!r}"
        )
        raise YourAppError(text.format(target))
    if module_part.endswith(".py") or os.sep in module_part or "/" in module_part:
        module, short = _import_file(Path(module_part)), Path(module_part).stem
    else:
        module, short = _import_module(module_part), module_part.rpartition(".")[2]
    if not hasattr(module, attr):
        found = [name for name, value in vars(module).items() if app_kind(value)]
        text = translate("Cli", "{0} has no attribute {1!r}")
        hint = translate("Cli", "; its apps: {0}").format(", ".join(found)) if found else ""
        raise YourAppError(text.format(module_part, attr) + hint)
    app = getattr(module, attr)
    kind = app_kind(app)
    if kind is None:
        text = translate(
            "Cli", "{0} is a {1}, not an app: name a FastAPI, Starlette or Flask app (ASGI or WSGI)"
        )
        raise YourAppError(text.format(target, type(app).__name__))
    return LoadedApp(target, app, kind, f"{short}:{attr}")


def app_kind(value: object) -> str | None:
    """ "asgi", "wsgi" or None for anything that is not an app."""
    if inspect.isclass(value) or inspect.ismodule(value) or not callable(value):
        return None
    if hasattr(value, "wsgi_app"):  # Flask, and anything built like it
        return "wsgi"
    call = value if inspect.isfunction(value) or inspect.ismethod(value) else value.__call__
    try:
        parameters = [
            p
            for p in inspect.signature(call).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
    except (TypeError, ValueError):
        return None
    if inspect.iscoroutinefunction(call) and len(parameters) == 3:
        return "asgi"
    if not inspect.iscoroutinefunction(call) and len(parameters) == 2:
        return "wsgi"
    return None


def _import_file(path: Path) -> Any:
    if not path.is_file():
        raise YourAppError(translate("Cli", "there is no file {0}").format(path))
    path = path.resolve()
    name = f"chefline_app_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise YourAppError(translate("Cli", "{0} is not a Python file").format(path))
    module = importlib.util.module_from_spec(spec)
    # Its neighbours must import as they do when the app runs from its own folder.
    folder = str(path.parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except (Exception, SystemExit) as error:
        sys.modules.pop(name, None)
        raise _import_failed(str(path), error) from None
    return module


def _import_module(name: str) -> Any:
    if os.getcwd() not in sys.path:  # as `python -m` and uvicorn do: the current folder
        sys.path.insert(0, os.getcwd())
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name is not None and name.startswith(error.name):
            raise YourAppError(translate("Cli", "there is no module {0}").format(name)) from None
        raise _import_failed(name, error) from None
    except (Exception, SystemExit) as error:
        raise _import_failed(name, error) from None


def _import_failed(what: str, error: BaseException) -> YourAppError:
    """'cannot import app.py: NameError: name 'x' is not defined (at app.py:3)'."""
    last_line = traceback.format_exception_only(type(error), error)[-1].strip()
    where = _where(error)
    text = translate("Cli", "cannot import {0}: {1}").format(what, last_line)
    if where:
        text += translate("Cli", " (at {0})").format(where)
    return YourAppError(text)


def _where(error: BaseException) -> str | None:
    """The file:line of the error in your code: the innermost frame outside importlib."""
    if isinstance(error, SyntaxError) and error.filename:
        return f"{error.filename}:{error.lineno}"
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if "importlib" not in frame.filename
        and not frame.filename.startswith("<")
        and not frame.filename.endswith("app_loading.py")
    ]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None
