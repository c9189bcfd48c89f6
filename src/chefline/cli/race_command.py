"""``chefline race``: start the kitchens, fire the orders, print the table or the JSON."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import sys
from pathlib import Path

from chefline.cli import exit_codes
from chefline.cli.options import chosen_modes, kitchen_settings, model_link, race_plan
from chefline.cli.stop_signals import StopSignals
from chefline.cli.table import race_table
from chefline.cli.your_app_options import check_your_app_options, header, open_from_options
from chefline.client.race import RaceResult, RaceRunner
from chefline.client.trace_file import save_trace
from chefline.engine import Kitchen, Restaurant
from chefline.kitchen.errors import FileWriteError
from chefline.process import race_collections, raise_open_file_limit
from chefline.texts import QT_TRANSLATE_NOOP, translate

STOPPED_BY: dict[int, str] = {
    signal.SIGINT: QT_TRANSLATE_NOOP("Cli", "stopped by Ctrl+C"),
    signal.SIGTERM: QT_TRANSLATE_NOOP("Cli", "stopped by SIGTERM"),
}


def run(args: argparse.Namespace) -> int:
    """Race and print; the exit code says how it went (``exit_codes``)."""
    signals = StopSignals()
    with signals.installed():
        try:
            return _run(args, signals)
        except KeyboardInterrupt:  # before the race began, or while the kitchens closed
            why = translate("Cli", STOPPED_BY.get(signals.received or signal.SIGINT, ""))
            print(f"\nchefline: {why}", file=sys.stderr)
            return signals.code or exit_codes.INTERRUPTED


def _run(args: argparse.Namespace, signals: StopSignals) -> int:
    check_your_app_options(args)
    names = chosen_modes(args) if args.mode or args.app is None else []
    settings = kitchen_settings(args)
    plan = race_plan(args)
    own_model = model_link(args) if args.llm else None
    raise_open_file_limit()
    restaurant = Restaurant(settings)
    yours: list[Kitchen] = []
    try:
        if args.app is not None:  # your app first: a reason it cannot race comes at once
            yours.append(open_from_options(restaurant, args))
            print(header(yours[0], plan.patience), file=sys.stderr, flush=True)
        if own_model is not None:
            probe = restaurant.use_own_model(own_model)  # ModelError: before any kitchen
            if not args.json:
                print(f"{own_model.describe()}: first token after {probe.ttft:.2f} s, "
                      f"{probe.tokens_per_s:.0f} tokens/s", file=sys.stderr)  # fmt: skip
        # An hour-long race is refused, and the model chosen, before any server starts.
        plan = restaurant.check_plan(plan, names)
        restaurant.open_or_raise(names)
        runner = restaurant.race(plan)
        show_progress = not args.json and sys.stderr.isatty()
        with race_collections():
            result = asyncio.run(_race(runner, show_progress, signals))
        down = restaurant.kitchens_down()
    finally:
        restaurant.close()
    if signals.received is not None:
        why = translate("Cli", STOPPED_BY[signals.received])
        print(translate("Cli", "chefline: {0}; what was measured until then:").format(why),
              file=sys.stderr)  # fmt: skip
    if args.json:
        data = result.to_json()
        data["kitchens_down"] = down
        print(json.dumps(data, indent=2))
    else:
        route = f"{yours[0].method} {args.path}" if yours else None
        print(race_table(result, route, builtin=bool(names), down=down))
        for verdict in result.verdicts.values():
            if lines := verdict.lines():
                print("\n" + "\n".join(lines))
    if args.trace:
        try:
            save_trace(result, Path(args.trace))
        except FileWriteError as error:  # the race is printed already: say why, lose nothing
            print(f"chefline: {error}", file=sys.stderr)
            return exit_codes.FAILED
        if not args.json:
            print(translate("Cli", "Trace written to {0}: open it in ui.perfetto.dev").format(
                args.trace))  # fmt: skip
    return race_outcome(result, down, signals)


def race_outcome(result: RaceResult, down: list[str], signals: StopSignals) -> int:
    """The exit code of a race that ran: stopped, a kitchen died, orders failed, or 0."""
    if signals.code is not None:
        return signals.code
    if down:
        return exit_codes.KITCHEN_DIED
    if result.cancelled or not all(t.summary().finished for t in result.timelines.values()):
        return exit_codes.ORDERS_FAILED
    return exit_codes.OK


async def _race(runner: RaceRunner, show_progress: bool, signals: StopSignals) -> RaceResult:
    with signals.while_racing(runner.cancel):
        if not show_progress:
            return await runner.run()
        progress = asyncio.create_task(_report_progress(runner))
        try:
            return await runner.run()
        finally:
            progress.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await progress
            print("\r\033[K", end="", file=sys.stderr)


async def _report_progress(runner: RaceRunner) -> None:
    customers = runner.plan.arrivals.customers
    while True:
        parts = [f"{name} {served}/{customers}" for name, served in runner.served.items()]
        print("\r\033[Kserving… " + "  ".join(parts), end="", file=sys.stderr, flush=True)
        await asyncio.sleep(0.25)
