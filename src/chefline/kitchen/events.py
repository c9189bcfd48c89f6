"""Live events of a race: one per state change of an order, for animation and progress."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Phase(StrEnum):
    SENT = "sent"
    ACCEPTED = "accepted"
    STEP_START = "step_start"
    STEP_END = "step_end"
    DONE = "done"
    RECEIVED = "received"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class OrderEvent:
    """``t`` is on the shared clock; ``step`` names the recipe step for STEP_* phases."""

    kitchen: str
    order: int
    phase: Phase
    t: float
    chef: str | None = None
    step: str | None = None
    detail: str | None = None
