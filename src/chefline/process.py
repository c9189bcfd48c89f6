"""Process-wide settings a race needs, whatever front end starts it. No Qt."""

from __future__ import annotations

import contextlib
import gc


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


class FullCollections:
    """Keeps Python's full (generation 2) garbage collections out of a race.

    A full collection walks every object of the process (Qt wrappers, modules, 200 server
    threads' frames) and stalled the window for 60-90 ms mid-race. ``freeze`` moves what
    start-up built out of the collector's sight; during a race full collections wait, and one
    runs when the race is over and nothing moves.
    """

    _saved: tuple[int, int, int] | None = None

    @staticmethod
    def freeze_startup_objects() -> None:
        gc.freeze()

    @classmethod
    def pause(cls) -> None:
        if cls._saved is None:
            cls._saved = gc.get_threshold()
            young, middle, _ = cls._saved
            gc.set_threshold(young, middle, 1_000_000)

    @classmethod
    def resume(cls) -> None:
        if cls._saved is not None:
            gc.set_threshold(*cls._saved)
            cls._saved = None
            gc.collect()
