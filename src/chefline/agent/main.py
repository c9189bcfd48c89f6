"""``serve``: load your app, wrap it in the watching middleware (and the loop watchdog or the
thread sampler), serve it on the socket Chefline handed down and tell Chefline what happens.
``routes``: load it and tell its routes, then end.

Messages go to Chefline as lines on stdout (``channel``); a reason to stop is one
``{"failed": {"why", "args"}}`` line, which Chefline says as one sentence.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from typing import Any

from .channel import Channel, hold_lifeline, race_id
from .findings import Findings
from .loading import LoadedApp, Refusal, load_app
from .middleware import AsgiOrders, WsgiOrders
from .places import OWN, Places, module_root
from .routes import routes_of
from .sampler import ThreadSampler
from .serving import (
    DEFAULT_SERVER,
    SPEAKS,
    serve_gevent,
    serve_gunicorn,
    serve_uvicorn,
    serve_waitress,
    serve_werkzeug,
)
from .threads import ThreadChefs
from .watchdog import DEFAULT_THRESHOLD_S, LoopWatchdog

EXIT_REFUSED = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chefline-agent")
    parser.add_argument("command", choices=["serve", "routes"])
    parser.add_argument("--target", required=True, help="path/to/app.py:app or package.module:app")
    parser.add_argument("--server", default="auto", choices=["auto", *SPEAKS])
    parser.add_argument("--fd", type=int, help="the listening socket Chefline bound")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn's workers")
    parser.add_argument("--threads", type=int, default=4, help="waitress's threads")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD_S,
                        help="seconds the loop may stand still before it is blocked")  # fmt: skip
    return parser


def interpreter() -> dict[str, Any]:
    """The interpreter your app runs on, told first: a reason not to serve names it."""
    return {"executable": sys.executable, "prefix": sys.prefix,
            "python": ".".join(str(n) for n in sys.version_info[:3])}  # fmt: skip


def describe(loaded: LoadedApp, server: str, places: Places) -> dict[str, Any]:
    """What Chefline shows of your app: its own routes (not those its framework adds, such as
    Litestar's /schema pages, whose functions live among the libraries)."""
    every = routes_of(loaded.app)
    own = [route for route in every
           if route["source"] is None or places.of(route["source"][0]) == OWN]  # fmt: skip
    # An app whose routes are all a library's (a two-line file serving datasette): all of them.
    return {"kind": loaded.kind, "server": server, "routes": own or every, **interpreter()}


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    channel = Channel()
    places = Places(os.path.dirname(os.path.abspath(__file__)), runner=sys.argv[0])
    findings = Findings(channel, places)
    watchdog: LoopWatchdog | None = None

    def flush(race: str) -> None:
        if watchdog is not None:
            watchdog.flush()
        findings.drain()
        channel.send({"flushed": race})

    channel.send({"interpreter": interpreter()})
    if args.command == "serve":  # stdin closing ends the kitchen, even mid-import
        hold_lifeline(channel, {"flush": flush})
    try:
        loaded = load_app(args.target)
        _own_files(loaded, places)
        server = DEFAULT_SERVER[loaded.kind] if args.server == "auto" else args.server
        channel.send({"app": describe(loaded, server, places)})
        if args.command == "routes":
            return _end(args.command, 0)
        if SPEAKS[server] != loaded.kind:
            raise Refusal("kind-mismatch", args.target, loaded.kind.upper(), server,
                          SPEAKS[server].upper(), DEFAULT_SERVER[loaded.kind])  # fmt: skip
        sock = socket.socket(fileno=args.fd)
        if server == "uvicorn":
            orders = AsgiOrders(loaded.app, channel, findings)
            watchdog = LoopWatchdog(orders, channel, places, findings, args.threshold)
            chefs = ThreadChefs(channel, findings, orders)
            orders.moved = chefs.moved

            def started(loop: Any) -> None:
                assert watchdog is not None
                watchdog.start_on(loop)
                chefs.watch_thread_pool(watchdog.spans)  # a `def` route's chef: its thread
                channel.send({"ready": os.getpid()})

            if not serve_uvicorn(orders, sock, started):
                failure = orders.startup_failure or "its start-up failed"
                raise Refusal("startup-failed", args.target, failure)
            return _end(args.command, 0)
        _hear_flask_errors(loaded.app, findings)
        ready = lambda: channel.send({"ready": os.getpid()})  # noqa: E731
        if server == "gunicorn":
            wsgi = WsgiOrders(loaded.app, channel, findings, chef_kind="process",
                              chef_of=lambda: f"worker-{os.getpid()}")  # fmt: skip
            serve_gunicorn(wsgi, sock, args.workers, channel)
        elif server == "gevent":
            wsgi = WsgiOrders(loaded.app, channel, findings, chef_kind="greenlet", shared=True)
            serve_gevent(wsgi, sock, ready)
        else:
            wsgi = WsgiOrders(loaded.app, channel, findings, sampler=ThreadSampler())
            if server == "waitress":
                serve_waitress(wsgi, sock, args.threads, ready)
            else:
                serve_werkzeug(wsgi, sock, server == "werkzeug-threaded", ready)
    except Refusal as refusal:
        channel.send({"failed": refusal.to_json()})
        return _end(args.command, EXIT_REFUSED)
    return _end(args.command, 0)


def _end(command: str, code: int) -> int:
    """The exit code; a server's process ends here at once, its lifeline thread still
    reading stdin (Python's own shutdown would wait on that read's lock, and abort)."""
    if command == "serve":
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _own_files(loaded: LoadedApp, places: Places) -> None:
    """An app that is itself an installed package (datasette): its own files are its
    package's, though they live among the libraries."""
    filename = getattr(loaded.module, "__file__", None)
    if filename and places.of(filename) != OWN:
        places.set_app_root(module_root(filename, loaded.module_name))


def _hear_flask_errors(app: Any, findings: Findings) -> None:
    """Flask answers 500 itself and logs the traceback; the race notes the error too."""
    flask = sys.modules.get("flask")
    if flask is None or not isinstance(app, flask.Flask):
        return

    def heard(sender: Any, exception: BaseException, **_: Any) -> None:
        race = race_id(flask.request.headers.get("x-chefline-race"))
        if race is not None:
            findings.note_raise(race, exception)

    flask.got_request_exception.connect(heard, app, weak=False)
