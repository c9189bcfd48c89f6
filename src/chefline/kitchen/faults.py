"""Faults a speaker can switch on to show what failure looks like: burnt or slow dishes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from chefline.kitchen.errors import BadInput
from chefline.kitchen.order import KitchenReport

MAX_EVERY = 1000
SLOW_FACTOR = 3.0
"""A slow dish waits this many times as long as the recipe says."""


class FaultKind(StrEnum):
    NONE = "none"
    BURN = "burn"
    """The handler raises: the customer gets an HTTP 500, a burnt dish."""
    SLOW = "slow"
    """The dish's slow step takes three times as long."""


class KitchenFire(RuntimeError):
    """Raised by a route for a dish chosen to burn; the frameworks turn it into an HTTP 500.

    ``report`` is the kitchen's record of the order up to the fire, sent with the 500 so that
    the burnt order's timeline still shows who picked it up and what was done.
    """

    def __init__(self, message: str, report: KitchenReport | None = None) -> None:
        super().__init__(message)
        self.report = report


@dataclass(frozen=True, slots=True)
class Faults:
    """``kind`` strikes one order in every ``every`` (the 5th, 10th, … for every = 5)."""

    kind: FaultKind = FaultKind.NONE
    every: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.kind, FaultKind):
            try:
                object.__setattr__(self, "kind", FaultKind(str(self.kind)))
            except ValueError:
                choices = ", ".join(k.value for k in FaultKind)
                raise BadInput(f"fault must be one of {choices}, not {self.kind!r}") from None
        if isinstance(self.every, bool) or not isinstance(self.every, int):
            raise BadInput(f"fault frequency must be a whole number, not {self.every!r}")
        if not 0 <= self.every <= MAX_EVERY:
            raise BadInput(f"fault frequency must be between 0 and {MAX_EVERY}, not {self.every}")
        if self.kind is not FaultKind.NONE and self.every == 0:
            raise BadInput("say how often the fault strikes: one order in every k (k ≥ 1)")

    @property
    def active(self) -> bool:
        return self.kind is not FaultKind.NONE

    def strikes(self, order: int) -> FaultKind:
        """The fault that hits order number ``order`` (counting from 0), if any."""
        if self.active and order % self.every == self.every - 1:
            return self.kind
        return FaultKind.NONE

    def as_json(self) -> dict[str, str | int]:
        return {"fault": self.kind.value, "every": self.every} if self.active else {}

    def as_query(self) -> dict[str, str]:
        return {name: str(value) for name, value in self.as_json().items()}

    def describe(self) -> str:
        if not self.active:
            return "no faults"
        what = "burns" if self.kind is FaultKind.BURN else "takes 3× as long"
        return f"1 order in {self.every} {what}"
