"""``--app`` and its options: race or serve your own app, on its own Python. What the race
found in it is the race's own verdict (``RaceResult.verdicts``); this module only asks and
tells: the options, the header said before a race, and your app's output, marked as its own."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable

from chefline.cli.options import kitchen_settings
from chefline.client.race import YOUR_PATIENCE_S
from chefline.engine import (
    Kitchen,
    Restaurant,
    start_your_app,
    your_app_python,
    your_app_spec,
)
from chefline.kitchen.errors import YourAppError
from chefline.kitchen.your_app import (
    DEFAULT_THRESHOLD_S,
    METHODS,
    ServerKind,
    YourAppSpec,
    YourOrder,
)
from chefline.texts import translate


def add_your_app_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        translate("Cli", "your app"),
        translate(
            "YourApp", "race or serve your own ASGI or WSGI app (FastAPI, Starlette, Litestar, "
            "Flask, …) on its own Python, beside the built-in kitchens"
        ),
    )  # fmt: skip
    group.add_argument(
        "--app",
        metavar="TARGET",
        help=translate("Cli", "path/to/app.py:app or package.module:app (ASGI or WSGI)"),
    )
    group.add_argument(
        "--python",
        metavar="PATH",
        help=translate(
            "YourApp", "your app's Python: an interpreter or an environment's folder (default: "
            "the active VIRTUAL_ENV, else a .venv beside the app or in the current folder, "
            "else Chefline's own)"
        ),
    )  # fmt: skip
    servers = ", ".join(kind.value for kind in ServerKind)
    group.add_argument(
        "--server",
        metavar="SERVER",
        help=translate("Cli", "{0} (default: uvicorn for ASGI, werkzeug-threaded for WSGI)").format(
            servers
        ),
    )
    group.add_argument(
        "--block-ms",
        type=float,
        default=DEFAULT_THRESHOLD_S * 1000,
        metavar="MS",
        help=translate(
            "Cli", "an event loop standing still longer than this is blocked (default 20)"
        ),
    )
    group.add_argument(
        "--path", default="/", help=translate("Cli", "the route every customer orders (default /)")
    )
    group.add_argument(
        "--method",
        default="GET",
        type=str.upper,
        help=translate("Cli", "the route's method: {0} (default GET)").format(", ".join(METHODS)),
    )
    group.add_argument("--body", metavar="JSON", help=translate("Cli", "the route's JSON body"))


def check_your_app_options(args: argparse.Namespace) -> None:
    """Refuse options that need --app without it, or that --app cannot serve."""
    if args.app is None:
        used = [flag for flag, value in (("--server", args.server), ("--python", args.python),
                ("--body", getattr(args, "body", None))) if value is not None]  # fmt: skip
        if used:
            raise YourAppError(translate("Cli", "{0} goes with --app").format(" and ".join(used)))
        return
    if getattr(args, "llm", False):
        raise YourAppError(
            translate("Cli", "--app races your own route; --llm is for the built-in kitchens")
        )
    spec_from_options(args)  # a bad --path, --method, --body or --server: before anything starts


def spec_from_options(args: argparse.Namespace) -> YourAppSpec:
    order = YourOrder.parse(args.path, args.method, args.body)
    return YourAppSpec(args.app, args.server, args.python, order, args.block_ms / 1000)


def app_output(label: str) -> Callable[[str], None]:
    """Shows each line your app writes on stderr, marked as its own: never in the table or
    the JSON, which go to stdout."""

    def say(line: str) -> None:
        print(f"[{label}] {line}", file=sys.stderr, flush=True)

    return say


def open_from_options(restaurant: Restaurant, args: argparse.Namespace) -> Kitchen:
    """Your app, started and put first on the restaurant's pass (YourAppError)."""
    spec = spec_from_options(args)
    return restaurant.open_your_app(spec, first=True, on_output=app_output(spec.label))


def start_from_options(args: argparse.Namespace, port: int = 0) -> Kitchen:
    """Your app, started on its own (``chefline serve --app``, ``chefline window --app``)."""
    spec = spec_from_options(args)
    return start_your_app(spec, kitchen_settings(args), port=port,
                          on_output=app_output(spec.label))  # fmt: skip


def header(kitchen: Kitchen, patience: float | None) -> str:
    """Said before the race, on stderr: which Python your app runs on, and how long each
    customer waits (a route that hangs is silent until then)."""
    python = your_app_python(kitchen)
    text = translate("YourApp", "{0}: your app runs on {1}; each customer waits up to {2:g} s "
                                "for it (--patience)")  # fmt: skip
    return text.format(kitchen.name, python.describe() if python else "?",
                       patience or YOUR_PATIENCE_S)  # fmt: skip


def curl_lines(kitchen: Kitchen) -> list[str]:
    """How to order from your app by hand (``chefline serve --app``)."""
    spec = your_app_spec(kitchen)
    if spec is None:
        return []
    order = spec.order
    parts = ["curl"]
    if order.method != "GET":
        parts += ["-X", order.method]
    if order.body is not None:
        parts += ["-H", "content-type: application/json", "-d", order.body_text()]
    parts.append(f"{kitchen.url}{order.path}")
    said = " ".join(shlex.quote(part) for part in parts)
    return [translate("YourApp", "Order from your app:"), "  " + said]
