"""Save a finished race: every order as JSON (full detail) or CSV (one row per order)."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path
from typing import Any

from chefline.client.plan import RacePlan
from chefline.client.race import RaceResult
from chefline.client.race_file import read_race_file
from chefline.kitchen.arrivals import Arrivals
from chefline.kitchen.errors import BadInput
from chefline.kitchen.faults import FaultKind, Faults
from chefline.kitchen.llm import ChatOrder, ModelSpeed
from chefline.kitchen.recipe import DishKind, Recipe
from chefline.kitchen.timeline import RaceTimeline
from chefline.texts import translate

CSV_COLUMNS = [
    "kitchen", "order", "status", "http_status", "chef", "sent", "accepted", "prep_start",
    "wait_start", "wait_end", "plate_end", "done", "received", "latency", "queue_wait", "error",
]  # fmt: skip


def save_json(result: RaceResult, path: Path) -> Path:
    """The race as JSON; gzipped when ``path`` ends in .gz (the recordings that ship)."""
    text = json.dumps(result.to_json(), indent=2)
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load_json(path: Path) -> RaceResult:
    """A race saved by ``save_json``; BadInput says in one sentence why a file is not one.

    The file is read with bounds and checked whole first (``race_file``); the domain's own
    constructors then check what only they know (a dish, a fault, a chat order).
    """
    data = read_race_file(path)
    try:
        return _race_from_json(data)
    except (KeyError, TypeError, ValueError) as error:
        text = translate("Errors", "{0} is damaged: {1}")
        raise BadInput(text.format(path.name, error)) from None


def _race_from_json(data: dict[str, Any]) -> RaceResult:
    recipe = data["recipe"]
    fault = data.get("fault") or {}
    chat, speed = data.get("chat"), data.get("model_speed")
    plan = RacePlan(
        Recipe(recipe["wait"], DishKind(recipe["dish"]), recipe["prep"], recipe["plate"]),
        _arrivals(data),
        Faults(FaultKind(fault.get("fault", "none")), fault.get("every", 0)),
        data.get("patience"),
        None if chat is None else ChatOrder(**chat),
        None if speed is None else ModelSpeed(**speed),
        bool(data.get("in_turn", False)),
    )
    timelines = [RaceTimeline.from_json(raw) for raw in data["kitchens"]]
    for timeline in timelines:
        timeline.planned = data["customers"]  # a race plans the same orders at every kitchen
    return RaceResult(data["race"], plan, {t.kitchen: t for t in timelines},
                      bool(data.get("cancelled")))  # fmt: skip


def _arrivals(data: dict[str, Any]) -> Arrivals:
    """How the saved race's customers came; a stream at a rate is drawn again from its seed
    (BadInput if it does not bring the customers the file has)."""
    if data.get("rate") is None:
        return Arrivals(data["customers"], data.get("gap", 0.0))
    return Arrivals(data["customers"], 0.0, data["rate"], data.get("duration", 0.0),
                    data.get("seed", 0))  # fmt: skip


def save_csv(result: RaceResult, path: Path) -> Path:
    """Times in seconds since the race's first order was sent."""
    starts = [t.start for t in result.timelines.values() if t.start is not None]
    origin = min(starts, default=0.0)

    def rel(value: float | None) -> str:
        return "" if value is None else f"{value - origin:.6f}"

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for timeline in result.timelines.values():
            labels = timeline.chef_labels()
            for index in sorted(timeline.orders):
                order = timeline.orders[index]
                steps = {step.name: step for step in order.steps}
                slow = steps.get("wait") or steps.get("cook")
                writer.writerow([
                    order.kitchen, index + 1, order.status.value, order.http_status or "",
                    labels.get(order.chef or "", ""), rel(order.sent), rel(order.accepted),
                    rel(steps["prep"].start if "prep" in steps else None),
                    rel(slow.start if slow else None), rel(slow.end if slow else None),
                    rel(steps["plate"].end if "plate" in steps else None),
                    rel(order.done), rel(order.received),
                    "" if order.latency is None else f"{order.latency:.6f}",
                    "" if order.queue_wait is None else f"{order.queue_wait:.6f}",
                    order.error or "",
                ])  # fmt: skip
    return path


SUMMARY_COLUMNS = [
    "kitchen", "customers", "served", "failed", "makespan", "expected_makespan", "throughput",
    "latency_p50", "latency_p95", "latency_p99", "queue_wait_mean", "queue_wait_p95",
    "queue_wait_p99", "queue_wait_max", "peak_concurrency", "chefs", "ttft_p50", "ttft_p95",
    "ttft_p99", "tokens_per_s",
]  # fmt: skip


def save_summary_csv(result: RaceResult, path: Path) -> Path:
    """One row per kitchen: its figures (seconds, orders per second), tail included."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(SUMMARY_COLUMNS)
        for timeline in result.timelines.values():
            figures = timeline.summary().to_json()
            writer.writerow(
                "" if figures[name] is None else
                f"{figures[name]:.6f}" if isinstance(figures[name], float) else figures[name]
                for name in SUMMARY_COLUMNS
            )  # fmt: skip
    return path
