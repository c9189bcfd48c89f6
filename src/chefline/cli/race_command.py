"""``chefline race``: start the kitchens, fire the orders, print the table or the JSON."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
from pathlib import Path

from chefline.cli.options import chosen_modes, kitchen_settings, model_link, race_plan
from chefline.cli.table import race_table
from chefline.cli.your_app_options import check_your_app_options, header, open_from_options
from chefline.client.race import RaceResult, RaceRunner
from chefline.client.trace_file import save_trace
from chefline.engine import Kitchen, Restaurant
from chefline.kitchen.errors import FileWriteError
from chefline.process import race_collections, raise_open_file_limit
from chefline.texts import translate

EXIT_INTERRUPTED = 130
EXIT_TRACE_FAILED = 1
"""The race ran and its result was printed, but the trace could not be written."""
EXIT_NOTHING_SERVED = 3
"""The race ran and its result was printed, but a kitchen served none of its orders (your
app refused or failed them all, or never answered)."""


def run(args: argparse.Namespace) -> int:
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
        try:
            with race_collections():
                result = asyncio.run(_race(runner, show_progress))
        except KeyboardInterrupt:
            print("\nchefline: race stopped", file=sys.stderr)
            return EXIT_INTERRUPTED
    finally:
        restaurant.close()
    if args.json:
        print(json.dumps(result.to_json(), indent=2))
    else:
        route = f"{yours[0].method} {args.path}" if yours else None
        print(race_table(result, route, builtin=bool(names)))
        for verdict in result.verdicts.values():
            if lines := verdict.lines():
                print("\n" + "\n".join(lines))
    if args.trace:
        try:
            save_trace(result, Path(args.trace))
        except FileWriteError as error:  # the race is printed already: say why, lose nothing
            print(f"chefline: {error}", file=sys.stderr)
            return EXIT_TRACE_FAILED
        if not args.json:
            print(translate("Cli", "Trace written to {0}: open it in ui.perfetto.dev").format(
                args.trace))  # fmt: skip
    return EXIT_NOTHING_SERVED if _served_nothing(result) else 0


def _served_nothing(result: RaceResult) -> bool:
    """Whether a kitchen served none of its orders (said in the table; the exit code says it
    to a script)."""
    return any(len(t) and not t.served for t in result.timelines.values())


async def _race(runner: RaceRunner, show_progress: bool) -> RaceResult:
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
