"""``chefline`` and ``python -m chefline``."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from chefline.process import AGENT_COMMAND, CHILD_COMMAND, MODEL_COMMAND

if TYPE_CHECKING:
    from chefline.kitchen.capacity import Sweep


def main(argv: Sequence[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if args[:1] == [CHILD_COMMAND]:  # a kitchen's own process, started by the app
        from chefline import child

        return child.main(args[1:])
    if args[:1] == [AGENT_COMMAND]:  # your app, served by its agent (a frozen Chefline)
        from chefline.agent.boot import run

        return int(run(args[1:]))
    if args[:1] == [MODEL_COMMAND]:  # the built-in model's own process, started by the app
        _leave_ctrl_c_to_the_app()
        from chefline.servers.llm.model_process import child_main

        return child_main(args[1:])
    # A stop signal while the command's modules load ends it at once, with the exit code the
    # command would give (130, 143); each command then installs its own handling.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _stop_while_loading)
    from chefline.client.customer_news import CUSTOMERS_COMMAND  # after gevent's patching

    if args[:1] == [CUSTOMERS_COMMAND]:  # the race's customers, started by the app
        _leave_ctrl_c_to_the_app()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        from chefline.client import customers  # their HTTP clients: only in their process

        return customers.main()
    # A frozen windowed app has no console: printing to None would crash it.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    from chefline.cli import main as cli_main

    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    return cli_main(args, window=run_windowed, picture=draw_sweep)


def draw_sweep(sweep: Sweep, path: Path, size: tuple[int, int]) -> None:
    """``chefline sweep --out``: the window's own drawing of the curve, offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from chefline.ui.sweep.curve_pictures import save_curve_picture

    save_curve_picture(sweep, path, size)


def _stop_while_loading(signum: int, _: object) -> None:
    raise SystemExit(128 + signum)


def _leave_ctrl_c_to_the_app() -> None:
    """A Ctrl+C in the terminal reaches the whole process group: the app stops the race and
    ends the model and the customers (by closing their stdin) in order; they must not die
    first, or the race's last news would be lost."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_windowed(args: argparse.Namespace) -> int:
    """Qt is imported only here, when a command needs the window, and only once it can load."""
    from chefline.cli.display_check import DisplayProblem, check_display
    from chefline.cli.exit_codes import BAD_INPUT

    if args.command in ("self-test", "snapshot"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # they draw unseen by default
    try:
        check_display()
    except DisplayProblem as problem:
        print(f"chefline: {problem}", file=sys.stderr)
        return BAD_INPUT
    from chefline import app

    if args.command == "self-test":
        return app.run_self_test(args)
    return app.run_snapshot(args) if args.command == "snapshot" else app.run_window(args)


if __name__ == "__main__":
    sys.exit(main())
