"""What watching your app costs, counted: the instructions your app's process runs per order,
bare against watched (``agent_sides.py``: the same agent serving code, with and without the
watching), under valgrind (cachegrind, no cache simulation).

CPU time per request under wrk scatters by ±15 % between runs of the same server on this
machine (an A/A run: bare against bare), more than the cost being measured. An instruction
count scatters far less: the same side counted twice differs by about 1 % (up to 3 % under
werkzeug-threaded, whose sampler's looks follow the clock). The count leaves out what the
kernel does and what caches cost; the CPU-time rows in ``your_app.py`` keep those.

Each side is counted at two numbers of orders and the difference taken, so that start-up and
stop (imports, the app's loading) cancel out. Under valgrind the process runs tens of times
slower (the bare side's wall time per order ÷ its CPU time per order under wrk, where the
server is saturated and the two are one: the slowdown; wall time, because the timers below
follow the wall clock, and the two counted runs share the cores as the watched ones do). The
watching's timed work (the watchdog's heartbeats, looks and threshold, the sampler's looks)
would then weigh that many times more per order than in real life, and every order would last
long enough (1 ms) to be drawn with an awaited step, which a plain route under wrk makes for 1
order in 900; so on the watched side those times are stretched by the slowdown. A route that
awaits something for a millisecond or more does pay that step: one event, about 2 % of a
plain route. A full garbage collection in one run and not the other would count tens of millions
of instructions as the orders' work, so both sides set the heap their app made aside.

Run by ``your_app.py``; as a script (``python counted_orders.py customers PORT N``) it is the
customers' process, which valgrind does not count.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from agent_sides import Side

FEW, MANY = 200, 1200
"""The two numbers of orders each side is counted at."""
CONNECTIONS = 4
REQUEST = (
    b"GET /plain HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"x-chefline-race: bench\r\nx-chefline-order: 1\r\n\r\n"
)
"""Every request of both sides is an order of a race, as the customers send them."""


def customers(port: int, orders: int) -> None:
    """Sends ``orders`` orders, one at a time on each of a few connections, kept alive where the
    server allows (werkzeug closes each); checks each answer is a 200 with the route's body."""
    address = ("127.0.0.1", port)
    connections = [socket.create_connection(address) for _ in range(CONNECTIONS)]
    for _ in range(orders // CONNECTIONS):
        for connection in connections:
            connection.sendall(REQUEST)
        for index, connection in enumerate(connections):
            answer = b""
            while not answer.rstrip().endswith(b'{"ok":true}'):
                piece = connection.recv(65536)
                assert piece, "the server closed the connection before answering"
                answer += piece
            assert answer.startswith(b"HTTP/1.1 200"), answer[:80]
            if b"Connection: close" in answer:
                connection.close()
                connections[index] = socket.create_connection(address)


def _counted(kind: str, side: str, orders: int, slowdown: float) -> tuple[int, float]:
    """Instructions the side's whole process ran, start to stop, and its seconds."""
    began = time.perf_counter()
    serving = Side(kind, side, slowdown if side == "watched" else 1.0, valgrind=True)
    # The customers are another process, which valgrind does not follow.
    subprocess.run([sys.executable, __file__, "customers", str(serving.port), str(orders)],
                   check=True)  # fmt: skip
    out = serving.stop()
    found = re.search(r"I\s+refs:\s+([\d,]+)", out)
    assert found is not None, out[-2000:]
    return int(found.group(1).replace(",", "")), time.perf_counter() - began


def per_order(kind: str, side: str, slowdown: float = 1.0) -> tuple[float, float]:
    """Instructions and seconds per order on one side: the difference between MANY and FEW
    orders (the two runs side by side, one per core)."""
    with ThreadPoolExecutor(2) as pool:
        (few, few_s), (many, many_s) = pool.map(
            lambda n: _counted(kind, side, n, slowdown), (FEW, MANY)
        )
    return (many - few) / (MANY - FEW), (many_s - few_s) / (MANY - FEW)


def counted_overhead(kind: str, bare_cpu_s: float) -> tuple[float, float, float]:
    """Instructions per order bare and watched, and the slowdown under valgrind (from the bare
    side's seconds per order and ``bare_cpu_s``, its CPU time per order under wrk)."""
    bare, bare_s = per_order(kind, "bare")
    slowdown = max(1.0, bare_s / bare_cpu_s)
    watched, _ = per_order(kind, "watched", slowdown)
    return bare, watched, slowdown


if __name__ == "__main__":
    customers(int(sys.argv[2]), int(sys.argv[3]))
