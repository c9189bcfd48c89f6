"""What the app and the customers' process say to each other: the brief of a race on the
customers' stdin, and their news on its stdout (``chefline _customers``).

Only the standard library here: the app imports this to start its customers and read them,
without the HTTP clients the customers themselves load (httpx, aiohttp) — a window's start
need not pay for them.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from chefline.kitchen.your_app import ReportSource

CUSTOMERS_COMMAND = "_customers"


@dataclass(frozen=True)
class KitchenDoor:
    """Where one kitchen takes its orders, and how long its customers wait at most."""

    name: str
    url: str
    timeout: float
    report: ReportSource = ReportSource.BODY
    """RELAY: the kitchen is your app; its reply is its own (any 2xx is served) and the
    order is named in headers, not in the race's fields."""
    method: str = "GET"
    """Your app's route's method (the built-in kitchens: GET /cook, POST /chat)."""
    body: Any = None
    """Your app's route's JSON body, if it takes one."""


@dataclass(frozen=True)
class RaceBrief:
    """Everything the customers need to run one race, as the app decided it."""

    race: str
    kitchens: list[KitchenDoor]
    offsets: list[float]
    """When each customer arrives, seconds after the start."""
    fields: dict[str, Any]
    """The order, as query fields (GET /cook) or a JSON body (POST /chat)."""
    chat: bool
    in_turn: bool
    """One kitchen after another instead of all at once."""
    intended: bool = False
    """Customers at a steady rate: each record keeps the moment its customer was meant to
    order, and the latency counts from there (no coordinated omission)."""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RaceBrief:
        doors = [
            KitchenDoor(**{**door, "report": ReportSource(door.get("report", "body"))})
            for door in data["kitchens"]
        ]
        return cls(data["race"], doors, [float(t) for t in data["offsets"]], data["fields"],
                   bool(data["chat"]), bool(data["in_turn"]),
                   bool(data.get("intended", False)))  # fmt: skip


class CustomerNews:
    """What the customers' process writes, one JSON array a line: ``["ready"]`` once at
    start; then for each race ``["sent", kitchen, order, t]``, ``["token", kitchen, order,
    t]``, ``["served", kitchen, order, record]`` (served or failed: the whole record) and
    last ``["over", cancelled]``. ``["gone", why]`` is never written: the app's side says it
    to its race when the process ends."""

    READY, SENT, TOKEN, SERVED, OVER, GONE = "ready", "sent", "token", "served", "over", "gone"


_TIMED = (CustomerNews.SENT, CustomerNews.TOKEN)


def encode_news(news: list[Any]) -> str:
    """One line. The frequent ones (a send, a token: thousands a race) are four plain words,
    cheap to read in the app, whose interpreter the kitchens share; the rest is JSON."""
    if news[0] in _TIMED:
        return f"{news[0]} {news[1]} {news[2]} {news[3]!r}"
    return json.dumps(news, separators=(",", ":"))


def decode_news(line: str) -> list[Any]:
    if line.startswith("["):
        return list(json.loads(line))
    what, kitchen, order, t = line.split()
    return [what, int(kitchen), int(order), float(t)]
