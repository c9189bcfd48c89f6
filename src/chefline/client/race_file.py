"""A saved race read from disk as hostile input: bounded, then checked whole before use.

Reading is bounded: at most ``MAX_RACE_FILE_BYTES`` are read or decompressed (a gzip stream
is inflated in chunks and refused the moment it passes the cap), the JSON parser stops
after ``MAX_OBJECTS`` objects (more than the largest race could hold) and nesting deeper
than Python's parser goes is refused. Then every field is checked — type, finite, range,
order count against customers, timestamps in phase order — so nothing that draws or
replays a race meets a NaN, an infinity, a string for a number, or a million orders.
``RaceFileError`` (a ``BadInput``) says in one sentence what is wrong.
"""

from __future__ import annotations

import gzip
import itertools
import json
import zlib
from pathlib import Path
from typing import Any, TypeGuard

from chefline.client.race import RACE_FORMAT
from chefline.kitchen import limits
from chefline.kitchen.errors import BadInput
from chefline.kitchen.modes import MODES
from chefline.kitchen.order import Failure, OrderStatus, StepKind
from chefline.texts import translate

MAX_RACE_FILE_BYTES = 64 * 1024 * 1024
"""Uncompressed; the largest race the limits allow (LLM dishes at their longest) fits."""
MAX_STEPS = 8
MAX_TEXT = 2000
MAX_OBJECTS = len(MODES) * limits.MAX_CUSTOMERS * (MAX_STEPS + 2) + 64
MAX_RACE_SPAN_S = 3600.0
"""All of a race's timestamps lie within an hour of its first order (the theory caps a race
at 300 s; patience at 600 s)."""
MAX_CLOCK_S = 1e10
"""Timestamps are seconds of the machine's monotonic clock: large, but not astronomical."""
ORDER_SLACK_S = 0.005
"""Child kitchens' clocks may be up to 2 ms off the app's, so phases may touch out of order."""
_CHUNK = 1024 * 1024


class RaceFileError(BadInput):
    """A race file refused; the message names the file and what is wrong, in one sentence."""


class _TooManyObjects(Exception):
    pass


def read_race_file(path: Path) -> dict[str, Any]:
    """The race's JSON, read with bounds and checked completely; RaceFileError if not one."""
    data: dict[str, Any] = _parse(path, _read_bounded(path))  # a dict once race_problem passes
    problem = race_problem(data)
    if problem:
        raise RaceFileError(translate("Errors", "{0} is damaged: {1}").format(path.name, problem))
    return data


def _refuse(path: Path, why: str) -> RaceFileError:
    return RaceFileError(translate("Errors", "cannot read {0}: {1}").format(path.name, why))


