"""Start the real server behind each kitchen mode.

Each mode's ``serving`` (``chefline.kitchen.modes.serving``) says which app and which server:
adding a mode takes no change here.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from chefline.kitchen.app_verdict import AppVerdict
from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.cost_meter import AppThreads
from chefline.kitchen.errors import BadInput, KitchenError
from chefline.kitchen.modes import (
    Framework,
    KitchenMode,
    KitchenSettings,
    RouteStyle,
    ServerKind,
    get_mode,
)
from chefline.kitchen.your_app import ReportSource
from chefline.servers.calibration import own_cost_per_order
from chefline.servers.llm.model_link import Supplier
from chefline.servers.own_process.child_process import ChildProcessServer
from chefline.servers.relay import EventRelay
from chefline.servers.runners.server_thread import ServerThread


@dataclass(frozen=True)
class KitchenParts:
    """What a builder gets to make a kitchen's server."""

    name: str
    relay: EventRelay
    settings: KitchenSettings
    port: int
    supplier: Supplier


def build_server(mode: KitchenMode, p: KitchenParts) -> ServerThread:
    """The server that runs ``mode``'s app, as its ``serving`` declares (not yet started)."""
    serving = mode.serving
    if serving is None:
        raise BadInput(f"{mode.name} does not declare how it is served")
    server = serving.server
    if server.own_process:
        workers = p.settings.workers if server is ServerKind.GUNICORN else 1
        return ChildProcessServer(
            p.name, p.relay, p.supplier, server=server, workers=workers, port=p.port
        )
    # A web framework is imported when a kitchen of it first opens, not with this module:
    # the engine, the command line and the customers load none they do not race. One
    # kitchen imports and builds its app at a time: two threads importing pydantic at once
    # met a "partially initialized module" in one of them (kitchens open side by side).
    with _BUILDING:
        return _build_in_app(serving.framework, serving.route, server, p)


_BUILDING = threading.Lock()


def _build_in_app(framework: Framework, route: RouteStyle,
                  server: ServerKind, p: KitchenParts) -> ServerThread:  # fmt: skip
    if framework is Framework.FASTAPI:
        from chefline.servers.apps.fastapi_kitchen import create_fastapi_app
        from chefline.servers.runners.uvicorn_runner import UvicornThread

        fastapi = create_fastapi_app(
            p.name, p.relay, route, thread_cap=p.settings.thread_cap, supplier=p.supplier
        )
        return UvicornThread(p.name, fastapi, port=p.port)
    from chefline.servers.apps.flask_kitchen import create_flask_app
    from chefline.servers.runners.waitress_runner import WaitressThread
    from chefline.servers.runners.werkzeug_runner import WerkzeugThread

    async_view = route is RouteStyle.ASYNC
    flask = create_flask_app(p.name, p.relay, async_view=async_view, supplier=p.supplier)
    if server is ServerKind.WAITRESS:
        return WaitressThread(p.name, flask, threads=p.settings.pool_size, port=p.port)
    threaded = server is ServerKind.WERKZEUG_THREADED
    return WerkzeugThread(p.name, flask, threaded=threaded, port=p.port)


@dataclass
class Kitchen:
    """A running kitchen: its mode, its address and the relay of its live events."""

    mode: KitchenMode
    settings: KitchenSettings
    server: ServerThread
    relay: EventRelay = field(default_factory=EventRelay)
    notice: str | None = None
    """Something the person who opened the kitchen should know (a port that was busy)."""
    _own_cost: float | None = field(default=None, init=False, repr=False)
    _calibrating: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    report = ReportSource.BODY
    """Where each order's kitchen part comes from: the reply (here), or the relay."""
    method = "GET"
    body: ClassVar[Any] = None
    """Your app's route's method and JSON body (a built-in kitchen's come with the race)."""

    def __post_init__(self) -> None:
        self._app_threads = AppThreads(lambda: self.server.thread_ident)
        if self.server.in_app:  # a kitchen of its own processes is measured by them instead
            self.relay.subscribe(self._app_threads.note)

    def relay_caught_up(self) -> bool:
        """Whether every live event the kitchen sent has been published (those of a kitchen
        in another process travel through a pipe)."""
        return self.server.caught_up()

    @property
    def in_app(self) -> bool:
        """Whether the kitchen cooks in the app's own interpreter (shares its GIL)."""
        return self.server.in_app

    @property
    def own_cost_per_order(self) -> float | None:
        """The kitchen's own CPU for one empty order, in seconds: measured the first time
        it is asked for, then kept (``measure_own_cost_soon`` measures it in the background).
        None when it cannot be measured (the kitchen does not answer)."""
        with self._calibrating:  # a measurement under way elsewhere is waited for
            if self._own_cost is None:
                try:
                    server = self.server
                    self._own_cost = own_cost_per_order(server.url, server.cpu_seconds,
                                                        server.in_app)  # fmt: skip
                except (OSError, RuntimeError):
                    return None
            return self._own_cost

    def measure_own_cost_soon(self) -> None:
        """Measure the own cost in a thread of its own, so that opening stays quick."""
        threading.Thread(target=lambda: self.own_cost_per_order, name=f"calibrate-{self.name}",
                         daemon=True).start()  # fmt: skip

    def cost(self) -> KitchenCost:
        """What the kitchen holds now: its processes, or the app threads it cooks on."""
        return self._app_threads.cost() if self.server.in_app else self.server.own_cost()

    @property
    def name(self) -> str:
        return self.mode.name

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def cook_url(self) -> str:
        return f"{self.server.url}/cook"

    @property
    def chat_url(self) -> str:
        return f"{self.server.url}/chat"

    def stop(self) -> None:
        self.server.stop()

    def verdict(self, race: str, start: float | None, end: float | None) -> AppVerdict | None:
        """What a race found in the kitchen's own code: only your app has one."""
        return None

    def reopen(self) -> Kitchen | None:
        """The same kitchen started again, when it knows how (your app does); None: the
        restaurant opens a built-in one again by its mode, with the model it calls."""
        return None

    def __enter__(self) -> Kitchen:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def start_kitchen(
    mode_name: str,
    settings: KitchenSettings | None = None,
    *,
    port: int = 0,
    fallback: bool = True,
    supplier: Supplier | None = None,
) -> Kitchen:
    """Start ``mode_name``'s server on 127.0.0.1 and return once it accepts orders.

    A busy ``port`` is replaced by a free one when ``fallback`` (the kitchen's ``notice``
    says so). ``supplier`` names the language model of the LLM dish. Raises BadInput for
    an unknown mode and KitchenError when the server cannot open.
    """
    mode = get_mode(mode_name)
    settings = settings or KitchenSettings()
    relay = EventRelay()
    parts = KitchenParts(mode.name, relay, settings, port, supplier or Supplier())
    server = build_server(mode, parts)
    notice = None
    try:
        server.start()
    except KitchenError as error:
        if not (fallback and port):
            raise
        server = build_server(mode, replace(parts, port=0))
        server.start()
        notice = f"{error}; {mode.name} opened on port {server.port} instead"
    return Kitchen(mode, settings, server, relay, notice)
