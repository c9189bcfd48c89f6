"""``chefline sweep``: the capacity curve, each kitchen raced alone at rising loads.

Prints a table per kitchen with its knee, writes the sweep as JSON (``--json``) and draws
the curve (``--out curve.png`` or ``.svg``, by the window's own drawing code, offscreen).
``--open`` shows a recorded sweep again instead of running one.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path

from chefline.cli import exit_codes
from chefline.cli.options import (
    add_dish_options,
    add_rate_options,
    chat_order,
    kitchen_settings,
    model_speed,
    parse_size,
)
from chefline.cli.stop_signals import StopSignals
from chefline.cli.sweep_table import sweep_report
from chefline.client.plan import RacePlan
from chefline.client.sweep_file import load_sweep, save_sweep
from chefline.engine import SweepNews, SweepPlan, SweepRunner, SweepStage, parse_steps
from chefline.engine.sweep import DEFAULT_LIMIT_S
from chefline.kitchen.arrivals import Arrivals
from chefline.kitchen.capacity import Sweep, SweepAxis, SweepPoint, load_text
from chefline.kitchen.errors import BadInput, FileWriteError
from chefline.kitchen.recipe import DishKind, Recipe
from chefline.process import race_collections, raise_open_file_limit
from chefline.texts import translate

DEFAULT_KITCHENS = ["flask-one-chef", "flask-threaded", "flask-processes", "fastapi-async"]
"""Sync, threaded, worker processes and async, side by side."""
DEFAULT_USERS = "1,10,100,1000"
PICTURE_SIZE = "1600x900"

PictureWriter = Callable[[Sweep, Path, tuple[int, int]], None]
"""Draws a sweep into a PNG or SVG file (given by the caller: the drawing is Qt's)."""


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--users",
        default=None,
        metavar="N,N,…",
        help=translate("Cli", "how many users order at once at each point (default {0})").format(
            DEFAULT_USERS
        ),
    )
    parser.add_argument(
        "--rates",
        metavar="R,R,…",
        help=translate(
            "Cli",
            "sweep by steady rate instead: customers a second at each point, each a Poisson "
            "stream of --duration seconds",
        ),
    )
    add_rate_options(parser, rate=False)
    add_dish_options(parser)
    parser.add_argument(
        "--limit",
        type=float,
        default=DEFAULT_LIMIT_S,
        metavar="SECONDS",
        help=translate(
            "Cli",
            "a kitchen whose next point would take longer than this is skipped there, and "
            "beyond (default {0:g} s)",
        ).format(DEFAULT_LIMIT_S),
    )
    parser.add_argument(
        "--json",
        nargs="?",
        const="-",
        metavar="FILE",
        help=translate(
            "Cli", "write the sweep as JSON to FILE (- or nothing: print it instead of the tables)"
        ),
    )
    parser.add_argument(
        "--out",
        metavar="CURVE.png|.svg",
        help=translate("Cli", "draw the curve into a PNG or SVG picture"),
    )
    parser.add_argument(
        "--size",
        default=PICTURE_SIZE,
        help=translate("Cli", "the picture's size (default {0})").format(PICTURE_SIZE),
    )
    parser.add_argument(
        "--open",
        metavar="SWEEP.json",
        type=Path,
        help=translate("Cli", "show a recorded sweep (from --json) instead of running one"),
    )


def sweep_plan(args: argparse.Namespace) -> SweepPlan:
    """The sweep the options ask for; BadInput in one sentence for anything wrong."""
    if args.rates is not None and args.users is not None:
        raise BadInput(translate("Cli", "sweep by --users or by --rates, not both"))
    axis = SweepAxis.RATE if args.rates is not None else SweepAxis.USERS
    loads = args.rates if args.rates is not None else args.users
    steps = parse_steps(DEFAULT_USERS if loads is None else loads, axis)  # "" is refused
    if args.llm:
        race = RacePlan.for_chat(chat_order(args), model_speed(args), Arrivals(1))
    else:
        race = RacePlan(Recipe(wait=args.wait, dish=DishKind(args.dish)), Arrivals(1))
    if args.model_url or args.model or args.api_key_env:
        raise BadInput(translate("Cli", "a sweep races the built-in model; --model-url is for "
                                 "chefline race"))  # fmt: skip
    kitchens = tuple(args.mode or DEFAULT_KITCHENS)
    return SweepPlan(kitchens, steps, race, axis, args.duration, args.seed, args.limit,
                     kitchen_settings(args))  # fmt: skip


