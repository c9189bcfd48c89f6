"""Find your app from ``path/to/file.py:attr`` or ``package.module:attr``, in the app's own
interpreter, and say why not as a ``Refusal``: a reason and its words, which Chefline turns
into one sentence in the user's language."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import os
import sys
import traceback
from typing import Any


class Refusal(Exception):
    """Why the agent cannot go on: ``why`` names the reason (Chefline has a sentence for each),
    ``args`` fill it in."""

    def __init__(self, why: str, *args: object) -> None:
        super().__init__(why, *args)
        self.why = why
        self.words: list[str] = [str(arg) for arg in args]

    def to_json(self) -> dict[str, Any]:
        return {"why": self.why, "args": self.words}


class LoadedApp:
    def __init__(self, target: str, app: Any, kind: str, module: Any, module_name: str) -> None:
        self.target = target
        self.app = app
        self.kind = kind
        """"asgi" (FastAPI, Starlette, Litestar, any ASGI callable) or "wsgi" (Flask, any
        WSGI callable)."""
        self.module = module
        self.module_name = module_name


def is_file_target(module_part: str) -> bool:
    return module_part.endswith(".py") or os.sep in module_part or "/" in module_part


def load_app(target: str) -> LoadedApp:
    """Import ``target`` and return its app; raises Refusal with the reason."""
    module_part, sep, attr = target.rpartition(":")
    if not sep or not module_part or not attr:
        raise Refusal("bad-target", target)
    if is_file_target(module_part):
        module, name = _import_file(module_part)
    else:
        module, name = _import_module(module_part), module_part
    if not hasattr(module, attr):
        found = [key for key, value in list(vars(module).items()) if app_kind(value)]
        raise Refusal("no-attribute", module_part, attr, ", ".join(found))
    app = getattr(module, attr)
    kind = app_kind(app)
    if kind is None:
        raise Refusal("not-an-app", target, type(app).__name__)
    return LoadedApp(target, app, kind, module, name)


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


def _import_file(given: str) -> tuple[Any, str]:
    path = os.path.abspath(given)
    if not os.path.isfile(path):
        raise Refusal("no-file", given)
    stem = os.path.splitext(os.path.basename(path))[0]
    name = f"chefline_app_{stem}" if stem.isidentifier() else "chefline_app"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise Refusal("not-python", path)
    module = importlib.util.module_from_spec(spec)
    # Its neighbours must import as they do when the app runs from its own folder.
    folder = os.path.dirname(path)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except (Exception, SystemExit) as error:
        sys.modules.pop(name, None)
        raise _import_failed(path, error) from None
    return module, name


def _import_module(name: str) -> Any:
    if os.getcwd() not in sys.path:  # as `python -m` and uvicorn do: the current folder
        sys.path.insert(0, os.getcwd())
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name is not None and name.startswith(error.name):
            raise Refusal("no-module", name) from None
        raise _import_failed(name, error) from None
    except (Exception, SystemExit) as error:
        raise _import_failed(name, error) from None


def _import_failed(what: str, error: BaseException) -> Refusal:
    """The error's last line and where in your code it was raised."""
    last_line = traceback.format_exception_only(type(error), error)[-1].strip()
    missing = error.name if isinstance(error, ModuleNotFoundError) and error.name else ""
    return Refusal("import-failed", what, last_line, _where(error) or "", missing)


def _where(error: BaseException) -> str | None:
    """The file:line of the error in your code: the innermost frame outside importlib and
    the agent."""
    if isinstance(error, SyntaxError) and error.filename:
        return f"{error.filename}:{error.lineno}"
    here = os.path.dirname(os.path.abspath(__file__))
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if "importlib" not in frame.filename
        and not frame.filename.startswith("<")
        and os.path.dirname(os.path.abspath(frame.filename)) != here
    ]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None
