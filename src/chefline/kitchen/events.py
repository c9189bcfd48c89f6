"""Live events of a race: one per state change of an order, for animation and progress."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from chefline.kitchen.order import Failure, StepKind


class Phase(StrEnum):
    SENT = "sent"
    ACCEPTED = "accepted"
    STEP_START = "step_start"
    STEP_END = "step_end"
    STEP = "step"
    """A step already over, ``t`` to ``end``: one event where a step is known only once it
    has ended (your app's middleware tells the route's time as the reply goes out)."""
    TOKEN = "token"
    """A token of an LLM dish reached the customer."""
    DONE = "done"
    RECEIVED = "received"
    FAILED = "failed"


@dataclass(slots=True, unsafe_hash=True)
class OrderEvent:
    """``t`` is on the shared clock. ACCEPTED carries the chef; STEP_* and STEP name the step,
    its kind and whether it holds the chef (STEP also its ``end``); FAILED says why in
    ``detail``.

    Never changed once made, but not ``frozen``: a frozen dataclass sets each of its thirteen
    fields through ``object.__setattr__``, 4 µs an event against 1.3 µs, and a kitchen makes
    half a dozen events per order on its chef's time (measured with timeit)."""

    kitchen: str
    order: int
    phase: Phase
    t: float
    chef: str | None = None
    chef_kind: str | None = None
    step: str | None = None
    kind: StepKind | None = None
    holds_chef: bool | None = None
    http_status: int | None = None
    failure: Failure | None = None
    detail: str | None = None
    end: float | None = None

    def to_json(self) -> dict[str, Any]:
        """The fields that are set, for a kitchen in another process to send."""
        return {name: value for name, value in asdict(self).items() if value is not None}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OrderEvent:
        kind, failure = data.get("kind"), data.get("failure")
        return cls(**{
            **data,
            "phase": Phase(data["phase"]),
            "kind": None if kind is None else StepKind(kind),
            "failure": None if failure is None else Failure(failure),
        })  # fmt: skip
