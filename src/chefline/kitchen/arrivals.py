"""When customers arrive: all at once, or one every few milliseconds."""

from __future__ import annotations

from dataclasses import dataclass

from chefline.kitchen import limits
from chefline.kitchen.errors import BadInput


@dataclass(frozen=True, slots=True)
class Arrivals:
    """``gap`` seconds between consecutive customers; 0 is a burst (everyone at once)."""

    customers: int
    gap: float = 0.0

    def __post_init__(self) -> None:
        low, high = limits.MIN_CUSTOMERS, limits.MAX_CUSTOMERS
        if isinstance(self.customers, bool) or not isinstance(self.customers, int):
            raise BadInput(f"customers must be a whole number, not {self.customers!r}")
        if not low <= self.customers <= high:
            raise BadInput(f"customers must be between {low} and {high}, not {self.customers}")
        if not 0.0 <= self.gap <= limits.MAX_STAGGER_S:
            raise BadInput(
                f"the gap between arrivals must be between 0 and {limits.MAX_STAGGER_S:g} s, "
                f"not {self.gap:g}"
            )

    @property
    def offsets(self) -> list[float]:
        """Seconds after the race starts at which each customer orders."""
        return [index * self.gap for index in range(self.customers)]

    @property
    def pattern(self) -> str:
        return "burst" if self.gap == 0 else f"staggered every {self.gap * 1000:g} ms"
