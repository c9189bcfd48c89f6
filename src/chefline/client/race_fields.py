"""Every field of a saved race, checked by type and range: each check returns what is wrong.

``race_file`` walks the race with these; nothing that draws, replays or exports a race then
meets a string for a number, a NaN, a field it does not know, or a figure out of range —
the kitchens' ``summary`` included (``own_work: "x"`` once broke Export).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from chefline.kitchen import limits
from chefline.kitchen.numbers import is_number, is_whole
from chefline.kitchen.order import Failure, OrderStatus, StepKind
from chefline.kitchen.timeline_summary import TimelineSummary

MAX_STEPS = 8
MAX_TEXT = 2000
MAX_RACE_SPAN_S = 3600.0
"""All of a race's timestamps lie within an hour of its first order (the theory caps a race
at 300 s; patience at 600 s)."""
MAX_CLOCK_S = 1e10
"""Timestamps are seconds of the machine's monotonic clock: large, but not astronomical."""
MAX_RATE = 1e7
"""Orders or tokens a second: far beyond any race on one machine."""
MAX_OWN_COST_S = 60.0
"""A kitchen's own work for one empty order."""

ORDER_FIELDS = {
    "kitchen", "index", "sent", "accepted", "steps", "done", "received", "status",
    "http_status", "error", "failure", "chef", "chef_kind", "tokens", "ttft",
}  # fmt: skip
STEP_FIELDS = {"name", "kind", "start", "end", "holds_chef"}
KITCHEN_FIELDS = {"kitchen", "summary", "cost", "orders"}
SUMMARY_FIELDS = {f.name for f in fields(TimelineSummary)} | {
    "ratio_to_theory", "expected_with_own_work"}  # fmt: skip
SUMMARY_COUNTS = {"customers", "served", "failed", "peak_concurrency", "chefs", "planned"}
"""Whole numbers from 0 to the race's customers."""
SUMMARY_SECONDS = {"makespan", "latency_p50", "latency_p95", "latency_p99", "queue_wait_mean",
                   "queue_wait_p95", "queue_wait_p99", "queue_wait_max", "ttft_p50", "ttft_p95",
                   "ttft_p99", "expected_makespan", "own_work", "neighbours_work",
                   "expected_with_own_work"}  # fmt: skip
"""Seconds within a race's span, or None (``neighbours_work`` is never None)."""
SUMMARY_RATES = {"throughput", "tokens_per_s", "ratio_to_theory"}


def show(value: object) -> str:
    """A value for a message: short, even for a 400-digit number."""
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**15 else "a huge number"
    return text if len(text) <= 40 else f"{text[:40]}…"


def number(value: object, name: str, low: float, high: float, *, none_ok: bool = False
           ) -> str | None:  # fmt: skip
    if value is None and none_ok:
        return None
    if not is_number(value):
        return f"{name} is not a number ({show(value)})"
    if not low <= value <= high:
        return f"{name} is {show(value)}, outside {low:g} to {high:g}"
    return None


def whole(value: object, name: str, low: int, high: int, *, none_ok: bool = False) -> str | None:
    if value is None and none_ok:
        return None
    if not is_whole(value):
        return f"{name} is not a whole number ({show(value)})"
    return None if low <= value <= high else f"{name} is {show(value)}, outside {low} to {high}"


def text(value: object, name: str, *, none_ok: bool = False) -> str | None:
    if value is None and none_ok:
        return None
    if not isinstance(value, str):
        return f"{name} is not text ({show(value)})"
    return None if len(value) <= MAX_TEXT else f"{name} is longer than {MAX_TEXT} characters"


def choice(value: object, name: str, choices: set[str], *, none_ok: bool = False) -> str | None:
    if value is None and none_ok:
        return None
    if isinstance(value, str) and value in choices:
        return None
    return f"{name} is not one of {', '.join(sorted(choices))} ({show(value)})"


def boolean(value: object, name: str) -> str | None:
    return None if isinstance(value, bool) else f"{name} is not true or false"


def known(data: dict[str, Any], allowed: set[str], where: str) -> str | None:
    """A field no race has (a typo, or a file not saved by Chefline)."""
    extra = sorted(set(data) - allowed)
    return f"{where} has no field {show(extra[0])}" if extra else None


