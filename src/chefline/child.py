"""``chefline _kitchen-child MODE --fd N``: the entry of a kitchen's own process.

Kept apart from ``chefline.servers`` (whose package imports Flask, FastAPI and httpx) so that
gevent can patch the process before any of them is imported.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

CHILD_COMMAND = "_kitchen-child"
GEVENT = "flask-gevent"
PROCESSES = "flask-processes"
MODES = (GEVENT, PROCESSES)
"""The kitchens that run in processes of their own."""
MODEL_COMMAND = "_model"
"""The built-in language model's own process (``chefline.servers.model_process``)."""


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"chefline {CHILD_COMMAND}")
    parser.add_argument("mode", choices=MODES)
    parser.add_argument("--fd", type=int, required=True, help="the listening socket")
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args(argv)
    if args.mode == GEVENT:
        # Before anything imports socket, threading or time: that is what gets patched.
        from gevent import monkey

        monkey.patch_all()
    from chefline.servers.child_kitchen import serve

    serve(args.mode, args.fd, args.workers)
    return 0
