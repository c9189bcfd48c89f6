"""Your own app as a kitchen: what you ask of it (``YourAppSpec``), the Python it runs on, how
its orders are named, where its report comes from, and the loop blocks the watchdog found in
it (the domain's side; the servers' side is in ``chefline.servers.your_app``, the agent that
runs in your app's own interpreter in ``chefline.agent``, the verdict in ``app_verdict``)."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from chefline.kitchen.errors import YourAppError
from chefline.kitchen.modes.base import KitchenMode, KitchenSettings
from chefline.kitchen.modes.serving import ServerKind
from chefline.kitchen.order import StepKind
from chefline.texts import QT_TRANSLATE_NOOP, translate

__all__ = [
    "DEFAULT_THRESHOLD_S",
    "FOUND_BY_TEXT",
    "METHODS",
    "ORDER_HEADER",
    "RACE_HEADER",
    "ROUTE_STEP",
    "STUCK_STEP",
    "WORKING_STEP",
    "AppRoute",
    "AppRoutes",
    "FoundBy",
    "LibraryFrame",
    "LoopBlock",
    "PythonUsed",
    "ReportSource",
    "ServerKind",
    "YourAppMode",
    "YourAppSpec",
    "YourOrder",
    "blocked_seconds",
]  # fmt: skip

RACE_HEADER = "x-chefline-race"
"""The race an order belongs to, sent by the customers with every order to your app."""
ORDER_HEADER = "x-chefline-order"
"""The order's number in the race."""

STUCK_STEP = "stuck at the pot"
"""The step drawn for a span in which your route held its chef waiting without yielding."""
WORKING_STEP = "chef working"
"""The step drawn for a span in which your route held its chef computing."""
ROUTE_STEP = "your route"
"""The step drawn for your route's awaited time (the chef free), or a thread chef's."""
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
DEFAULT_THRESHOLD_S = 0.020
"""An event loop standing still longer than this is blocked."""


class FoundBy(StrEnum):
    """How your app's Python was chosen (``chefline.servers.your_app.environment``)."""

    OPTION = "--python"
    VIRTUAL_ENV = "VIRTUAL_ENV"
    BESIDE_APP = ".venv beside the app"
    CURRENT_FOLDER = ".venv in the current folder"
    CHEFLINES = "Chefline's own"


FOUND_BY_TEXT = {
    FoundBy.OPTION: QT_TRANSLATE_NOOP("YourApp", "given with --python"),
    FoundBy.VIRTUAL_ENV: QT_TRANSLATE_NOOP("YourApp", "the active VIRTUAL_ENV"),
    FoundBy.BESIDE_APP: QT_TRANSLATE_NOOP("YourApp", "a .venv beside the app"),
    FoundBy.CURRENT_FOLDER: QT_TRANSLATE_NOOP("YourApp", "a .venv in the current folder"),
    FoundBy.CHEFLINES: QT_TRANSLATE_NOOP(
        "YourApp", "Chefline's own: no other given or found (--python, VIRTUAL_ENV, .venv)"
    ),
}


@dataclass(frozen=True)
class PythonUsed:
    """The interpreter your app ran on, as the verdict and the race's header name it."""

    executable: str
    version: str
    found_by: FoundBy

    def describe(self) -> str:
        """'Python 3.12.1 at /srv/shop/.venv/bin/python (a .venv beside the app)'."""
        text = translate("YourApp", "Python {0} at {1} ({2})")
        return text.format(self.version, self.executable,
                           translate("YourApp", FOUND_BY_TEXT[self.found_by]))  # fmt: skip

    def to_json(self) -> dict[str, str]:
        return {"executable": self.executable, "version": self.version,
                "found_by": self.found_by.value}  # fmt: skip


class ReportSource(StrEnum):
    """Where the kitchen's part of each order (accepted, chef, steps, done) comes from."""

    BODY = "body"
    """The reply is the kitchen's report as JSON (the built-in kitchens)."""
    RELAY = "relay"
    """The reply is your app's own; a middleware told the kitchen's relay what happened."""


@dataclass(frozen=True)
class YourOrder:
    """What the customers ask your app: the route, its method and its JSON body."""

    path: str = "/"
    method: str = "GET"
    body: Any = None

    def __post_init__(self) -> None:
        if not self.path.startswith("/"):
            raise YourAppError(
                translate("Cli", "--path must start with /, not {0!r}").format(self.path)
            )
        if self.method.upper() not in METHODS:
            text = translate("Cli", "--method must be one of {0}, not {1!r}")
            raise YourAppError(text.format(", ".join(METHODS), self.method))

    @classmethod
    def parse(cls, path: str, method: str, body: str | None) -> YourOrder:
        try:
            content = None if body is None else json.loads(body)
        except json.JSONDecodeError as error:
            text = translate("Cli", "--body must be JSON: {0} (line {1}, column {2})")
            raise YourAppError(text.format(error.msg, error.lineno, error.colno)) from None
        return cls(path, method.upper(), content)

    def body_text(self) -> str:
        return "" if self.body is None else json.dumps(self.body)


