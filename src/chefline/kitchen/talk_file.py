"""``scenes.json`` read as hostile input: its whole shape is checked before a scene is built.

A file of the wrong shape (``{"scenes": 5}``, a scene without ``id`` or ``kitchens``, a claim
with a field no claim has, a race value that is text) is refused with one sentence that
names the scene and the field, so ``chefline window`` and ``chefline rehearse`` never meet a
KeyError or a TypeError from it.
"""

from __future__ import annotations

import math
from dataclasses import fields

from chefline.kitchen import limits
from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.modes import MODES
from chefline.kitchen.recipe import DishKind
from chefline.kitchen.timeline import TimelineSummary

MAX_SCENES = 50
MAX_TALK_BYTES = 1024 * 1024
ACTIONS = {"race", "bad_order"}
CLAIM_KINDS = {"ratio", "faster", "figure"}
CLAIM_FIELDS = {"kind", "kitchen", "low", "high", "than", "figure", "min_cores"}
FIGURES = {f.name for f in fields(TimelineSummary)} | {f.name for f in fields(KitchenCost)}
RACE_BOUNDS: dict[str, tuple[float, float]] = {
    "customers": (limits.MIN_CUSTOMERS, limits.MAX_CUSTOMERS),
    "wait": (limits.MIN_WAIT_S, limits.MAX_WAIT_S),
    "gap": (0.0, limits.MAX_STAGGER_S),
    "tokens": (limits.MIN_MAX_TOKENS, limits.MAX_MAX_TOKENS),
    "ttft": (0.0, limits.MAX_TTFT_S),
    "tokens_per_s": (limits.MIN_TOKENS_PER_S, limits.MAX_TOKENS_PER_S),
}
WHOLE = {"customers", "tokens"}


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def talk_problem(data: object) -> str | None:
    """What makes ``data`` not a talk (None when it is one)."""
    if not isinstance(data, dict):
        return "it is not a JSON object with scenes and table"
    scenes, table = data.get("scenes"), data.get("table")
    if not isinstance(scenes, list) or not 1 <= len(scenes) <= MAX_SCENES:
        return f"scenes must be a list of 1 to {MAX_SCENES} scenes"
    if not isinstance(table, list):
        return "table must be a list of rows"
    ids: set[str] = set()
    for number, scene in enumerate(scenes, 1):
        problem = _scene_problem(scene, number, ids)
        if problem:
            return problem
    for number, row in enumerate(table, 1):
        if not isinstance(row, dict):
            return f"table row {number} is not an object"
        if not isinstance(row.get("scene"), str) or row["scene"] not in ids:
            return f"table row {number} links to a missing scene {row.get('scene')!r:.40}"
    return None


def _scene_problem(scene: object, number: int, ids: set[str]) -> str | None:
    if not isinstance(scene, dict):
        return f"scene {number} is not an object"
    scene_id = scene.get("id")
    if not isinstance(scene_id, str) or not scene_id:
        return f"scene {number} has no id"
    if scene_id in ids:
        return f"scene {number}: the id {scene_id!r} is used twice"
    ids.add(scene_id)
    where = f"scene {number} ({scene_id})"
    kitchens = scene.get("kitchens")
    if not isinstance(kitchens, list) or not 1 <= len(kitchens) <= len(MODES):
        return f"{where}: kitchens must be a list of 1 to {len(MODES)} kitchens"
    unknown = [k for k in kitchens if not isinstance(k, str) or k not in MODES]
    if unknown:
        return f"{where}: unknown kitchen {unknown[0]!r:.40}"
    if scene.get("action", "race") not in ACTIONS:
        return f"{where}: action must be one of {', '.join(sorted(ACTIONS))}"
    problem = _race_problem(scene.get("race", {}), where)
    if problem:
        return problem
    claims = scene.get("claims", [])
    if not isinstance(claims, list):
        return f"{where}: claims must be a list"
    for claim in claims:
        problem = _claim_problem(claim, where, kitchens)
        if problem:
            return problem
    return None


def _race_problem(race: object, where: str) -> str | None:
    if not isinstance(race, dict):
        return f"{where}: race must be an object"
    for name, value in race.items():
        if name == "dish":
            if value not in {kind.value for kind in DishKind}:
                return f"{where}: race dish must be one of io, cpu, llm"
        elif name == "in_turn":
            if not isinstance(value, bool):
                return f"{where}: race in_turn must be true or false"
        elif name not in RACE_BOUNDS:
            return f"{where}: race has no field {name!r:.40}"
        else:
            low, high = RACE_BOUNDS[name]
            whole = name not in WHOLE or isinstance(value, int)
            if not _is_number(value) or not whole or not low <= value <= high:
                return f"{where}: race {name} must be a number from {low:g} to {high:g}"
    return None


def _claim_problem(claim: object, where: str, kitchens: list[str]) -> str | None:
    if not isinstance(claim, dict):
        return f"{where}: a claim is not an object"
    extra = set(claim) - CLAIM_FIELDS
    if extra:
        return f"{where}: a claim has no field {sorted(extra)[0]!r:.40}"
    kind = claim.get("kind")
    if kind not in CLAIM_KINDS:
        return f"{where}: a claim's kind must be one of {', '.join(sorted(CLAIM_KINDS))}"
    if claim.get("kitchen") not in kitchens or claim.get("than") not in (None, *kitchens):
        return f"{where}: a claim names a kitchen the scene does not open"
    if kind == "faster" and claim.get("than") is None:
        return f"{where}: a 'faster' claim needs than"
    if kind == "figure" and claim.get("figure") not in FIGURES:
        return f"{where}: a 'figure' claim needs a figure a race measures"
    for bound in ("low", "high"):
        if bound in claim and not _is_number(claim[bound]):
            return f"{where}: a claim's {bound} must be a number"
    cores = claim.get("min_cores", 1)
    if not isinstance(cores, int) or isinstance(cores, bool) or not 1 <= cores <= 4096:
        return f"{where}: a claim's min_cores must be a whole number from 1"
    return None
