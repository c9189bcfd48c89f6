"""Your own Flask or FastAPI app as a kitchen: loaded, wrapped in the order middleware (and
the loop watchdog for an async app), served on 127.0.0.1 by the server you chose."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask, got_request_exception, request

from chefline.kitchen.errors import KitchenError, YourAppError
from chefline.kitchen.modes import KitchenSettings
from chefline.kitchen.your_app import RACE_HEADER, ReportSource, ServerKind, YourAppMode
from chefline.servers.kitchens import Kitchen
from chefline.servers.llm.model_link import Supplier
from chefline.servers.own_process.child_process import ChildProcessServer
from chefline.servers.relay import EventRelay
from chefline.servers.runners.server_thread import ServerThread
from chefline.servers.runners.uvicorn_runner import UvicornThread
from chefline.servers.runners.waitress_runner import WaitressThread
from chefline.servers.runners.werkzeug_runner import WerkzeugThread
from chefline.servers.your_app.app_loading import LoadedApp, load_app
from chefline.servers.your_app.loop_watchdog import DEFAULT_THRESHOLD_S, LoopWatchdog
from chefline.servers.your_app.route_errors import RouteErrors
from chefline.servers.your_app.thread_sampler import ThreadSampler
from chefline.servers.your_app.your_middleware import AsgiOrders, OrderNews, WsgiOrders
from chefline.texts import translate

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


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


@dataclass
class YourKitchen(Kitchen):
    """A kitchen whose reply is your app's own: its report comes from the middleware."""

    loaded: LoadedApp | None = None
    order: YourOrder = field(default_factory=YourOrder)
    watchdog: LoopWatchdog | None = None
    sampler: ThreadSampler | None = None
    errors: RouteErrors | None = None
    """What your route raised (None: it runs in processes of its own, whose logs say it)."""

    report = ReportSource.RELAY

    @property
    def method(self) -> str:  # type: ignore[override]
        return self.order.method

    @property
    def body(self) -> Any:
        return self.order.body

    @property
    def own_cost_per_order(self) -> float | None:
        return None  # your route's own cost is what the race measures

    @property
    def cook_url(self) -> str:
        return f"{self.server.url}{self.order.path}"

    @property
    def chat_url(self) -> str:
        return self.cook_url

    def reopen(self) -> YourKitchen:
        """The same app, server and route, started again (on a new port)."""
        assert isinstance(self.mode, YourAppMode) and self.loaded is not None
        threshold = self.watchdog.threshold if self.watchdog else DEFAULT_THRESHOLD_S
        return start_your_kitchen(self.loaded.target, self.mode.server.value, self.order,
                                  threshold=threshold, settings=self.settings)  # fmt: skip

    def stop(self) -> None:
        if self.watchdog is not None:
            self.watchdog.stop()
        if self.sampler is not None:
            self.sampler.stop()
        super().stop()


def _absolute(target: str) -> str:
    """A file target as an absolute path (the child may start in another folder)."""
    module, _, attr = target.rpartition(":")
    if module.endswith(".py") or "/" in module or os.sep in module:
        return f"{Path(module).resolve()}:{attr}"
    return target


def _hear_flask_errors(app: Any, errors: RouteErrors) -> None:
    """Flask answers 500 itself and logs the traceback; the race notes the error too."""
    if not isinstance(app, Flask):
        return

    def heard(sender: Any, exception: BaseException, **_: Any) -> None:
        race = request.headers.get(RACE_HEADER)
        if race:
            errors.note(race, exception)

    got_request_exception.connect(heard, app, weak=False)


def default_server(kind: str) -> ServerKind:
    return ServerKind.UVICORN if kind == "asgi" else ServerKind.WERKZEUG_THREADED


def start_your_kitchen(
    target: str,
    server: str | None = None,
    order: YourOrder | None = None,
    *,
    port: int = 0,
    threshold: float = DEFAULT_THRESHOLD_S,
    settings: KitchenSettings | None = None,
) -> YourKitchen:
    """Load ``target`` and serve it; returns once it accepts orders. Raises YourAppError (one
    sentence) for every reason it cannot."""
    loaded = load_app(target)
    try:
        kind = ServerKind(server) if server else default_server(loaded.kind)
    except ValueError:
        known = ", ".join(k.value for k in ServerKind)
        raise YourAppError(translate("Cli", "--server must be one of {0}, not {1!r}").format(
            known, server)) from None  # fmt: skip
    if kind.speaks != loaded.kind:
        text = translate("Cli", "{0} is a {1} app, and {2} serves {3} apps; try --server {4}")
        raise YourAppError(text.format(target, loaded.kind.upper(), kind.value, kind.speaks.upper(),
                                   default_server(loaded.kind).value))  # fmt: skip
    if not 0 < threshold < 10:
        text = translate("Cli", "the blocking threshold must be between 0 and 10 s, not {0:g}")
        raise YourAppError(text.format(threshold))
    mode = YourAppMode(loaded.label, target, kind)
    settings = settings or KitchenSettings()
    relay = EventRelay()
    watchdog = sampler = errors = None
    if kind is ServerKind.UVICORN:
        orders = AsgiOrders(loaded.app, OrderNews(mode.name, relay, "event-loop"))
        watchdog, errors = LoopWatchdog(orders, threshold), orders.errors
        runner: ServerThread = UvicornThread(
            mode.name, orders, port=port, lifespan="auto", on_loop=watchdog.start_on
        )
    elif kind.own_process:
        runner = ChildProcessServer(mode.name, relay, Supplier(), server=kind,
                                    workers=settings.workers, port=port,
                                    app=_absolute(target))  # fmt: skip
    else:
        sampler = ThreadSampler()
        news = OrderNews(mode.name, relay, "thread")
        wsgi = WsgiOrders(loaded.app, news, sampler=sampler)
        errors = wsgi.errors
        _hear_flask_errors(loaded.app, errors)
        if kind is ServerKind.WAITRESS:
            runner = WaitressThread(mode.name, wsgi, threads=mode.slots(KitchenSettings()) or 4,
                                    port=port)  # fmt: skip
        else:
            threaded = kind is ServerKind.WERKZEUG_THREADED
            runner = WerkzeugThread(mode.name, wsgi, threaded=threaded, port=port)
    try:
        runner.start()
    except KitchenError as error:
        if watchdog is not None:
            watchdog.stop()
        failure = orders.startup_failure if kind is ServerKind.UVICORN else None
        if failure:
            text = translate("Cli", "{0} failed to start: {1}")
            raise YourAppError(text.format(target, failure)) from None
        raise YourAppError(str(error)) from None
    return YourKitchen(mode, settings, runner, relay, loaded=loaded,
                       order=order or YourOrder(), watchdog=watchdog, sampler=sampler,
                       errors=errors)  # fmt: skip
