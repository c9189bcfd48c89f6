"""A kitchen's own work per order, measured when it opens: the CPU its process spends on an
order that needs no cooking at all (parsing, validating, routing, recording, answering).

The ideal theory counts only the dishes' waits; at 200 orders a kitchen's own Python work
adds up, and in one interpreter it adds up in series. Measuring it makes the gap between the
ideal and the race explainable on screen.

What is measured is CPU time, not a round trip: empty orders go one after another, each on a
new connection as a race's customers send theirs, and the kitchen's CPU clock is read before
and after (the app's process less the sender's own thread for a kitchen inside the app; its
processes for a kitchen of its own). The main thread is taken off too where the system can
read another thread's clock (Linux): no kitchen cooks there, and a window building itself
beside a calibration was counted as kitchen work (2.4 ms an order for flask-threaded where
it spends 1.1). A round trip would count the sender, the loopback and,
with kitchens opening side by side, each other's turns: 15 ms an order where the kitchen spent
0.5 (the gap explained was off by 2× with four kitchens). One kitchen calibrates at a time.
"""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

WARM_UP = 5
ORDERS = 40
EMPTY_ORDER = "/cook?wait=0&prep=0&plate=0&race=calibration&order=0"
_ONE_AT_A_TIME = threading.Lock()
"""Kitchens in the app share its CPU clock: two calibrating at once would count each other."""

CpuClock = Callable[[], float]
"""The CPU seconds the kitchen's process(es) have used so far."""


def own_cost_per_order(url: str, kitchen_cpu: CpuClock, in_app: bool,
                       orders: int = ORDERS) -> float:  # fmt: skip
    """Seconds of the kitchen's own CPU per empty order, at ``url``. ``kitchen_cpu`` reads
    its CPU clock; ``in_app``: that clock is the app's whole process, whose sender thread
    (this one) is taken off."""
    parts = urlsplit(url)
    assert parts.hostname is not None and parts.port is not None
    host, port = parts.hostname, parts.port
    with _ONE_AT_A_TIME:
        for _ in range(WARM_UP):
            _one_order(host, port)
        began, sender_began, main_began = kitchen_cpu(), time.thread_time(), _main_thread_cpu()
        for _ in range(orders):
            _one_order(host, port)
        spent = kitchen_cpu() - began
        if in_app:
            spent -= time.thread_time() - sender_began
            spent -= _main_thread_cpu() - main_began
    return max(spent, 0.0) / orders


def _main_thread_cpu() -> float:
    """The CPU seconds of the process's main thread (the window's, or the command line's
    loop), 0 where another thread's clock cannot be read or from the main thread itself."""
    main = threading.main_thread()
    if main is threading.current_thread() or not hasattr(time, "pthread_getcpuclockid"):
        return 0.0
    try:
        return time.clock_gettime(time.pthread_getcpuclockid(main.ident or 0))
    except OSError:
        return 0.0


def _one_order(host: str, port: int) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=5)
    try:
        connection.request("GET", EMPTY_ORDER, headers={"Connection": "close"})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"the kitchen at {host}:{port} answered {response.status}")
    finally:
        connection.close()
