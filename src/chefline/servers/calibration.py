"""A kitchen's own cost per order, measured when it opens: what the framework and the
route's bookkeeping cost the chef for an order that needs no cooking at all.

The ideal theory counts only the dishes' waits; at 200 orders a kitchen's own Python work
(parsing, validating, routing, recording) adds up, and in one interpreter it adds up in
series. Measuring it makes the gap between the ideal and the race explainable on screen.
"""

from __future__ import annotations

import http.client
import statistics
import time
from urllib.parse import urlsplit

WARM_UP = 5
ORDERS = 30
EMPTY_ORDER = "/cook?wait=0&prep=0&plate=0&race=calibration&order=0"


def own_cost_per_order(url: str, orders: int = ORDERS) -> float:
    """The median time, in seconds, of an empty order's round trip to the kitchen at
    ``url``, one order after another on one keep-alive connection (reopened when the
    kitchen closes it). The client's own part is a few tens of µs: a plain http.client."""
    parts = urlsplit(url)
    assert parts.hostname is not None and parts.port is not None
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    times = []
    try:
        for number in range(WARM_UP + orders):
            began = time.perf_counter()
            connection.request("GET", EMPTY_ORDER)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"the kitchen at {url} answered {response.status}")
            if number >= WARM_UP:
                times.append(time.perf_counter() - began)
    finally:
        connection.close()
    return statistics.median(times)
