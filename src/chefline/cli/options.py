"""Command-line options shared by the subcommands, turned into domain objects with clear errors."""

from __future__ import annotations

import argparse
from pathlib import Path

from chefline.client.plan import RacePlan
from chefline.kitchen import limits
from chefline.kitchen.arrivals import Arrivals
from chefline.kitchen.faults import FaultKind, Faults
from chefline.kitchen.modes import MODES, KitchenSettings, get_mode
from chefline.kitchen.recipe import DEFAULT_STEP_CPU_S, DishKind, Recipe

DEFAULT_MODES = ["flask-one-chef", "fastapi-async"]


def add_kitchen_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--mode",
        "-m",
        action="append",
        metavar="MODE",
        help=f"a kitchen to race (repeat for several; default: {' and '.join(DEFAULT_MODES)}). "
        f"Modes: {', '.join(MODES)}",
    )
    parser.add_argument(
        "--pool-size",
        type=int,
        default=4,
        metavar="K",
        help=f"chefs in flask-pool ({limits.MIN_POOL_SIZE}-{limits.MAX_POOL_SIZE}, default 4)",
    )
    parser.add_argument(
        "--thread-cap",
        type=int,
        default=40,
        metavar="C",
        help="anyio thread limit in fastapi-def (default 40, as in FastAPI)",
    )


def add_race_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--customers",
        "-n",
        type=int,
        default=10,
        metavar="N",
        help=f"orders per kitchen ({limits.MIN_CUSTOMERS}-{limits.MAX_CUSTOMERS}, default 10)",
    )
    parser.add_argument(
        "--wait",
        "-d",
        type=float,
        default=0.5,
        metavar="SECONDS",
        help=f"the slow step of each dish (0-{limits.MAX_WAIT_S:g} s, default 0.5)",
    )
    parser.add_argument(
        "--dish",
        choices=[kind.value for kind in DishKind],
        default=DishKind.IO.value,
        help="io: the slow step waits (sleep/await); cpu: it needs the chef's hands (hashing)",
    )
    parser.add_argument(
        "--prep", type=float, default=DEFAULT_STEP_CPU_S, metavar="SECONDS", help="prep CPU work"
    )
    parser.add_argument(
        "--plate", type=float, default=DEFAULT_STEP_CPU_S, metavar="SECONDS", help="plating CPU"
    )
    parser.add_argument(
        "--fault",
        choices=[kind.value for kind in FaultKind],
        default=FaultKind.NONE.value,
        help="burn: one order in every K gets an HTTP 500; slow: it takes 3× as long",
    )
    parser.add_argument(
        "--every", type=int, default=5, metavar="K", help="how often --fault strikes (default 5)"
    )
    parser.add_argument(
        "--patience",
        type=float,
        default=None,
        metavar="SECONDS",
        help="customers walk out after this long (default: well past the theory)",
    )
    parser.add_argument(
        "--gap",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="seconds between arrivals (default 0: everyone orders at once)",
    )


def chosen_modes(args: argparse.Namespace) -> list[str]:
    names = args.mode or DEFAULT_MODES
    for name in names:
        get_mode(name)  # raises with the list of known modes
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise ValueError(f"each kitchen can race once; repeated: {', '.join(sorted(duplicates))}")
    return names


def kitchen_settings(args: argparse.Namespace) -> KitchenSettings:
    return KitchenSettings(pool_size=args.pool_size, thread_cap=args.thread_cap)


def race_plan(args: argparse.Namespace) -> RacePlan:
    recipe = Recipe(wait=args.wait, dish=DishKind(args.dish), prep=args.prep, plate=args.plate)
    fault = FaultKind(args.fault)
    faults = Faults(fault, args.every if fault is not FaultKind.NONE else 0)
    return RacePlan(recipe, Arrivals(args.customers, args.gap), faults, args.patience)


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"size must look like 1920x1080, not {text!r}") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise ValueError(f"size must be between 320x240 and 7680x4320, not {text}")
    return width, height


def snapshot_target(args: argparse.Namespace) -> tuple[Path, tuple[int, int]]:
    """The image file and window size of ``chefline snapshot``, checked."""
    out = Path(args.out)
    if out.suffix.lower() not in {".png", ".jpg", ".jpeg"}:
        raise ValueError(f"the snapshot must be a .png or .jpg file, not {out.name}")
    return out, parse_size(args.size)
