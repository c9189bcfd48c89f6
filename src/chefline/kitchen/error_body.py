"""A kitchen's error reply, typed: what went wrong (one kind, named once), the sentence that
says why and, when the dish was begun, the kitchen's report up to the failure.

On the wire: ``{"error": <kind>, "detail": <sentence>, "kitchen_report": {…}}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from chefline.kitchen.order import KitchenReport


class ErrorKind(StrEnum):
    BAD_ORDER = "bad order"
    """The order itself was wrong (400 or 422): nothing was cooked."""
    BURNT_DISH = "burnt dish"
    """The route raised (500): a fault burnt the dish."""
    MODEL_FAILED = "model failed"
    """The kitchen's language model failed it (502, or a line in the stream)."""


@dataclass(frozen=True, slots=True)
class ErrorBody:
    kind: ErrorKind
    detail: str
    kitchen_report: KitchenReport | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"error": self.kind.value, "detail": self.detail}
        if self.kitchen_report is not None:
            data["kitchen_report"] = self.kitchen_report.to_json()
        return data

    @classmethod
    def from_json(cls, data: object) -> ErrorBody | None:
        """The error a reply's body says, or None when it is not one of a kitchen's errors
        (another server's page, a broken report: what is unreadable is left out)."""
        if not isinstance(data, dict) or not isinstance(data.get("error"), str):
            return None
        try:
            kind = ErrorKind(data["error"])
        except ValueError:
            return None
        report = data.get("kitchen_report")
        try:
            partial = KitchenReport.from_json(report) if isinstance(report, dict) else None
        except (KeyError, TypeError, ValueError):
            partial = None
        return cls(kind, str(data.get("detail", "")), partial)
