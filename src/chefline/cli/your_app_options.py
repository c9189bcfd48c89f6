"""``--app`` and its options: race or serve your own Flask or FastAPI app; what the loop
watchdog found, in sentences and in the JSON."""

from __future__ import annotations

import argparse
from typing import Any

from chefline.cli.options import kitchen_settings
from chefline.client.race import RaceResult
from chefline.kitchen.errors import YourAppError
from chefline.kitchen.your_app import LoopBlock, ServerKind, blocked_seconds
from chefline.servers.your_app.loop_watchdog import DEFAULT_THRESHOLD_S
from chefline.servers.your_app.your_kitchen import (
    METHODS,
    YourKitchen,
    YourOrder,
    start_your_kitchen,
)
from chefline.texts import translate

BLOCKS_SHOWN = 5
"""Blocks listed one by one under the table (the JSON has all of them)."""


def add_your_app_options(parser: argparse.ArgumentParser, *, race: bool) -> None:
    group = parser.add_argument_group(
        translate("Cli", "your app"),
        translate(
            "Cli", "race or serve your own Flask or FastAPI app beside the built-in kitchens"
        ),
    )
    group.add_argument(
        "--app",
        metavar="TARGET",
        help=translate("Cli", "path/to/app.py:app or package.module:app (ASGI or WSGI)"),
    )
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
    if not race:
        return
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
        used = [flag for flag, value in (("--server", args.server),
                ("--body", getattr(args, "body", None))) if value is not None]  # fmt: skip
        if used:
            raise YourAppError(translate("Cli", "{0} goes with --app").format(" and ".join(used)))
        return
    if getattr(args, "llm", False):
        raise YourAppError(
            translate("Cli", "--app races your own route; --llm is for the built-in kitchens")
        )


def start_from_options(args: argparse.Namespace, port: int = 0) -> YourKitchen:
    order = None
    if hasattr(args, "path"):
        order = YourOrder.parse(args.path, args.method, args.body)
    return start_your_kitchen(
        args.app, args.server, order, port=port, threshold=args.block_ms / 1000,
        settings=kitchen_settings(args),
    )  # fmt: skip


def describe_block(block: LoopBlock) -> str:
    """'order 3 held the chef for 0.30 s at app.py:12 in `slow` (time.sleep(0.3))'."""
    if block.order is None:
        text = translate("Cli", "the chef was held for {0:.2f} s at {1} in `{2}` ({3})")
        return text.format(block.seconds, block.where, block.function, block.code)
    text = translate("Cli", "order {0} held the chef for {1:.2f} s at {2} in `{3}` ({4})")
    return text.format(block.order + 1, block.seconds, block.where, block.function, block.code)


def raised_lines(result: RaceResult, kitchen: YourKitchen) -> list[str]:
    """What your route raised in the race, one sentence per error."""
    if kitchen.errors is None:
        return []
    text = translate("Cli", "{0}: your route raised {1} ({2} orders)")
    return [text.format(kitchen.name, sentence, count)
            for sentence, count in kitchen.errors.in_race(result.race_id)]  # fmt: skip


def block_lines(result: RaceResult, kitchen: YourKitchen) -> list[str]:
    """The watchdog's verdict on one race, for the terminal."""
    watchdog, timeline = kitchen.watchdog, result.timelines.get(kitchen.name)
    if watchdog is None or timeline is None or timeline.start is None or timeline.end is None:
        return []
    blocks = watchdog.in_race(result.race_id)
    if not blocks:
        text = translate("Cli", "{0}: the event loop never stood still for more than {1:g} ms")
        return [text.format(kitchen.name, 1000 * watchdog.threshold)]
    span = timeline.end - timeline.start
    held = blocked_seconds(blocks, timeline.start, timeline.end)
    text = translate(
        "Cli", "{0}: the chef was stuck at the pot for {1:.2f} s of the {2:.2f} s race "
        "({3:.0f} %), in {4} blocks:"
    )  # fmt: skip
    lines = [text.format(kitchen.name, held, span, 100 * held / span if span else 0, len(blocks))]
    lines += ["  " + describe_block(block) for block in blocks[:BLOCKS_SHOWN]]
    if len(blocks) > BLOCKS_SHOWN:
        more = translate("Cli", "  … and {0} more (--json lists every one)")
        lines.append(more.format(len(blocks) - BLOCKS_SHOWN))
    return lines


def add_blocks(data: dict[str, Any], result: RaceResult, kitchens: list[YourKitchen]) -> None:
    """Every block of the race in the JSON of the kitchen it happened in."""
    for kitchen in kitchens:
        raised = kitchen.errors.in_race(result.race_id) if kitchen.errors else []
        for entry in data["kitchens"]:
            if entry["kitchen"] == kitchen.name:
                entry["raised"] = [{"error": text, "orders": n} for text, n in raised]
        if kitchen.watchdog is None:
            continue
        blocks = kitchen.watchdog.in_race(result.race_id)
        timeline = result.timelines[kitchen.name]
        for entry in data["kitchens"]:
            if entry["kitchen"] == kitchen.name:
                entry["blocks"] = [block.to_json() for block in blocks]
                start, end = timeline.start, timeline.end
                entry["blocked_s"] = (
                    blocked_seconds(blocks, start, end) if start is not None and end else 0.0
                )
