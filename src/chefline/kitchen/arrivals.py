"""When customers arrive: all at once, one every few milliseconds, or at a steady rate.

A steady rate is a Poisson stream, as independent customers make one: R customers a second
on average, each gap drawn from an exponential distribution, for T seconds. The stream is
drawn from a seed, so every kitchen of a race, and every run with the same seed, meets the
very same customers at the very same moments.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from chefline.kitchen import limits
from chefline.kitchen.errors import BadInput
from chefline.kitchen.numbers import is_real
from chefline.texts import translate

DEFAULT_SEED = 1
"""The stream a rate race draws unless told otherwise: runs are comparable by default."""


@lru_cache(maxsize=64)
def poisson_offsets(rate: float, duration: float, seed: int) -> tuple[float, ...]:
    """Arrival times of a Poisson stream of ``rate`` customers a second, from 0 (the first
    customer opens the race) until ``duration`` seconds, at most ``MAX_CUSTOMERS`` of them."""
    draw = random.Random(seed)
    times, t = [0.0], draw.expovariate(rate)
    while t < duration and len(times) < limits.MAX_CUSTOMERS:
        times.append(t)
        t += draw.expovariate(rate)
    return tuple(times)


def check_rate(rate: object, duration: object) -> None:
    """BadInput unless ``rate`` customers a second for ``duration`` seconds is a stream a
    race may hold (on average at most ``MAX_CUSTOMERS`` customers)."""
    for name, value, low, high, unit in (
        ("rate", rate, limits.MIN_RATE, limits.MAX_RATE, "customers a second"),
        ("duration", duration, limits.MIN_DURATION_S, limits.MAX_DURATION_S, "seconds"),
    ):
        if not is_real(value) or value != value:
            raise BadInput(f"the {name} must be a number of {unit}, not {value!r}")
        if not low <= value <= high:
            raise BadInput(f"the {name} must be between {low:g} and {high:g} {unit}, not {value:g}")
    assert isinstance(rate, int | float) and isinstance(duration, int | float)
    if rate * duration > limits.MAX_CUSTOMERS:
        text = translate(
            "Errors",
            "{0:g} customers a second for {1:g} s is about {2:.0f} customers; a race holds at "
            "most {3}. Use a lower rate or a shorter duration.",
        )
        raise BadInput(text.format(rate, duration, rate * duration, limits.MAX_CUSTOMERS))


@dataclass(frozen=True, slots=True)
class Arrivals:
    """``gap`` seconds between consecutive customers; 0 is a burst (everyone at once).

    With a ``rate`` (customers a second) the customers come as a Poisson stream for
    ``duration`` seconds, drawn from ``seed``; ``customers`` is then how many it brought
    (``at_rate`` works it out).
    """

    customers: int
    gap: float = 0.0
    rate: float | None = None
    duration: float = 0.0
    seed: int = DEFAULT_SEED

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
        if self.rate is None:
            return
        if self.gap:
            raise BadInput("customers come either at a steady rate or one every gap, not both")
        check_rate(self.rate, self.duration)
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or self.seed < 0:
            raise BadInput(f"the seed must be a whole number from 0, not {self.seed!r}")
        drawn = len(poisson_offsets(self.rate, self.duration, self.seed))
        if self.customers != drawn:
            raise BadInput(
                f"a stream of {self.rate:g} customers a second for {self.duration:g} s "
                f"(seed {self.seed}) brings {drawn} customers, not {self.customers}"
            )

    @classmethod
    def at_rate(cls, rate: float, duration: float, seed: int = DEFAULT_SEED) -> Arrivals:
        """A Poisson stream of ``rate`` customers a second for ``duration`` seconds."""
        check_rate(rate, duration)
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise BadInput(f"the seed must be a whole number from 0, not {seed!r}")
        return cls(len(poisson_offsets(float(rate), float(duration), seed)), 0.0,
                   float(rate), float(duration), seed)  # fmt: skip

    @property
    def steady(self) -> bool:
        """True for a Poisson stream at a rate (latency counts from the intended moment)."""
        return self.rate is not None

    @property
    def offsets(self) -> list[float]:
        """Seconds after the race starts at which each customer orders."""
        if self.rate is not None:
            return list(poisson_offsets(self.rate, self.duration, self.seed))
        return [index * self.gap for index in range(self.customers)]

    @property
    def pattern(self) -> str:
        if self.rate is not None:
            return f"{self.rate:g} a second for {self.duration:g} s (Poisson)"
        return "burst" if self.gap == 0 else f"staggered every {self.gap * 1000:g} ms"
