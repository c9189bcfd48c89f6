"""``chefline _kitchen-child SERVER --fd N --name KITCHEN``: the entry of a kitchen's own
process, served by gevent or gunicorn (the ``ServerKind`` of the mode's ``serving``).

Kept apart from ``chefline.servers`` (whose package imports Flask, FastAPI and httpx) so that
gevent can patch the process before any of them is imported: ``chefline.kitchen.modes.
serving`` and ``chefline.process`` import nothing that gevent patches.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from chefline.kitchen.modes.serving import ServerKind
from chefline.process import CHILD_COMMAND

SERVERS = tuple(kind.value for kind in ServerKind if kind.own_process)
"""The servers that run a kitchen in processes of its own."""


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"chefline {CHILD_COMMAND}")
    parser.add_argument("server", choices=SERVERS)
    parser.add_argument("--fd", type=int, required=True, help="the listening socket")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--name", required=True, help="the kitchen's name, for its events")
    args = parser.parse_args(argv)
    server = ServerKind(args.server)
    if server is ServerKind.GEVENT:
        # Before anything imports socket, threading or time: that is what gets patched.
        from gevent import monkey

        monkey.patch_all()
    from chefline.servers.own_process.child_kitchen import serve

    serve(server, args.fd, args.workers, args.name)
    return 0
