"""A saved race read from disk as hostile input: bounded, then checked whole before use.

Reading is bounded before anything is parsed (``chefline.kitchen.bounded_json``): only a
regular file is opened (a named pipe would block), at most ``MAX_RACE_FILE_BYTES`` are read
or inflated from gzip, and the text is measured — values of every kind, strings, arrays and
objects, depth — against what the largest race the limits allow could hold. Then every
field is checked (``race_fields``): type, finite, range, known field, the order count against
the customers, timestamps in phase order, each kitchen's summary figures. Nothing that
draws, replays or exports a race meets a NaN, a string for a number or a million orders.
``RaceFileError`` (a ``BadInput``) says in one sentence what is wrong.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from chefline.client.race import RACE_FORMAT
from chefline.client.race_fields import (
    KITCHEN_FIELDS,
    MAX_CLOCK_S,
    MAX_RACE_SPAN_S,
    MAX_STEPS,
    boolean,
    choice,
    cost_problem,
    first,
    known,
    number,
    order_fields_problem,
    step_problem,
    summary_problem,
    text,
    whole,
)
from chefline.kitchen import limits
from chefline.kitchen.bounded_json import JsonBounds, load_file
from chefline.kitchen.errors import BadInput
from chefline.kitchen.modes import MODES
from chefline.kitchen.recipe import DishKind
from chefline.texts import QT_TRANSLATE_NOOP, translate

MAX_RACE_FILE_BYTES = 64 * 1024 * 1024
"""Uncompressed; the largest race the limits allow (LLM dishes at their longest) fits."""
_ORDERS = len(MODES) * limits.MAX_CUSTOMERS
RACE_BOUNDS = JsonBounds(
    max_bytes=MAX_RACE_FILE_BYTES,
    # An order: some 15 fields, up to 8 steps of 5, and a time for each token.
    max_values=_ORDERS * (limits.MAX_MAX_TOKENS + 20 * (MAX_STEPS + 1)) + 10_000,
    max_strings=_ORDERS * 10 * (MAX_STEPS + 2) + 10_000,
    max_containers=_ORDERS * (MAX_STEPS + 4) + 1_000,
    max_depth=16,  # a race nests 7 deep (race, kitchens, kitchen, orders, order, steps, step)
    what=QT_TRANSLATE_NOOP("Errors", "race"),
)
ORDER_SLACK_S = 0.005
"""Child kitchens' clocks may be up to 2 ms off the app's, so phases may touch out of order."""
RACE_FIELDS = {"format", "race", "customers", "arrivals", "recipe", "gap", "faults", "fault",
               "patience", "chat", "model_speed", "in_turn", "cancelled", "kitchens",
               "kitchens_down"}  # fmt: skip
"""What a race file may hold: a saved race, or ``chefline race --json`` (``kitchens_down``)."""


class RaceFileError(BadInput):
    """A race file refused; the message names the file and what is wrong, in one sentence."""


def read_race_file(path: Path) -> dict[str, Any]:
    """The race's JSON, read with bounds and checked completely; BadInput if not one."""
    data: dict[str, Any] = load_file(path, RACE_BOUNDS)  # a dict once race_problem passes
    problem = race_problem(data)
    if problem:
        raise RaceFileError(translate("Errors", "{0} is damaged: {1}").format(path.name, problem))
    return data


