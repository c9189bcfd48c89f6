"""The routes your app declares (FastAPI's and Starlette's route table, Flask's URL map), for
the window to offer: a route is picked, not typed."""

from __future__ import annotations

import inspect
import os
import re
from typing import Any

SKIPPED = ("/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc", "/static/<path:filename>")
"""Routes the framework adds by itself."""


def routes_of(app: Any) -> list[tuple[str, str]]:
    """(method, path) of every plain route, in declaration order; [] when it cannot tell."""
    found: list[tuple[str, str]] = []
    url_map = getattr(app, "url_map", None)
    if url_map is not None:  # Flask
        for rule in url_map.iter_rules():
            methods = sorted(set(rule.methods or ()) - {"HEAD", "OPTIONS"})
            found += [(method, rule.rule) for method in methods]
    for route in getattr(app, "routes", None) or ():  # FastAPI, Starlette
        path, verbs = getattr(route, "path", None), getattr(route, "methods", None)
        if isinstance(path, str) and verbs:
            found += [(method, path) for method in sorted(set(verbs) - {"HEAD", "OPTIONS"})]
    return [(method, path) for method, path in found if path not in SKIPPED]


def endpoint_of(app: Any, method: str, path: str) -> Any:
    """The function that serves ``method path`` in your app, or None."""
    url_map = getattr(app, "url_map", None)
    if url_map is not None:  # Flask
        for rule in url_map.iter_rules():
            if rule.rule == path and method in (rule.methods or ()):
                return app.view_functions.get(rule.endpoint)
    for route in getattr(app, "routes", None) or ():  # FastAPI, Starlette
        if getattr(route, "path", None) == path and method in (
            getattr(route, "methods", None) or ()
        ):
            return getattr(route, "endpoint", None)
    return None


def route_source(
    app: Any, method: str, path: str, marked: dict[tuple[str, int], str] | None = None
) -> str | None:
    """The source of the route's function, headed by its file:line; each line of ``marked``
    ((file, line) → a note) shows the note in place of its comment, as ``# ◀ note``. None
    when there is no source."""
    function = inspect.unwrap(endpoint_of(app, method, path) or (lambda: None))
    try:
        lines, first = inspect.getsourcelines(function)
        filename = os.path.realpath(inspect.getsourcefile(function) or "?")
    except (OSError, TypeError):
        return None
    notes = {line: note for (file, line), note in (marked or {}).items()
             if os.path.realpath(file) == filename}  # fmt: skip
    shown = [
        f"{_COMMENT.sub('', line.rstrip())}  # ◀ {notes[first + i]}"
        if first + i in notes
        else line.rstrip()
        for i, line in enumerate(lines)
    ]
    return "\n".join([f"# {os.path.basename(filename)}:{first}", *shown])


_COMMENT = re.compile(r"\s+#[^'\"]*$")
"""A comment at the end of a line (one without quotes after its #)."""
