"""Process-wide settings a race needs, whatever front end starts it. No Qt."""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterator

CHILD_COMMAND = "_kitchen-child"
"""A kitchen's own process (``chefline.child``)."""
AGENT_COMMAND = "_your-app-agent"
"""Your app's agent on Chefline's own libraries (``chefline.agent``): a frozen Chefline's way
to serve an app that has no Python of its own."""
MODEL_COMMAND = "_model"
"""The built-in language model's own process (``chefline.servers.llm.model_process``)."""


def chefline_command(*args: str) -> list[str]:
    """How to start Chefline again as a process of its own (a kitchen, the customers, the
    model): the frozen executable itself, or this interpreter with ``-m chefline``."""
    frozen = getattr(sys, "frozen", False)
    program = [sys.executable] if frozen else [sys.executable, "-m", "chefline"]
    return [*program, *args]


def raise_open_file_limit() -> None:
    """Lift the soft open-file limit to the hard one.

    Client and servers share this process, so each order costs two descriptors; at the common
    soft limit of 1024 a 1000-order race fails with "Too many open files".
    """
    try:
        import resource
    except ImportError:  # Windows has no such limit to raise
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def freeze_startup_objects() -> None:
    """Move what start-up built out of the garbage collector's sight: a full collection
    then walks only what the app made since, not Qt's wrappers, modules and kitchens."""
    gc.freeze()


@contextlib.contextmanager
def race_collections() -> Iterator[None]:
    """A race in a process whose garbage collector runs by itself (the CLI, the customers):
    what exists when the race starts (modules, apps, kitchens) is set aside, so a full
    collection during the race walks only the race's own objects. Measured in ``chefline
    race``: one full collection in the kitchen's thread walked the whole heap for 97 ms,
    stopping every thread of the process, mid-burst. The window has its own collector."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


SWITCH_INTERVAL_S = 0.001
"""How often a thread holding the GIL hands it on. At Python's 5 ms, two hundred kitchen
threads waking from their waits queue for the GIL one switch each: a flask-threaded race of
120 orders of 0.5 s took ×1.8 of its CPU-measured expectation, ×1.0 at 1 ms (and a window's
frames halve at 5 ms)."""


def share_the_gil_finely() -> None:
    """Kitchens in this process (and a window) take turns at the GIL every millisecond."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
