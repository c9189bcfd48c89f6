"""Your own app, for the front ends: start it on its own Python, list its routes, show the
route's code with the lines that held its chef. The command line and the window reach your
app only through here (and ``Restaurant``), never through ``chefline.servers``."""

from __future__ import annotations

from collections.abc import Callable

from chefline.kitchen.app_verdict import AppVerdict
from chefline.kitchen.modes import KitchenSettings
from chefline.kitchen.your_app import AppRoutes, PythonUsed, YourAppSpec
from chefline.servers.kitchens import Kitchen
from chefline.servers.your_app.route_source import route_source
from chefline.servers.your_app.your_kitchen import YourKitchen, read_routes, start_your_kitchen


def start_your_app(
    spec: YourAppSpec,
    settings: KitchenSettings | None = None,
    *,
    port: int = 0,
    on_output: Callable[[str], None] | None = None,
) -> Kitchen:
    """Serve your app as ``spec`` says, on its own Python; returns once it accepts orders.
    YourAppError: one sentence. ``on_output``: each line your app writes."""
    return start_your_kitchen(spec, settings, port=port, on_output=on_output)


def your_app_routes(target: str, python: str | None = None) -> AppRoutes:
    """The routes ``target`` declares, read in its own interpreter (YourAppError)."""
    return read_routes(target, python)


def your_app_spec(kitchen: Kitchen) -> YourAppSpec | None:
    """What ``kitchen`` races, if it is your app."""
    return kitchen.spec if isinstance(kitchen, YourKitchen) else None


def your_app_python(kitchen: Kitchen) -> PythonUsed | None:
    """The Python your app's ``kitchen`` runs on."""
    return kitchen.python if isinstance(kitchen, YourKitchen) else None


def your_app_code(kitchen: Kitchen, verdict: AppVerdict | None = None) -> str | None:
    """The route your app's ``kitchen`` serves, each line that held its chef marked."""
    if not isinstance(kitchen, YourKitchen):
        return None
    return route_source(kitchen.route(), verdict.marks() if verdict else None)
