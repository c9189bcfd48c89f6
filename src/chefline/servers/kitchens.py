"""Start the real server behind each kitchen mode.

To add a kitchen mode: declare it in ``chefline.kitchen.modes`` and add its builder here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from chefline.kitchen.modes import KitchenMode, KitchenSettings, get_mode
from chefline.servers.fastapi_kitchen import RouteStyle, create_fastapi_app
from chefline.servers.flask_kitchen import create_flask_app
from chefline.servers.relay import EventRelay
from chefline.servers.server_thread import KitchenStartError, ServerThread
from chefline.servers.uvicorn_runner import UvicornThread
from chefline.servers.waitress_runner import WaitressThread
from chefline.servers.werkzeug_runner import WerkzeugThread

Builder = Callable[[str, EventRelay, KitchenSettings, int], ServerThread]

BUILDERS: dict[str, Builder] = {
    "flask-one-chef": lambda name, relay, _, port: WerkzeugThread(
        name, create_flask_app(name, relay), threaded=False, port=port
    ),
    "flask-threaded": lambda name, relay, _, port: WerkzeugThread(
        name, create_flask_app(name, relay), threaded=True, port=port
    ),
    "flask-pool": lambda name, relay, settings, port: WaitressThread(
        name, create_flask_app(name, relay), threads=settings.pool_size, port=port
    ),
    "flask-async-view": lambda name, relay, _, port: WerkzeugThread(
        name, create_flask_app(name, relay, async_view=True), threaded=False, port=port
    ),
    "fastapi-async": lambda name, relay, _, port: UvicornThread(
        name, create_fastapi_app(name, relay, RouteStyle.ASYNC), port=port
    ),
    "fastapi-def": lambda name, relay, settings, port: UvicornThread(
        name,
        create_fastapi_app(name, relay, RouteStyle.DEF, thread_cap=settings.thread_cap),
        port=port,
    ),
    "fastapi-blocking": lambda name, relay, _, port: UvicornThread(
        name, create_fastapi_app(name, relay, RouteStyle.BLOCKING), port=port
    ),
}


@dataclass
class Kitchen:
    """A running kitchen: its mode, its address and the relay of its live events."""

    mode: KitchenMode
    settings: KitchenSettings
    server: ServerThread
    relay: EventRelay = field(default_factory=EventRelay)
    notice: str | None = None
    """Something the person who opened the kitchen should know (a port that was busy)."""

    @property
    def name(self) -> str:
        return self.mode.name

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def cook_url(self) -> str:
        return f"{self.server.url}/cook"

    def stop(self) -> None:
        self.server.stop()

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
) -> Kitchen:
    """Start ``mode_name``'s server on 127.0.0.1 and return once it accepts orders.

    A busy ``port`` is replaced by a free one when ``fallback`` (the kitchen's ``notice``
    says so). Raises RecipeError for an unknown mode and KitchenStartError when the server
    cannot open.
    """
    mode = get_mode(mode_name)
    settings = settings or KitchenSettings()
    relay = EventRelay()
    server = BUILDERS[mode.name](mode.name, relay, settings, port)
    notice = None
    try:
        server.start()
    except KitchenStartError as error:
        if not (fallback and port):
            raise
        server = BUILDERS[mode.name](mode.name, relay, settings, 0)
        server.start()
        notice = f"{error}; {mode.name} opened on port {server.port} instead"
    return Kitchen(mode, settings, server, relay, notice)
