"""Blocking work (a call to a model, a request to a kitchen) without freezing the window."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def off_gui_thread(work: Callable[[], T]) -> T:
    """Run ``work`` in a plain daemon thread and await its result on the GUI's loop.

    Not the loop's executor: qasync's executor outlives the app and complains at exit.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        try:
            result = work()
        except BaseException as error:  # handed to the awaiting coroutine
            loop.call_soon_threadsafe(settle, None, error)
        else:
            loop.call_soon_threadsafe(settle, result, None)

    threading.Thread(target=run, name="chefline-off-gui", daemon=True).start()
    return await future
