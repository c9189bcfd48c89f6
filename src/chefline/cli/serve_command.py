"""``chefline serve``: kitchens on loopback for anyone's load tool, until Ctrl+C or SIGTERM.

The kitchens open through the engine (``Restaurant``) as a race's do, with the built-in
model behind ``POST /chat``: curl or a load tool can order the LLM dish too. A kitchen that
dies while serving ends the command with exit code 4 and a sentence; Ctrl+C and SIGTERM
close every kitchen and the model, then exit 0 (that is how ``serve`` is meant to end).
"""

from __future__ import annotations

import argparse
import sys
import threading

from chefline.cli import exit_codes
from chefline.cli.options import chosen_modes, kitchen_settings, model_speed
from chefline.cli.stop_signals import StopSignals
from chefline.cli.your_app_options import (
    check_your_app_options,
    curl_lines,
    header,
    start_from_options,
)
from chefline.engine import Restaurant
from chefline.kitchen.errors import BadInput
from chefline.process import raise_open_file_limit
from chefline.texts import QT_TRANSLATE_NOOP, translate

WATCH_S = 0.2
"""How often the kitchens are looked at (and Ctrl+C gets its turn on every platform)."""
DIED = QT_TRANSLATE_NOOP("Cli", "chefline: the {0} kitchen died; closing the others")


def run(args: argparse.Namespace, stop: threading.Event | None = None) -> int:
    check_your_app_options(args)
    names = chosen_modes(args) if args.mode or args.app is None else []
    settings = kitchen_settings(args)
    speed = model_speed(args)
    count = len(names) + (args.app is not None)  # your app takes the first port
    last = args.port + count - 1
    if args.port and not 1 <= args.port <= last <= 65535:
        # A flag out of range is refused, not quietly replaced by a free port.
        raise BadInput(f"--port must leave room for {count} kitchens up to 65535, "
                         f"not {args.port}")  # fmt: skip
    raise_open_file_limit()
    stop = stop or threading.Event()
    restaurant = Restaurant(settings)
    signals = StopSignals()
    with signals.installed():
        try:
            if args.app is not None:
                yours = start_from_options(args, port=args.port)
                restaurant.put_your_app(yours, first=True)
                print(header(yours, None).partition(";")[0], file=sys.stderr)
            first = args.port + (args.app is not None) if args.port else 0
            ports = {name: first + offset for offset, name in enumerate(names)} if first else {}
            if names:
                restaurant.use_builtin_model(speed)  # POST /chat answers, as in a race
            restaurant.open_or_raise(names, ports)
            _introduce(restaurant, names)
            return _watch(restaurant, stop)
        except KeyboardInterrupt:
            print("\n" + translate("Cli", "closing the kitchens…"), flush=True)
            return exit_codes.OK
        finally:
            restaurant.close()


def _introduce(restaurant: Restaurant, names: list[str]) -> None:
    kitchens = restaurant.kitchens
    for kitchen in kitchens:
        print(f"{kitchen.name:18} {kitchen.url}   {kitchen.mode.summary}")
    for kitchen in kitchens:
        if kitchen.notice:
            print(f"note: {kitchen.notice}")
    print()
    for yours in restaurant.your_apps:  # how to order from your app by hand
        print("\n".join(curl_lines(yours)) + ("\n" if names else ""))
    if not names:  # your app alone
        print(translate("Cli", "Press Ctrl+C to close your app."), flush=True)
        return
    example = next(kitchen for kitchen in kitchens if kitchen.name in names)
    print(translate("Cli", "Order a dish (wait in seconds, dish io or cpu):"))
    print(f'  curl "{example.cook_url}?wait=0.5&dish=io"')
    print(translate("Cli", "Ten at once:"))
    print(f'  seq 10 | xargs -P10 -I{{}} curl -s "{example.cook_url}?wait=1&order={{}}" '
          "-o /dev/null")  # fmt: skip
    print(translate("Cli", "Ask the built-in model (the LLM dish, streamed):"))
    print(f"  curl -N {example.chat_url} -H 'content-type: application/json' "
          """-d '{"prompt": "Hello", "max_tokens": 8}'""")  # fmt: skip
    print("\n" + translate("Cli", "Press Ctrl+C to close the kitchens."), flush=True)


def _watch(restaurant: Restaurant, stop: threading.Event) -> int:
    """Until ``stop`` is set (or Ctrl+C): 0; a kitchen that dies: 4, with a sentence."""
    while not stop.wait(WATCH_S):
        down = restaurant.kitchens_down()
        if down:
            print(translate("Cli", DIED).format(", ".join(down)), flush=True)
            return exit_codes.KITCHEN_DIED
    return exit_codes.OK
