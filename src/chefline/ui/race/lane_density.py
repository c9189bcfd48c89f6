"""What a lane shows when its pieces are thinner than a pixel: in each pixel, the look that
took most of its time — never whichever piece happened to be drawn last.

A chef stuck at the pot for 200 s, with a few milliseconds free between dishes, is 200 s of
"stuck" and 200 slivers of "free": drawn piece by piece, each sliver at least a pixel wide,
the free slivers painted over the stuck ones and the lane read "free". Here the pieces are
added up pixel by pixel first, and runs of pixels with the same winner come back as spans.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import TypeVar

L = TypeVar("L")
Span = tuple[float, float, L]
"""Start and end (seconds) and what it looks like."""


def dominant_runs(spans: Iterable[Span[L]], x_of: Callable[[float], float]
                  ) -> list[tuple[float, float, L]]:  # fmt: skip
    """``spans`` of one lane, in time order and not overlapping, as runs of whole pixels
    (x from, x to, look): a pixel crossed by several spans takes the look that covered most
    of it; spans of a pixel or more keep their own edges."""
    runs: list[tuple[float, float, L]] = []
    bucket: dict[L, float] = {}
    bucket_px: int | None = None

    def emit(x0: float, x1: float, look: L) -> None:
        if runs and runs[-1][2] == look and abs(runs[-1][1] - x0) < 1e-6:
            runs[-1] = (runs[-1][0], x1, look)
        else:
            runs.append((x0, x1, look))

    def flush() -> None:
        nonlocal bucket_px
        if bucket_px is not None and bucket:
            winner = max(bucket, key=bucket.__getitem__)
            emit(float(bucket_px), float(bucket_px + 1), winner)
        bucket.clear()
        bucket_px = None

    def add(px: int, share: float, look: L) -> None:
        nonlocal bucket_px
        if bucket_px is not None and px != bucket_px:
            flush()
        bucket_px = px
        bucket[look] = bucket.get(look, 0.0) + share

    for t0, t1, look in spans:
        x0, x1 = x_of(t0), x_of(t1)
        if x1 <= x0:
            continue
        p0, p1 = math.floor(x0), math.floor(x1)
        if p0 == p1:  # all inside one pixel
            add(p0, x1 - x0, look)
            continue
        add(p0, p0 + 1 - x0, look)  # the part of its first pixel
        flush()
        if p1 > p0 + 1:  # whole pixels: its own
            emit(float(p0 + 1), float(p1), look)
        if x1 > p1:
            add(p1, x1 - p1, look)  # the part of its last pixel
    flush()
    return runs
