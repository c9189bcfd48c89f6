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
