"""The measured life of one order, from the customer's side and the kitchen's side."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from chefline.kitchen.numbers import is_real
from chefline.texts import translate


class StepKind(StrEnum):
    CPU = "cpu"
    """The chef's hands are on the dish."""
    IO = "io"
    """The dish is on the stove (a sleep or an awaited call)."""


@dataclass(frozen=True, slots=True)
class Step:
    """One recipe step as the kitchen ran it.

    ``holds_chef`` is true when the chef could do nothing else meanwhile: CPU work, or a wait
    that blocks the thread (``time.sleep``) rather than being awaited.
    """

    name: str
    kind: StepKind
    start: float
    end: float
    holds_chef: bool

    @property
    def duration(self) -> float:
        return self.end - self.start

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind.value,
            "start": self.start,
            "end": self.end,
            "holds_chef": self.holds_chef,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Step:
        return cls(
            name=str(data["name"]),
            kind=StepKind(data["kind"]),
            start=float(data["start"]),
            end=float(data["end"]),
            holds_chef=bool(data["holds_chef"]),
        )


@dataclass(frozen=True, slots=True)
class KitchenReport:
    """The kitchen's part of one order, as its route answers it (JSON) and the customer
    reads it back: who cooked it, when the chef took it, each step, when it was done."""

    kitchen: str
    race: str
    order: int
    chef: str
    chef_kind: str
    """What the chef is: "thread", "event-loop", "greenlet" or "process"."""
    accepted: float
    steps: tuple[Step, ...]
    done: float | None
    """None when the dish never finished (it burnt, or the model failed)."""
    tokens: int | None = None
    """For an LLM dish: how many tokens the chef passed on."""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kitchen": self.kitchen,
            "race": self.race,
            "order": self.order,
            "chef": self.chef,
            "chef_kind": self.chef_kind,
            "accepted": self.accepted,
            "steps": [step.to_json() for step in self.steps],
            "done": self.done,
        }
        if self.tokens is not None:
            data["tokens"] = self.tokens
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> KitchenReport:
        """A report as ``to_json`` wrote it; KeyError, TypeError or ValueError if it is not."""
        tokens = data.get("tokens")
        return cls(
            kitchen=str(data["kitchen"]),
            race=str(data["race"]),
            order=int(data["order"]),
            chef=str(data["chef"]),
            chef_kind=str(data["chef_kind"]),
            accepted=float(data["accepted"]),
            steps=tuple(Step.from_json(step) for step in data["steps"]),
            done=None if data["done"] is None else float(data["done"]),
            tokens=None if tokens is None else int(tokens),
        )


class Failure(StrEnum):
    """Why an order failed, in the restaurant's words."""

    BURNT = "burnt"
    """The kitchen answered 500: the handler raised."""
    REFUSED = "refused"
    """The kitchen answered another error: a bad order."""
    NOT_FOUND = "not found"
    """Your app has no such route (it answered 404)."""
    WALKED_OUT = "walked out"
    """The customer's patience ran out (client timeout)."""
    NO_KITCHEN = "no kitchen"
    """Nobody answered: the kitchen is not running."""
    HUNG_UP = "hung up"
    """The kitchen closed the connection mid-order (stopped or crashed)."""
    STOPPED = "stopped"
    """The race was stopped before the dish came."""
    MODEL = "model failed"
    """The kitchen's language model failed it: unreachable, refused the key, or talked nonsense."""
    OTHER = "other"


class OrderStatus(StrEnum):
    PENDING = "pending"
    SERVED = "served"
    FAILED = "failed"


