"""The kitchen modes, one small file each. To add one: write its file (who it is, how it is
served, its theory) and list it in ``MODES`` here."""

from chefline.kitchen.errors import BadInput
from chefline.kitchen.modes.base import KitchenMode, KitchenSettings
from chefline.kitchen.modes.fastapi_async import FastApiAsync
from chefline.kitchen.modes.fastapi_blocking import FastApiBlocking
from chefline.kitchen.modes.fastapi_def import FastApiDef
from chefline.kitchen.modes.flask_async_view import FlaskAsyncView
from chefline.kitchen.modes.flask_gevent import FlaskGevent
from chefline.kitchen.modes.flask_one_chef import FlaskOneChef
from chefline.kitchen.modes.flask_pool import FlaskPool
from chefline.kitchen.modes.flask_processes import FlaskProcesses
from chefline.kitchen.modes.flask_threaded import FlaskThreaded
from chefline.kitchen.modes.serving import (
    CodeStep,
    Framework,
    RouteStyle,
    ServerKind,
    Serving,
    ServingError,
)

MODES: dict[str, KitchenMode] = {
    mode.name: mode
    for mode in (
        FlaskOneChef(),
        FlaskThreaded(),
        FlaskPool(),
        FastApiAsync(),
        FastApiDef(),
        FastApiBlocking(),
        FlaskAsyncView(),
        FlaskGevent(),
        FlaskProcesses(),
    )
}


def get_mode(name: str) -> KitchenMode:
    """The mode called ``name``, or a BadInput that lists the known ones."""
    try:
        return MODES[name]
    except KeyError:
        known = ", ".join(MODES)
        raise BadInput(f"unknown kitchen mode {name!r}; choose from: {known}") from None


__all__ = [
    "MODES",
    "CodeStep",
    "Framework",
    "KitchenMode",
    "KitchenSettings",
    "RouteStyle",
    "ServerKind",
    "Serving",
    "ServingError",
    "get_mode",
]