def _read_bounded(path: Path) -> bytes:
    too_big = translate("Errors", "it is larger than {0} MB uncompressed")
    too_big = too_big.format(MAX_RACE_FILE_BYTES // (1024 * 1024))
    try:
        with path.open("rb") as handle:
            compressed = handle.read(2) == b"\x1f\x8b"
            handle.seek(0)
            stream = gzip.GzipFile(fileobj=handle) if compressed else handle
            parts, size = [], 0
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > MAX_RACE_FILE_BYTES:
                    raise _refuse(path, too_big)
                parts.append(chunk)
            return b"".join(parts)
    except (OSError, EOFError, zlib.error) as error:  # gzip.BadGzipFile is an OSError
        raise _refuse(path, str(error) or type(error).__name__) from None


def _parse(path: Path, raw: bytes) -> Any:
    count = 0

    def counted(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal count
        count += 1
        if count > MAX_OBJECTS:
            raise _TooManyObjects
        return dict(pairs)

    def no_constant(name: str) -> float:
        raise ValueError(f"{name} is not a number a race can hold")

    try:
        return json.loads(raw, object_pairs_hook=counted, parse_constant=no_constant)
    except _TooManyObjects:
        text = translate("Errors", "it holds more orders than any race can ({0} customers)")
        raise _refuse(path, text.format(limits.MAX_CUSTOMERS)) from None
    except RecursionError:
        raise _refuse(path, translate("Errors", "it is nested deeper than a race")) from None
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError, huge integers
        raise _refuse(path, str(error)) from None


# -- the checks: each returns what is wrong, or None ---------------------------------------


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _show(value: object) -> str:
    """A value for a message: short, even for a 400-digit number."""
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**15 else "a huge number"
    return text if len(text) <= 40 else f"{text[:40]}…"


def _number(
    value: object, name: str, low: float, high: float, *, none_ok: bool = False
) -> str | None:
    if value is None and none_ok:
        return None
    if not _is_number(value):
        return f"{name} is not a number ({_show(value)})"
    if not low <= value <= high:  # NaN fails too (the parser refuses it already)
        return f"{name} is {_show(value)}, outside {low:g} to {high:g}"
    return None


def _whole(value: object, name: str, low: int, high: int, *, none_ok: bool = False) -> str | None:
    if value is None and none_ok:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        return f"{name} is not a whole number ({_show(value)})"
    return None if low <= value <= high else f"{name} is {_show(value)}, outside {low} to {high}"


def _text(value: object, name: str, *, none_ok: bool = False) -> str | None:
    if value is None and none_ok:
        return None
    if not isinstance(value, str):
        return f"{name} is not text ({_show(value)})"
    return None if len(value) <= MAX_TEXT else f"{name} is longer than {MAX_TEXT} characters"


def _choice(value: object, name: str, choices: set[str], *, none_ok: bool = False) -> str | None:
    if value is None and none_ok:
        return None
    if isinstance(value, str) and value in choices:
        return None
    return f"{name} is not one of {', '.join(sorted(choices))} ({_show(value)})"


def _first(*problems: str | None) -> str | None:
    return next((p for p in problems if p), None)


def race_problem(data: object) -> str | None:
    """What makes ``data`` not a race this app saved (None if it is one)."""
    if not isinstance(data, dict) or data.get("format") != RACE_FORMAT:
        return f"it is not a race saved by Chefline ({RACE_FORMAT})"
    customers = data.get("customers")
    recipe, fault = data.get("recipe"), data.get("fault", {})
    problem = _first(
        _whole(customers, "customers", limits.MIN_CUSTOMERS, limits.MAX_CUSTOMERS),
        _text(data.get("race"), "race"),
        None if isinstance(recipe, dict) else "recipe is not an object",
        None if isinstance(fault, dict) else "fault is not an object",
        _number(data.get("gap", 0.0), "gap", 0.0, limits.MAX_STAGGER_S),
        _number(data.get("patience"), "patience", 0.0, 1e6, none_ok=True),
        _bools(data, "in_turn", "cancelled"),
        _small_object(data.get("chat"), "chat", {"prompt", "max_tokens", "temperature"}),
        _small_object(data.get("model_speed"), "model_speed", {"ttft", "tokens_per_s"}),
    )
    if problem:
        return problem
    assert isinstance(customers, int) and isinstance(recipe, dict) and isinstance(fault, dict)
    problem = _first(
        _number(recipe.get("wait"), "recipe wait", limits.MIN_WAIT_S, limits.MAX_WAIT_S),
        _number(recipe.get("prep"), "recipe prep", 0.0, limits.MAX_STEP_CPU_S),
        _number(recipe.get("plate"), "recipe plate", 0.0, limits.MAX_STEP_CPU_S),
        _text(recipe.get("dish"), "recipe dish"),
        _text(fault.get("fault", "none"), "fault"),
        _whole(fault.get("every", 0), "fault every", 0, 10**6),
    )
    if problem:
        return problem
    kitchens = data.get("kitchens")
    if not isinstance(kitchens, list) or not 1 <= len(kitchens) <= len(MODES):
        return f"kitchens is not a list of 1 to {len(MODES)} kitchens"
    names = [k.get("kitchen") if isinstance(k, dict) else None for k in kitchens]
    if len(set(map(str, names))) != len(names):
        return "a kitchen appears twice"
    times: list[float] = []
    for kitchen in kitchens:
        problem = _kitchen_problem(kitchen, customers, times)
        if problem:
            return problem
    if times and max(times) - min(times) > MAX_RACE_SPAN_S:
        return f"its times span {max(times) - min(times):.3g} s, more than any race"
    return None


def _bools(data: dict[str, Any], *names: str) -> str | None:
    wrong = [n for n in names if not isinstance(data.get(n, False), bool)]
    return f"{wrong[0]} is not true or false" if wrong else None


def _small_object(value: object, name: str, fields: set[str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not set(value) <= fields:
        return f"{name} is not an object of {', '.join(sorted(fields))}"
    return None


def _kitchen_problem(kitchen: object, customers: int, times: list[float]) -> str | None:
    if not isinstance(kitchen, dict):
        return "a kitchen is not an object"
    name = kitchen.get("kitchen")
    summary, cost, orders = kitchen.get("summary"), kitchen.get("cost"), kitchen.get("orders")
    problem = _first(
        _choice(name, "kitchen", set(MODES)),
        None if isinstance(summary, dict) else f"{name}: summary is not an object",
        None if isinstance(orders, list) else f"{name}: orders is not a list",
        _cost_problem(cost, name),
    )
    if problem:
        return problem
    assert isinstance(name, str) and isinstance(summary, dict) and isinstance(orders, list)
    expected = summary.get("expected_makespan")
    problem = _number(expected, f"{name}: expected makespan", 0.0, 1e6, none_ok=True)
    if problem:
        return problem
    if len(orders) > customers:
        return f"{name} has {len(orders)} orders for {customers} customers"
    seen: set[int] = set()
    for order in orders:
        problem = _order_problem(order, name, customers, seen, times)
        if problem:
            return problem
    return None


def _cost_problem(cost: object, name: object) -> str | None:
    if cost is None:
        return None
    if not isinstance(cost, dict) or set(cost) != {"processes", "threads", "memory"}:
        return f"{name}: cost is not processes, threads and memory"
    return _first(
        _whole(cost["processes"], f"{name}: processes", 0, 10**4),
        _whole(cost["threads"], f"{name}: threads", 0, 10**6),
        _whole(cost["memory"], f"{name}: memory", 0, 2**50, none_ok=True),
    )


def _order_problem(
    order: object, kitchen: str, customers: int, seen: set[int], times: list[float]
) -> str | None:
    if not isinstance(order, dict):
        return f"{kitchen}: an order is not an object"
    index = order.get("index")
    problem = _whole(index, f"{kitchen}: order index", 0, customers - 1)
    if problem:
        return problem
    assert isinstance(index, int)  # checked by _whole
    if index in seen:
        return f"{kitchen}: order {index + 1} appears twice"
    seen.add(index)
    where = f"{kitchen} order {index + 1}"
    steps, tokens = order.get("steps", []), order.get("tokens", [])
    problem = _first(
        None if order.get("kitchen") == kitchen else f"{where} belongs to another kitchen",
        _choice(order.get("status"), f"{where} status", {s.value for s in OrderStatus}),
        _choice(order.get("failure"), f"{where} failure", {f.value for f in Failure}, none_ok=True),
        _whole(order.get("http_status"), f"{where} HTTP status", 100, 599, none_ok=True),
        _text(order.get("error"), f"{where} error", none_ok=True),
        _text(order.get("chef"), f"{where} chef", none_ok=True),
        _text(order.get("chef_kind"), f"{where} chef kind", none_ok=True),
        None if isinstance(steps, list) and len(steps) <= MAX_STEPS else f"{where}: bad steps",
        None
        if isinstance(tokens, list) and len(tokens) <= limits.MAX_MAX_TOKENS
        else f"{where}: bad tokens",
    )
    if problem:
        return problem
    chain: list[tuple[str, object]] = [("sent", order.get("sent"))]
    chain.append(("accepted", order.get("accepted")))
    for step in steps:
        problem = _step_problem(step, where)
        if problem:
            return problem
        chain += [(f"{step['name']} start", step["start"]), (f"{step['name']} end", step["end"])]
    chain += [("done", order.get("done")), ("received", order.get("received"))]
    if chain[0][1] is None:
        return f"{where} has no sent time"
    for name, value in chain:
        problem = _number(value, f"{where} {name}", 0.0, MAX_CLOCK_S, none_ok=True)
        if problem:
            return problem
    known = [(name, value) for name, value in chain if value is not None]
    for (first, early), (then, late) in itertools.pairwise(known):
        if early > late + ORDER_SLACK_S:  # type: ignore[operator]
            return f"{where}: {then} comes before {first}"
    for token in tokens:
        problem = _number(token, f"{where} token time", chain[0][1], MAX_CLOCK_S)  # type: ignore[arg-type]
        if problem:
            return problem
    times += [value for _, value in known]  # type: ignore[misc]
    return None


def _step_problem(step: object, where: str) -> str | None:
    if not isinstance(step, dict):
        return f"{where}: a step is not an object"
    return _first(
        _text(step.get("name"), f"{where} step name"),
        _choice(step.get("kind"), f"{where} step kind", {k.value for k in StepKind}),
        None
        if isinstance(step.get("holds_chef"), bool)
        else f"{where}: holds_chef is not true or false",
        _number(step.get("start"), f"{where} step start", 0.0, MAX_CLOCK_S),
        _number(step.get("end"), f"{where} step end", 0.0, MAX_CLOCK_S),
    )
