"""Small, dependency-free statistics for race figures."""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (``q`` in 0..100) or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def peak_overlap(intervals: Sequence[tuple[float, float]]) -> int:
    """The largest number of intervals open at one instant (an end closes before a start opens)."""
    edges = [(start, 1) for start, _ in intervals] + [(end, -1) for _, end in intervals]
    edges.sort()
    peak = current = 0
    for _, delta in edges:
        current += delta
        peak = max(peak, current)
    return peak