def first(*problems: str | None) -> str | None:
    return next((p for p in problems if p), None)


def summary_problem(summary: object, name: str, customers: int) -> str | None:
    """A kitchen's figures as saved: every one of the right kind and within the race."""
    if not isinstance(summary, dict):
        return f"{name}: summary is not an object"
    where = f"{name} summary"
    problem = first(
        known(summary, SUMMARY_FIELDS, where),
        None if summary.get("kitchen", name) == name else f"{where} belongs to another kitchen",
    )
    if problem:
        return problem
    for field in sorted(set(summary) & SUMMARY_COUNTS):
        none_ok = field == "planned"
        problem = whole(summary[field], f"{where} {field}", 0, customers, none_ok=none_ok)
        if problem:
            return problem
    for field in sorted(set(summary) & SUMMARY_SECONDS):
        none_ok = field != "neighbours_work"
        problem = number(summary[field], f"{where} {field}", 0.0, MAX_RACE_SPAN_S, none_ok=none_ok)
        if problem:
            return problem
    for field in sorted(set(summary) & SUMMARY_RATES):
        problem = number(summary[field], f"{where} {field}", 0.0, MAX_RATE, none_ok=True)
        if problem:
            return problem
    failures = summary.get("failures", {})
    if not isinstance(failures, dict):
        return f"{where} failures is not an object"
    reasons = {failure.value for failure in Failure}
    for reason, count in failures.items():
        problem = first(choice(reason, f"{where} failure", reasons),
                        whole(count, f"{where} failures", 0, customers))  # fmt: skip
        if problem:
            return problem
    return first(
        whole(summary.get("tokens", 0), f"{where} tokens", 0, customers * limits.MAX_MAX_TOKENS),
        number(
            summary.get("own_cost_per_order"),
            f"{where} own_cost_per_order",
            0.0,
            MAX_OWN_COST_S,
            none_ok=True,
        ),
    )


def cost_problem(cost: object, name: object) -> str | None:
    if cost is None:
        return None
    if not isinstance(cost, dict) or set(cost) != {"processes", "threads", "memory"}:
        return f"{name}: cost is not processes, threads and memory"
    return first(
        whole(cost["processes"], f"{name}: processes", 0, 10**4),
        whole(cost["threads"], f"{name}: threads", 0, 10**6),
        whole(cost["memory"], f"{name}: memory", 0, 2**50, none_ok=True),
    )


def order_fields_problem(order: dict[str, Any], kitchen: str, where: str) -> str | None:
    """An order's fields other than its times, each of its kind."""
    steps, tokens = order.get("steps", []), order.get("tokens", [])
    return first(
        known(order, ORDER_FIELDS, where),
        None if order.get("kitchen") == kitchen else f"{where} belongs to another kitchen",
        choice(order.get("status"), f"{where} status", {s.value for s in OrderStatus}),
        choice(order.get("failure"), f"{where} failure", {f.value for f in Failure}, none_ok=True),
        whole(order.get("http_status"), f"{where} HTTP status", 100, 599, none_ok=True),
        text(order.get("error"), f"{where} error", none_ok=True),
        text(order.get("chef"), f"{where} chef", none_ok=True),
        text(order.get("chef_kind"), f"{where} chef kind", none_ok=True),
        number(order.get("ttft"), f"{where} ttft", 0.0, MAX_RACE_SPAN_S, none_ok=True),
        None if isinstance(steps, list) and len(steps) <= MAX_STEPS else f"{where}: bad steps",
        None
        if isinstance(tokens, list) and len(tokens) <= limits.MAX_MAX_TOKENS
        else f"{where}: bad tokens",
    )


def step_problem(step: object, where: str) -> str | None:
    if not isinstance(step, dict):
        return f"{where}: a step is not an object"
    return first(
        known(step, STEP_FIELDS, f"{where} step"),
        text(step.get("name"), f"{where} step name"),
        choice(step.get("kind"), f"{where} step kind", {k.value for k in StepKind}),
        boolean(step.get("holds_chef"), f"{where} holds_chef"),
        number(step.get("start"), f"{where} step start", 0.0, MAX_CLOCK_S),
        number(step.get("end"), f"{where} step end", 0.0, MAX_CLOCK_S),
    )
