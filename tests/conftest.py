import os

# Every Qt test runs headless, whoever calls pytest.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import asyncio

import pytest

from chefline.client import RacePlan, RaceResult, RaceRunner


@pytest.fixture
def race():
    """Run one real race on a fresh asyncio loop and return its result."""

    def run(kitchens, plan: RacePlan, listener=None) -> RaceResult:
        return asyncio.run(RaceRunner(kitchens, plan, listener=listener).run())

    return run


@pytest.fixture
def qloop(qapp):
    """The app's qasync loop; run a test's async part with ``qloop.run_until_complete``."""
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)
    loop.close()  # now, while Qt still exists; at garbage collection it would be too late


@pytest.fixture
def wait_for_signal():
    """``await wait_for_signal(sig, timeout)``: one emission of a Qt signal, on the loop."""
    return _wait_for_signal


async def _wait_for_signal(signal, timeout: float):
    future = asyncio.get_running_loop().create_future()

    def fire(*args):
        if not future.done():
            future.set_result(args)

    signal.connect(fire)
    try:
        return await asyncio.wait_for(future, timeout)
    finally:
        signal.disconnect(fire)
