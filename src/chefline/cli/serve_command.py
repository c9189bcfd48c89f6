"""``chefline serve``: kitchens on loopback for anyone's load tool, until Ctrl+C."""

from __future__ import annotations

import argparse
import sys
import threading

from chefline.cli.options import chosen_modes, kitchen_settings
from chefline.cli.your_app_options import (
    check_your_app_options,
    curl_lines,
    header,
    start_from_options,
)
from chefline.kitchen.errors import BadInput
from chefline.process import raise_open_file_limit
from chefline.servers.kitchens import Kitchen, start_kitchen
from chefline.texts import translate


def run(args: argparse.Namespace, stop: threading.Event | None = None) -> int:
    check_your_app_options(args)
    names = chosen_modes(args) if args.mode or args.app is None else []
    settings = kitchen_settings(args)
    count = len(names) + (args.app is not None)  # your app takes the first port
    last = args.port + count - 1
    if args.port and not 1 <= args.port <= last <= 65535:
        # A flag out of range is refused, not quietly replaced by a free port.
        raise BadInput(f"--port must leave room for {count} kitchens up to 65535, "
                         f"not {args.port}")  # fmt: skip
    raise_open_file_limit()
    stop = stop or threading.Event()
    kitchens: list[Kitchen] = []
    try:
        if args.app is not None:
            kitchens.append(start_from_options(args, port=args.port))
            print(header(kitchens[0], None).partition(";")[0], file=sys.stderr)
        for offset, name in enumerate(names, start=len(kitchens)):
            port = args.port + offset if args.port else 0
            kitchens.append(start_kitchen(name, settings, port=port))
        for kitchen in kitchens:
            print(f"{kitchen.name:18} {kitchen.url}   {kitchen.mode.summary}")
        for kitchen in kitchens:
            if kitchen.notice:
                print(f"note: {kitchen.notice}")
        print()
        if args.app is not None:
            print("\n".join(curl_lines(kitchens[0])) + ("\n" if names else ""))
        if not names:  # your app alone
            print("\n" + translate("Cli", "Press Ctrl+C to close your app."), flush=True)
            return _wait(stop)
        example = next(kitchen.cook_url for kitchen in kitchens if kitchen.name in names)
        print("Order a dish (wait in seconds, dish io or cpu):")
        print(f'  curl "{example}?wait=0.5&dish=io"')
        print("Ten at once:")
        print(f'  seq 10 | xargs -P10 -I{{}} curl -s "{example}?wait=1&order={{}}" -o /dev/null')
        print("\nPress Ctrl+C to close the kitchens.", flush=True)
        return _wait(stop)
    finally:
        for kitchen in kitchens:
            kitchen.stop()


def _wait(stop: threading.Event) -> int:
    try:
        # wait() in short slices so that Ctrl+C is handled promptly on every platform.
        while not stop.wait(0.2):
            pass
    except KeyboardInterrupt:
        print("\nclosing the kitchens…")
    return 0
