"""How long customers spent in each restaurant, binned on one time axis shared by all kitchens."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

NICE_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ at or above ``value``: an axis
    end that reads well and wastes at most a fifth of the width."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(step * power for step in NICE_STEPS if step * power >= value * (1 - 1e-12))


@dataclass(frozen=True, slots=True)
class SharedHistogram:
    """Counts per kitchen over the same bins, so a long tail and a tight peak line up."""

    edges: tuple[float, ...]
    """``bins + 1`` bin edges in seconds, from 0."""
    counts: dict[str, tuple[int, ...]]
    """For each kitchen, how many served orders took a time within each bin."""

    @property
    def span(self) -> float:
        return self.edges[-1]

    @property
    def bins(self) -> int:
        return len(self.edges) - 1

    def tallest(self, kitchen: str) -> int:
        return max(self.counts.get(kitchen, ()), default=0)


def shared_histogram(
    latencies: Mapping[str, Sequence[float]], bins: int, span: float | None = None
) -> SharedHistogram:
    """Bin every kitchen's times over 0..``span`` (default: the slowest order, rounded up
    to a nice number); a time at the axis end falls in the last bin, beyond it is left out."""
    if bins < 1:
        raise ValueError(f"a histogram needs at least one bin, not {bins}")
    if span is None:
        span = nice_ceiling(max((max(v, default=0.0) for v in latencies.values()), default=0.0))
    width = span / bins
    edges = (*(width * i for i in range(bins)), span)
    counts: dict[str, tuple[int, ...]] = {}
    scale, last = bins / span, bins - 1
    for kitchen, values in latencies.items():
        tally = [0] * bins
        for value in values:  # drawn every few frames during a race: kept lean
            if 0.0 <= value <= span:
                index = int(value * scale)
                tally[index if index < last else last] += 1
        counts[kitchen] = tuple(tally)
    return SharedHistogram(edges, counts)
