"""The routes your app declares (FastAPI's, Starlette's and Litestar's route tables, Flask's URL
map), with where each one's function is written, for the window to offer (a route is picked,
not typed) and to show (the code panel reads the lines from the file itself)."""

from __future__ import annotations

import inspect
import os
from typing import Any

SKIPPED = ("/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc", "/static/<path:filename>")
"""Routes the framework adds by itself."""
MOST_ROUTES = 500
"""Routes told at most: the window offers a list, not a site map."""


def _declared(app: Any) -> list[tuple[str, str, Any]]:
    """(method, path, endpoint) of every route, in declaration order."""
    found: list[tuple[str, str, Any]] = []
    url_map = getattr(app, "url_map", None)
    if url_map is not None and hasattr(url_map, "iter_rules"):  # Flask
        views = getattr(app, "view_functions", {})
        for rule in url_map.iter_rules():
            methods = sorted(set(rule.methods or ()) - {"HEAD", "OPTIONS"})
            found += [(method, rule.rule, views.get(rule.endpoint)) for method in methods]
    routes = getattr(app, "routes", None)
    if isinstance(routes, (list, tuple)):  # FastAPI, Starlette, Litestar
        for route in routes:
            path, verbs = getattr(route, "path", None), getattr(route, "methods", None)
            if isinstance(path, str) and verbs:
                endpoint = getattr(route, "endpoint", None)
                handlers = getattr(route, "route_handlers", None)
                if endpoint is None and handlers:  # Litestar: one handler per method
                    endpoint = getattr(handlers[0], "fn", None)
                    endpoint = getattr(endpoint, "value", endpoint)
                for method in sorted(set(verbs) - {"HEAD", "OPTIONS"}):
                    found.append((method, path, endpoint))
    return [(method, path, fn) for method, path, fn in found if path not in SKIPPED]


def source_span(function: Any) -> tuple[str, int, int] | None:
    """(file, first line, last line) of ``function``'s source, or None."""
    try:
        function = inspect.unwrap(function)
        lines, first = inspect.getsourcelines(function)
        filename = inspect.getsourcefile(function)
    except (OSError, TypeError, ValueError):
        return None
    if not filename:
        return None
    return os.path.realpath(filename), first, first + len(lines) - 1


def routes_of(app: Any) -> list[dict[str, Any]]:
    """Every plain route: method, path and the span of its function's source (or None)."""
    told = []
    for method, path, endpoint in _declared(app)[:MOST_ROUTES]:
        span = source_span(endpoint) if endpoint is not None else None
        told.append({"method": method, "path": path, "source": list(span) if span else None})
    return told