@dataclass(slots=True)
class OrderRecord:
    """Timestamps on the shared clock (``chefline.kitchen.clock``).

    The client fills ``sent``/``received``/``status``/``error``; the kitchen's own report
    (``chef``, ``accepted``, ``steps``, ``done``) arrives in the response body.
    """

    kitchen: str
    index: int
    sent: float
    received: float | None = None
    status: OrderStatus = OrderStatus.PENDING
    http_status: int | None = None
    error: str | None = None
    failure: Failure | None = None
    chef: str | None = None
    chef_kind: str | None = None
    accepted: float | None = None
    done: float | None = None
    steps: list[Step] = field(default_factory=list)
    open_step: Step | None = None
    """The step cooking right now, seen live; its ``end`` is its start until it finishes."""
    tokens: list[float] = field(default_factory=list)
    """For an LLM dish: when each token reached the customer."""
    text: str = ""
    """For an LLM dish: the words the customer received."""
    intended: float | None = None
    """When the customer meant to order (customers at a steady rate): the latency counts
    from here, so a customer held back by a slow sender is not forgotten (no coordinated
    omission). None: from ``sent``."""

    @property
    def arrived(self) -> float:
        """When the customer's wait began: meant to order, or ordered."""
        return self.sent if self.intended is None else self.intended

    @property
    def latency(self) -> float | None:
        return None if self.received is None else self.received - self.arrived

    @property
    def ttft(self) -> float | None:
        """Time to first token, as the customer saw it (LLM dishes only)."""
        return self.tokens[0] - self.arrived if self.tokens else None

    @property
    def queue_wait(self) -> float | None:
        """Time the customer waited before a chef picked the order up."""
        return None if self.accepted is None else self.accepted - self.sent

    def phase_order_problems(self) -> list[str]:
        """Every way the timestamps break sent ≤ accepted ≤ steps ≤ done ≤ received."""
        chain: list[tuple[str, float | None]] = [("sent", self.sent), ("accepted", self.accepted)]
        for step in self.steps:
            chain += [(f"{step.name}.start", step.start), (f"{step.name}.end", step.end)]
        chain += [("done", self.done), ("received", self.received)]
        known = [(name, t) for name, t in chain if t is not None]
        return [
            f"{a} ({ta:.6f}) after {b} ({tb:.6f})"
            for (a, ta), (b, tb) in itertools.pairwise(known)
            if ta > tb
        ]

    def apply_kitchen_report(self, report: KitchenReport) -> None:
        self.chef = report.chef
        self.chef_kind = report.chef_kind
        self.accepted = report.accepted
        self.done = report.done
        self.steps = list(report.steps)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OrderRecord:
        """An order as ``to_json`` wrote it (a saved race)."""
        failure = data.get("failure")
        return cls(
            kitchen=str(data["kitchen"]),
            index=int(data["index"]),
            sent=float(data["sent"]),
            received=data.get("received"),
            status=OrderStatus(data["status"]),
            http_status=data.get("http_status"),
            error=data.get("error"),
            failure=None if failure is None else Failure(failure),
            chef=data.get("chef"),
            chef_kind=data.get("chef_kind"),
            accepted=data.get("accepted"),
            done=data.get("done"),
            steps=[Step.from_json(step) for step in data.get("steps", [])],
            tokens=[float(t) for t in data.get("tokens", [])],
            intended=_intended(data.get("intended"), float(data["sent"])),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "kitchen": self.kitchen,
            "index": self.index,
            "sent": self.sent,
            "accepted": self.accepted,
            "steps": [step.to_json() for step in self.steps],
            "done": self.done,
            "received": self.received,
            "status": self.status.value,
            "http_status": self.http_status,
            "error": self.error,
            "failure": self.failure.value if self.failure else None,
            "chef": self.chef,
            "chef_kind": self.chef_kind,
            "tokens": self.tokens,
            "ttft": self.ttft,
            **({} if self.intended is None else {"intended": self.intended}),
        }


INTENDED_SLACK_S = 600.0
"""The longest a customer can be sent after the moment meant (a race lasts at most 300 s)."""


def _intended(value: object, sent: float) -> float | None:
    """A saved intended moment, if it is one: a number at most ``sent`` and not long
    before it (a file from elsewhere may hold anything; a NaN would poison every figure)."""
    if not is_real(value):
        return None
    return float(value) if sent - INTENDED_SLACK_S <= value <= sent + 0.005 else None


def hung_up() -> str:
    """Why an order failed when its kitchen went away after a chef had taken it."""
    return translate("Errors", "the kitchen hung up before the dish was served")
