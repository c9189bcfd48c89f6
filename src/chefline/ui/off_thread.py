"""Blocking work (a call to a model, a request to a kitchen) without freezing the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from chefline.client.off_loop import in_a_thread

T = TypeVar("T")


async def off_gui_thread(work: Callable[[], T]) -> T:
    """Run ``work`` in a plain daemon thread and await its result on the GUI's loop (not the
    loop's executor: qasync's executor outlives the app and complains at exit)."""
    return await in_a_thread(work, "chefline-off-gui")