def picture_target(args: argparse.Namespace) -> tuple[Path, tuple[int, int]] | None:
    if not args.out:
        return None
    out = Path(args.out)
    if out.suffix.lower() not in {".png", ".svg"}:
        raise BadInput(translate("Cli", "the picture must be a .png or .svg file, not {0}")
                       .format(out.name))  # fmt: skip
    return out, parse_size(args.size)


def run(args: argparse.Namespace, picture: PictureWriter | None = None) -> int:
    """Sweep (or show a recorded sweep), print it, write its files; the exit code says how it
    went (``exit_codes``: 3 when a point did not serve every order, 130/143 when stopped)."""
    target = picture_target(args)  # a bad name is refused before minutes of racing
    if target is not None and picture is None:
        raise BadInput(translate("Cli", "this build cannot draw pictures; leave out --out"))
    signals = StopSignals()
    if args.open is not None:
        sweep = load_sweep(args.open)
    else:
        plan = sweep_plan(args)
        raise_open_file_limit()
        show = sys.stderr.isatty() and args.json != "-"
        runner = SweepRunner(plan, listener=_progress(plan.axis) if show else None)
        with signals.installed():
            try:
                with race_collections():
                    asyncio.run(_sweep(runner, signals))
            except KeyboardInterrupt:  # while a kitchen opened or closed
                runner.sweep.cancelled = True
        if show:
            print("\r\033[K", end="", file=sys.stderr)
        sweep = runner.sweep
        if sweep.cancelled:
            print(translate("Cli", "chefline: sweep stopped"), file=sys.stderr)
    if args.json == "-":
        print(json.dumps(sweep.to_json(), indent=1))
    else:
        print(sweep_report(sweep))
    try:
        if args.json not in (None, "-"):
            save_sweep(sweep, Path(args.json))
            _said(translate("Cli", "Sweep written to {0}").format(args.json), args)
        if target is not None and picture is not None and sweep.points:
            picture(sweep, *target)
            _said(translate("Cli", "Curve drawn in {0}").format(target[0]), args)
    except (FileWriteError, OSError) as error:
        print(f"chefline: {error}", file=sys.stderr)
        return exit_codes.FAILED
    if sweep.cancelled and args.open is None:
        return signals.code or exit_codes.INTERRUPTED
    served = all(p.served == p.customers for p in sweep.points)
    return exit_codes.OK if served else exit_codes.ORDERS_FAILED


async def _sweep(runner: SweepRunner, signals: StopSignals) -> None:
    """Ctrl+C or SIGTERM stops the race under way and the sweep after it."""
    with signals.while_racing(runner.cancel):
        await runner.run()


def _said(text: str, args: argparse.Namespace) -> None:
    print(text, file=sys.stderr if args.json == "-" else sys.stdout)


def _progress(axis: SweepAxis) -> Callable[[SweepNews], None]:
    """One line on the terminal, rewritten as the sweep goes."""

    def say(news: SweepNews) -> None:
        if isinstance(news, SweepStage):
            line = translate("Cli", "sweeping {0} at {1} (about {2:.0f} s)…").format(
                news.kitchen, load_text(axis, news.x), max(news.expected, 1.0)
            )
        elif isinstance(news, SweepPoint):
            line = translate("Cli", "{0} at {1}: p95 {2}").format(
                news.kitchen,
                load_text(axis, news.x),
                "-" if news.p95 is None else f"{news.p95:.2f} s",
            )
        else:
            line = news.reason  # fmt: skip
        print("\r\033[K" + line, end="", file=sys.stderr, flush=True)

    return say
