"""Save a finished race: every order as JSON (full detail) or CSV (one row per order)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from chefline.client.race import RaceResult

CSV_COLUMNS = [
    "kitchen", "order", "status", "http_status", "chef", "sent", "accepted", "prep_start",
    "wait_start", "wait_end", "plate_end", "done", "received", "latency", "queue_wait", "error",
]  # fmt: skip


def save_json(result: RaceResult, path: Path) -> Path:
    path.write_text(json.dumps(result.to_json(), indent=2), encoding="utf-8")
    return path


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
