"""How a kitchen mode is served, as data: its framework, its server, its route's style and
the step the code view shows. ``chefline.servers.kitchens`` builds the server from this,
``chefline.servers.apps.route_code`` shows the route from it and ``chefline.child`` starts the
servers that need a process of their own by it; none of them knows a mode by its name.

Imported by ``chefline.child`` before gevent patches the process: standard library only,
and nothing that imports socket, threading or ssl.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from chefline.kitchen.errors import BadInput


class Framework(StrEnum):
    FLASK = "flask"
    FASTAPI = "fastapi"


class ServerKind(StrEnum):
    """The server that runs a kitchen's app (the built-in kitchens' and your app's)."""

    UVICORN = "uvicorn"
    WERKZEUG = "werkzeug"
    """One request at a time (``threaded=False``)."""
    WERKZEUG_THREADED = "werkzeug-threaded"
    """A new thread per request."""
    WAITRESS = "waitress"
    """A fixed pool of threads (the pool size of the kitchen's settings)."""
    GUNICORN = "gunicorn"
    """Sync workers, each a process of its own (``--workers``)."""
    GEVENT = "gevent"
    """gevent's WSGI server in a monkey-patched process of its own: one greenlet per order."""

    @property
    def own_process(self) -> bool:
        """Whether the server runs in processes of its own (``chefline _kitchen-child``)."""
        return self in (ServerKind.GUNICORN, ServerKind.GEVENT)

    @property
    def speaks(self) -> str:
        """ "asgi" or "wsgi": the kind of app this server can serve."""
        return "asgi" if self is ServerKind.UVICORN else "wsgi"


class RouteStyle(StrEnum):
    """How the route at /cook (and /chat) is written."""

    ASYNC = "async"
    """``async def`` + ``await asyncio.sleep``: the loop takes other orders meanwhile."""
    DEF = "def"
    """Plain ``def`` + ``time.sleep`` (FastAPI runs it in anyio's thread pool)."""
    BLOCKING = "blocking"
    """``async def`` + ``time.sleep``: the loop itself is stuck."""


class CodeStep(StrEnum):
    """The step of the route the code view shows after the route: where the chef waits."""

    HOLDING = "holding"
    """The chef holds its thread while it waits (``time.sleep``, a sync model stream)."""
    AWAITING = "awaiting"
    """The chef awaits (``await asyncio.sleep``, an async model stream)."""


class ServingError(BadInput):
    """A mode declares a way of serving that no server here can do."""


@dataclass(frozen=True, slots=True)
class Serving:
    """How one kitchen mode is served."""

    framework: Framework
    server: ServerKind
    route: RouteStyle
    code_step: CodeStep

    def __post_init__(self) -> None:
        if (self.framework is Framework.FASTAPI) != (self.server is ServerKind.UVICORN):
            raise ServingError(f"{self.framework} is served by uvicorn only, not {self.server}")
        if self.framework is Framework.FLASK and self.route is RouteStyle.BLOCKING:
            raise ServingError("a Flask route is def or async def, it cannot block a loop")
        if self.server.own_process and self.route is not RouteStyle.DEF:
            raise ServingError(f"a kitchen's own {self.server} process serves def routes only")