@dataclass(frozen=True)
class YourAppSpec:
    """Everything that says how to race your app: the app, its server, its Python, its route
    and the blocking threshold. The command line's options and the window's dialog make one."""

    target: str
    server: str | None = None
    """A ``ServerKind`` value; None: the app's own default (uvicorn for ASGI, werkzeug-
    threaded for WSGI)."""
    python: str | None = None
    """An interpreter or an environment's folder; None: found (``--python`` in its doc)."""
    order: YourOrder = field(default_factory=YourOrder)
    threshold: float = DEFAULT_THRESHOLD_S

    def __post_init__(self) -> None:
        if self.server is not None and self.server not in {kind.value for kind in ServerKind}:
            known = ", ".join(kind.value for kind in ServerKind)
            text = translate("Cli", "--server must be one of {0}, not {1!r}")
            raise YourAppError(text.format(known, self.server))
        if not 0 < self.threshold < 10:
            text = translate("Cli", "the blocking threshold must be between 0 and 10 s, not {0:g}")
            raise YourAppError(text.format(self.threshold))

    @property
    def label(self) -> str:
        """The kitchen's name before its server: ``slow_kitchen:app``."""
        module, _, attr = self.target.rpartition(":")
        if module.endswith(".py") or "/" in module or os.sep in module:
            short = os.path.splitext(os.path.basename(module))[0]
        else:
            short = module.rpartition(".")[2]
        return f"{short}:{attr}"


@dataclass(frozen=True)
class AppRoute:
    """A route your app declares, and where its function's source is (file, first, last)."""

    method: str
    path: str
    source: tuple[str, int, int] | None = None


@dataclass(frozen=True)
class AppRoutes:
    """What your app declares, read by the agent in its own interpreter."""

    kind: str
    """"asgi" or "wsgi"."""
    python: PythonUsed
    routes: list[AppRoute]


WAITRESS_THREADS = 4
"""waitress's own default brigade."""


class YourAppMode(KitchenMode):
    """Your app under one server. Its route's cost is unknown, so it has no theory: the race
    shows what happens, and the watchdog says why."""

    def __init__(self, label: str, target: str, server: ServerKind) -> None:
        self.name = f"{label}@{server.value}"
        """e.g. ``slow_app:app@uvicorn``: one app can race under two servers."""
        self.framework = server.speaks
        self.route = f"{target} on {server.value}"
        self.summary = target
        self.server = server
        self.on_event_loop = server in (ServerKind.UVICORN, ServerKind.GEVENT)
        self.own_process = server.own_process

    def slots(self, settings: KitchenSettings) -> int | None:
        if self.server is ServerKind.WERKZEUG:
            return 1
        if self.server is ServerKind.WAITRESS:
            return WAITRESS_THREADS
        if self.server is ServerKind.GUNICORN:
            return settings.workers
        return None

    def interpreters(self, settings: KitchenSettings) -> int:
        return settings.workers if self.server is ServerKind.GUNICORN else 1


@dataclass(frozen=True, slots=True)
class LibraryFrame:
    """The library frame a blocked line of yours was in (``urllib3 connection.py:638``)."""

    label: str
    """The file as a person names it: its top package and its name (``urllib3
    connection.py``), or a standard module's name (``socket.py``)."""
    file: str
    line: int
    function: str

    @property
    def where(self) -> str:
        return f"{self.label}:{self.line}"

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "file": self.file, "line": self.line,
                "function": self.function}  # fmt: skip


@dataclass(frozen=True, slots=True)
class LoopBlock:
    """A span in which the event loop did not turn, who held it and where."""

    race: str | None
    order: int | None
    start: float
    end: float
    file: str | None
    """Your file (``mine``), else the library's when no line of yours was on the stack."""
    line: int | None
    function: str | None
    code: str
    """The blocking line's source, e.g. ``time.sleep(0.3)``."""
    frames: list[str] = field(default_factory=list)
    """The loop thread's stack when the block was seen, innermost first (file:line in fn)."""
    kind: StepKind = StepKind.IO
    """CPU: the chef was computing (its CPU clock ran); IO: it waited without yielding."""
    library: LibraryFrame | None = None
    still_running: bool = False
    """The block had not ended when the race did: ``end`` is when the race ended."""
    mine: bool = True
    """False when no frame of your own files was on the stack (the line is a library's)."""

    @property
    def seconds(self) -> float:
        return self.end - self.start

    @property
    def where(self) -> str:
        """``shop.py:16 → urllib3 connection.py:638``, or a library's line alone."""
        if not self.mine:
            return self.library.where if self.library else "?"
        here = f"{os.path.basename(self.file or '?')}:{self.line}"
        return f"{here} → {self.library.where}" if self.library else here

    def to_json(self) -> dict[str, Any]:
        return {
            "order": self.order, "seconds": round(self.seconds, 4), "start": self.start,
            "end": self.end, "kind": self.kind.value, "still_running": self.still_running,
            "file": self.file, "line": self.line, "function": self.function,
            "code": self.code, "mine": self.mine, "where": self.where,
            "library": self.library.to_json() if self.library else None, "frames": self.frames,
        }  # fmt: skip

    @classmethod
    def from_agent(cls, told: dict[str, Any], end: float | None = None) -> LoopBlock:
        """A block as the agent told it (``end``: a block still open, now)."""
        library = told.get("library")
        return cls(
            race=told.get("race"), order=told.get("order"), start=float(told["start"]),
            end=float(end if end is not None else told["end"]), file=told.get("file"),
            line=told.get("line"), function=told.get("function"), code=str(told.get("code", "")),
            frames=[str(frame) for frame in told.get("frames", [])],
            kind=StepKind(told.get("kind", "io")),
            library=LibraryFrame(**library) if isinstance(library, dict) else None,
            still_running=bool(told.get("still_running")), mine=bool(told.get("mine", True)),
        )  # fmt: skip


def blocked_seconds(blocks: Sequence[LoopBlock], start: float, end: float) -> float:
    """How long the loop was blocked between ``start`` and ``end`` (blocks never overlap)."""
    return sum(max(0.0, min(b.end, end) - max(b.start, start)) for b in blocks)
