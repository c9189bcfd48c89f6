"""Ideal makespans: what a perfect server of each shape would take, with no overhead at all.

Measurements are compared against these; a ratio near 1.0 means the kitchen (and the client
measuring it) added little of its own.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from chefline.kitchen.recipe import Recipe


def fifo_makespan(arrivals: Sequence[float], service: float, servers: int | None) -> float:
    """Orders served first come, first served by ``servers`` identical chefs (None: unlimited)."""
    if not arrivals:
        return 0.0
    if servers is None or servers >= len(arrivals):
        return max(a + service for a in arrivals) - arrivals[0]
    free_at = [arrivals[0]] * servers
    finish = 0.0
    for arrival in arrivals:
        start = max(arrival, heapq.heappop(free_at))
        finish = start + service
        heapq.heappush(free_at, finish)
    return finish - arrivals[0]


def event_loop_makespan(arrivals: Sequence[float], recipe: Recipe) -> float:
    """One thread that preps each order, awaits its wait, and plates it when the wait is over.

    Preps run one after another on the loop; the waits overlap. Plating contention is ignored,
    which makes this a slight underestimate for very large bursts.
    """
    if not arrivals:
        return 0.0
    loop_free = arrivals[0]
    finish = 0.0
    for arrival in arrivals:
        prep_start = max(arrival, loop_free)
        loop_free = prep_start + recipe.prep
        finish = max(finish, loop_free + recipe.wait + recipe.plate)
    return finish - arrivals[0]


def shared_cpu_makespan(
    arrivals: Sequence[float], service: float, servers: int | None, cores: int
) -> float:
    """CPU-bound orders: at most ``servers`` at once, and never faster than the cores allow."""
    if not arrivals:
        return 0.0
    fifo = fifo_makespan(arrivals, service, servers)
    parallel = min(servers or len(arrivals), cores, len(arrivals))
    return max(fifo, len(arrivals) * service / parallel)


# -- each order's time, not only the last one's: the theory of a latency percentile ----------


def fifo_latencies(arrivals: Sequence[float], service: float, servers: int | None) -> list[float]:
    """Each order's time from its arrival to its dish, served first come, first served by
    ``servers`` identical chefs (None: unlimited). ``arrivals`` in time order."""
    if servers is None or servers >= len(arrivals):
        return [service] * len(arrivals)
    free_at = [arrivals[0]] * servers if arrivals else []
    latencies = []
    for arrival in arrivals:
        finish = max(arrival, heapq.heappop(free_at)) + service
        heapq.heappush(free_at, finish)
        latencies.append(finish - arrival)
    return latencies


def event_loop_latencies(arrivals: Sequence[float], recipe: Recipe) -> list[float]:
    """Each order's time on one event loop: preps in a row, the waits overlapping."""
    loop_free = arrivals[0] if arrivals else 0.0
    latencies = []
    for arrival in arrivals:
        loop_free = max(arrival, loop_free) + recipe.prep
        latencies.append(loop_free + recipe.wait + recipe.plate - arrival)
    return latencies


def shared_cpu_latencies(
    arrivals: Sequence[float], service: float, servers: int | None, cores: int
) -> list[float]:
    """CPU-bound orders: at most as many cook at once as there are chefs and cores."""
    parallel = min(servers or len(arrivals) or 1, cores)
    return fifo_latencies(arrivals, service, parallel)
