"""The thread sampler of a WSGI kitchen: it looks at slow orders, and a stream of quick ones
does not wake it once per order (under wrk that cost 50-85 µs of CPU an order)."""

import threading
import time

from chefline.agent import sampler as thread_sampler
from chefline.agent.sampler import ThreadSampler


class CountingEvent(threading.Event):
    def __init__(self) -> None:
        super().__init__()
        self.clears = 0

    def clear(self) -> None:
        self.clears += 1
        super().clear()


def test_quick_orders_keep_the_sampler_up_and_a_quiet_kitchen_parks_it():
    sampler = ThreadSampler()
    sampler._wake = CountingEvent()
    assert sampler.usable  # Linux: each thread's CPU clock can be read
    try:
        until = time.monotonic() + 0.3
        while time.monotonic() < until:  # quick orders, a millisecond apart
            sampler.enter()
            sampler.leave()
            time.sleep(0.001)
        assert sampler._wake.clears == 0  # it looked every 20 ms; it never went to sleep
        time.sleep(thread_sampler.PARK_AFTER_S + 0.2)
        assert sampler._wake.clears == 1 and not sampler._wake.is_set()  # quiet: parked
        # The next order wakes it, and a slow one is looked at: stuck at the pot.
        sampler.enter()
        time.sleep(0.15)
        segments = sampler.leave()
        assert sampler._wake.is_set()
        stuck = sum(end - start for start, end, working in segments if not working)
        assert stuck >= 0.1  # its CPU clock stood still while it slept
    finally:
        sampler.stop()