def race_problem(data: object) -> str | None:
    """What makes ``data`` not a race this app saved (None if it is one)."""
    if not isinstance(data, dict) or data.get("format") != RACE_FORMAT:
        return f"it is not a race saved by Chefline ({RACE_FORMAT})"
    customers = data.get("customers")
    recipe, fault = data.get("recipe"), data.get("fault", {})
    problem = first(
        known(data, RACE_FIELDS, "the race"),
        whole(customers, "customers", limits.MIN_CUSTOMERS, limits.MAX_CUSTOMERS),
        text(data.get("race"), "race"),
        text(data.get("arrivals", ""), "arrivals"),
        text(data.get("faults", ""), "faults"),
        None if isinstance(recipe, dict) else "recipe is not an object",
        None if isinstance(fault, dict) else "fault is not an object",
        number(data.get("gap", 0.0), "gap", 0.0, limits.MAX_STAGGER_S),
        number(data.get("patience"), "patience", 0.0, 600.0, none_ok=True),
        boolean(data.get("in_turn", False), "in_turn"),
        boolean(data.get("cancelled", False), "cancelled"),
        _names_problem(data.get("kitchens_down", [])),
        _chat_problem(data.get("chat")),
        _speed_problem(data.get("model_speed")),
    )
    if problem:
        return problem
    assert isinstance(customers, int) and isinstance(recipe, dict) and isinstance(fault, dict)
    problem = first(
        known(recipe, {"wait", "dish", "prep", "plate"}, "recipe"),
        number(recipe.get("wait"), "recipe wait", limits.MIN_WAIT_S, limits.MAX_WAIT_S),
        number(recipe.get("prep"), "recipe prep", 0.0, limits.MAX_STEP_CPU_S),
        number(recipe.get("plate"), "recipe plate", 0.0, limits.MAX_STEP_CPU_S),
        choice(recipe.get("dish"), "recipe dish", {kind.value for kind in DishKind}),
        known(fault, {"fault", "every"}, "fault"),
        choice(fault.get("fault", "none"), "fault", {"none", "burn", "slow"}),
        whole(fault.get("every", 0), "fault every", 0, 10**6),
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


def _names_problem(names: object) -> str | None:
    if isinstance(names, list) and all(isinstance(n, str) and n in MODES for n in names):
        return None
    return "kitchens_down is not a list of kitchens"


def _chat_problem(chat: object) -> str | None:
    if chat is None:
        return None
    if not isinstance(chat, dict):
        return "chat is not an object of prompt, max_tokens, temperature"
    return first(
        known(chat, {"prompt", "max_tokens", "temperature"}, "chat"),
        text(chat.get("prompt", ""), "chat prompt"),
        whole(
            chat.get("max_tokens", limits.MIN_MAX_TOKENS),
            "chat max_tokens",
            limits.MIN_MAX_TOKENS,
            limits.MAX_MAX_TOKENS,
        ),
        number(
            chat.get("temperature", 0.0),
            "chat temperature",
            limits.MIN_TEMPERATURE,
            limits.MAX_TEMPERATURE,
        ),
    )


def _speed_problem(speed: object) -> str | None:
    if speed is None:
        return None
    if not isinstance(speed, dict):
        return "model_speed is not an object of ttft, tokens_per_s"
    return first(
        known(speed, {"ttft", "tokens_per_s"}, "model_speed"),
        number(speed.get("ttft"), "model_speed ttft", 0.0, limits.MAX_TTFT_S),
        number(
            speed.get("tokens_per_s"),
            "model_speed tokens_per_s",
            limits.MIN_TOKENS_PER_S,
            limits.MAX_TOKENS_PER_S,
        ),
    )


def _kitchen_problem(kitchen: object, customers: int, times: list[float]) -> str | None:
    if not isinstance(kitchen, dict):
        return "a kitchen is not an object"
    name = kitchen.get("kitchen")
    orders = kitchen.get("orders")
    problem = first(
        choice(name, "kitchen", set(MODES)),
        known(kitchen, KITCHEN_FIELDS, f"kitchen {name}"),
        None if isinstance(orders, list) else f"{name}: orders is not a list",
        cost_problem(kitchen.get("cost"), name),
    )
    if problem:
        return problem
    assert isinstance(name, str) and isinstance(orders, list)
    problem = summary_problem(kitchen.get("summary"), name, customers)
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


def _order_problem(
    order: object, kitchen: str, customers: int, seen: set[int], times: list[float]
) -> str | None:
    if not isinstance(order, dict):
        return f"{kitchen}: an order is not an object"
    index = order.get("index")
    problem = whole(index, f"{kitchen}: order index", 0, customers - 1)
    if problem:
        return problem
    assert isinstance(index, int)  # checked by whole
    if index in seen:
        return f"{kitchen}: order {index + 1} appears twice"
    seen.add(index)
    where = f"{kitchen} order {index + 1}"
    problem = order_fields_problem(order, kitchen, where)
    if problem:
        return problem
    chain: list[tuple[str, object]] = [("sent", order.get("sent"))]
    chain.append(("accepted", order.get("accepted")))
    for step in order.get("steps", []):
        problem = step_problem(step, where)
        if problem:
            return problem
        chain += [(f"{step['name']} start", step["start"]), (f"{step['name']} end", step["end"])]
    chain += [("done", order.get("done")), ("received", order.get("received"))]
    if chain[0][1] is None:
        return f"{where} has no sent time"
    for name, value in chain:
        problem = number(value, f"{where} {name}", 0.0, MAX_CLOCK_S, none_ok=True)
        if problem:
            return problem
    known_times = [(name, value) for name, value in chain if value is not None]
    for (earlier, early), (then, late) in itertools.pairwise(known_times):
        if early > late + ORDER_SLACK_S:  # type: ignore[operator]
            return f"{where}: {then} comes before {earlier}"
    for token in order.get("tokens", []):
        problem = number(token, f"{where} token time", chain[0][1], MAX_CLOCK_S)  # type: ignore[arg-type]
        if problem:
            return problem
    times += [value for _, value in known_times]  # type: ignore[misc]
    return None
