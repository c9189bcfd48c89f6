"""A logarithmic axis: decades, with 2 and 5 between them when the range is short."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LogAxis:
    """Values from ``low`` to ``high`` (both > 0), mapped onto pixels from ``start`` to
    ``end`` (``end`` < ``start`` for a y axis, which grows upwards)."""

    low: float
    high: float
    start: float = 0.0
    end: float = 1.0

    @classmethod
    def spanning(cls, values: Iterable[float], floor: float = 1e-3) -> LogAxis:
        """Whole decades around the positive ``values`` (at least one decade)."""
        known = [v for v in values if v > 0 and math.isfinite(v)] or [1.0]
        low = 10 ** math.floor(math.log10(max(min(known), floor)))
        high = 10 ** math.ceil(math.log10(max(max(known), low)))
        if high <= low:
            high = low * 10
        return cls(low, high)

    @classmethod
    def snug(cls, values: Iterable[float], floor: float = 1e-3) -> LogAxis:
        """From the 1-2-5 mark at or below the least of ``values`` to the one at or above
        the most: no empty decade at either end."""
        known = [v for v in values if v > 0 and math.isfinite(v)] or [1.0]
        least, most = max(min(known), floor), max(max(known), floor)

        def marks(power: int) -> list[float]:
            return [m * 10.0**power for m in (1, 2, 5)]

        low = max(m for m in marks(math.floor(math.log10(least))) if m <= least * 1.0001)
        top = math.floor(math.log10(most))
        high = min(m for m in [*marks(top), 10.0 ** (top + 1)] if m >= most * 0.9999)
        if high <= low:
            high = low * 2
        return cls(low, high)

    def on(self, start: float, end: float) -> LogAxis:
        return LogAxis(self.low, self.high, start, end)

    def pos(self, value: float) -> float:
        """The pixel of ``value``; values at or below ``low`` sit on the axis's start."""
        value = min(max(value, self.low), self.high)
        share = math.log10(value / self.low) / math.log10(self.high / self.low)
        return self.start + share * (self.end - self.start)

    def value_at(self, pixel: float) -> float:
        share = (pixel - self.start) / (self.end - self.start)
        return float(self.low * (self.high / self.low) ** share)

    def ticks(self) -> list[float]:
        """1, 10, 100…; with 2 and 5 between them when the axis spans two decades or less."""
        span = math.log10(self.high / self.low)
        marks = (1, 2, 5) if span <= 2.01 else (1,)
        ticks = []
        for power in range(math.floor(math.log10(self.low)), math.ceil(math.log10(self.high)) + 1):
            for mark in marks:
                value = mark * 10.0**power
                if self.low * 0.9999 <= value <= self.high * 1.0001:
                    ticks.append(value)
        return ticks


def tick_text(value: float, unit: str = "") -> str:
    """0.1, 1, 10, 1k… (1000 s with a unit), with the unit after the number."""
    if value >= 1000 and value == int(value) and not unit:
        text = f"{value / 1000:g}k"
    elif value >= 1:
        text = f"{value:g}"
    else:
        text = f"{value:.3g}"
    return f"{text} {unit}".rstrip() if unit and unit != "/s" else f"{text}{unit}"
