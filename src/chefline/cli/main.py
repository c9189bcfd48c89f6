"""``chefline`` on the command line: parse, check, run, report; never a traceback for bad input."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Sequence

from chefline import __version__
from chefline.cli import exit_codes, race_command, rehearse_command, serve_command, sweep_command
from chefline.cli.argparse_words import speak_the_users_language
from chefline.cli.options import (
    add_file_options,
    add_kitchen_options,
    add_race_options,
    add_speed_options,
    check_files,
    chosen_modes,
    race_plan,
    snapshot_target,
)
from chefline.cli.table import modes_table
from chefline.cli.your_app_options import add_your_app_options, check_your_app_options
from chefline.kitchen.errors import BadInput, ChefError, YourAppError
from chefline.texts import translate

WindowRunner = Callable[[argparse.Namespace], int]
"""Runs a windowed command ("window", "snapshot"); given by the caller so this stays Qt-free."""


def build_parser() -> argparse.ArgumentParser:
    speak_the_users_language()
    epilog = translate("Cli", exit_codes.EXIT_CODES_HELP)
    parser = argparse.ArgumentParser(
        prog="chefline",
        description=translate(
            "Cli", "Real Flask and FastAPI kitchens racing the same orders, measured."
        ),
        epilog=epilog,
    )
    parser.add_argument("--version", action="version", version=f"chefline {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=translate(
            "Cli", "run a short real race in the window (offscreen), check it, exit 0 or 1"
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_command = functools.partial(commands.add_parser, epilog=epilog)  # exit codes in each

    window = add_command("window", help=translate("Cli", "open the window (the default command)"))
    add_kitchen_options(window)
    add_race_options(window)
    window.add_argument(
        "--serve", action="store_true", help=translate("Cli", "serve the orders at once")
    )
    add_file_options(window)
    add_your_app_options(window)

    snapshot = add_command(
        "snapshot",
        help=translate("Cli", "run a real race in the window offscreen and save it as an image"),
    )
    add_kitchen_options(snapshot)
    add_race_options(snapshot)
    snapshot.add_argument(
        "--out", default="race.png", help=translate("Cli", "image file (default race.png)")
    )
    snapshot.add_argument(
        "--size", default="1920x1080", help=translate("Cli", "window size (default 1920x1080)")
    )
    snapshot.add_argument(
        "--scene",
        type=int,
        metavar="N",
        help=translate("Cli", "show scene N of the talk and serve its race instead"),
    )
    snapshot.add_argument("--theme", choices=["light", "dark", "contrast"], default="light")
    snapshot.add_argument(
        "--language",
        choices=["en", "zh_CN"],
        help=translate("Cli", "the window's language (default: the system's)"),
    )
    snapshot.add_argument(
        "--full-screen", action="store_true", help=translate("Cli", "full screen, as in a talk")
    )
    add_file_options(snapshot)
    add_your_app_options(snapshot)

    add_command("modes", help=translate("Cli", "list the kitchen modes"))

    race = add_command(
        "race", help=translate("Cli", "race kitchens headless and print the comparison")
    )
    add_kitchen_options(race)
    add_race_options(race)
    add_your_app_options(race)
    race.add_argument(
        "--json", action="store_true", help=translate("Cli", "print every order's full timeline")
    )
    race.add_argument(
        "--trace",
        metavar="FILE.json",
        help=translate(
            "Cli", "also write the race as a trace for ui.perfetto.dev or chrome://tracing"
        ),
    )

    sweep = add_command(
        "sweep",
        help=translate(
            "Cli", "the capacity curve: each kitchen raced alone at rising loads, with its knee"
        ),
    )
    add_kitchen_options(sweep, sweep_command.DEFAULT_KITCHENS)
    sweep_command.add_options(sweep)

    rehearse = add_command(
        "rehearse",
        help=translate("Cli", "run every scene of the talk and check that it shows what it says"),
    )
    add_kitchen_options(rehearse)
    rehearse_command.add_options(rehearse)

    serve = add_command("serve", help=translate("Cli", "run kitchens on loopback until Ctrl+C"))
    add_kitchen_options(serve)
    add_speed_options(serve)
    add_your_app_options(serve)
    serve.add_argument(
        "--port",
        type=int,
        default=0,
        help=translate(
            "Cli", "port of the first kitchen, the next ones count up (default: free ports)"
        ),
    )
    return parser


def main(
    argv: Sequence[str] | None = None,
    window: WindowRunner | None = None,
    picture: sweep_command.PictureWriter | None = None,
) -> int:
    """``window`` runs the windowed commands and ``picture`` draws a sweep's curve: both
    are Qt's, handed in by the caller so that the command line stays Qt-free."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        args.command = "self-test"
    elif args.command is None and window is not None:
        args = parser.parse_args(["window"])
        args.self_test = False
    try:
        if args.command == "self-test":
            if window is None:
                print("chefline: this build has no window to test", file=sys.stderr)
                return exit_codes.BAD_INPUT
            return window(args)
        if args.command in ("window", "snapshot"):
            if window is None:
                print("chefline: this build has no window; try `chefline race`", file=sys.stderr)
                return exit_codes.BAD_INPUT
            chosen_modes(args)
            race_plan(args)
            check_your_app_options(args)
            if args.command == "snapshot":
                snapshot_target(args)
                check_files(args)  # nobody would see a dialog: a bad file is exit 2
            return window(args)
        if args.command == "modes":
            print(modes_table())
            return 0
        if args.command == "race":
            return race_command.run(args)
        if args.command == "serve":
            return serve_command.run(args)
        if args.command == "sweep":
            return sweep_command.run(args, picture)
        if args.command == "rehearse":
            return rehearse_command.run(args)
    except (BadInput, YourAppError) as error:  # what the user gave: their input, their app
        print(f"chefline: {error}", file=sys.stderr)
        return exit_codes.BAD_INPUT
    except ChefError as error:  # a kitchen, the model, the customers
        print(f"chefline: {error}", file=sys.stderr)
        return exit_codes.FAILED
    parser.print_help()
    return exit_codes.OK
