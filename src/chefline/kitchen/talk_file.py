"""``scenes.json`` read as hostile input: bounded, then every field checked by type and value.

The talk can be a speaker's own file (``--scenes FILE``), so it meets the same edge as a race
file: only a regular file is read, at most ``MAX_TALK_BYTES``, measured before it is parsed
(``bounded_json``). Then its whole shape is checked before a scene is built: a list where a
string belongs (``"dish": ["io"]``), a scene without ``id``, a claim with a field no claim
has, a text that is not text, a race value out of range — each is refused with one sentence
that names the scene and the field, so ``chefline window`` and ``chefline rehearse`` never
meet a KeyError or a TypeError from it.
"""

from __future__ import annotations

import math
from dataclasses import fields
from typing import Any

from chefline.kitchen import limits
from chefline.kitchen.bounded_json import JsonBounds
from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.modes import MODES
from chefline.kitchen.numbers import is_number
from chefline.kitchen.recipe import DishKind
from chefline.kitchen.timeline_summary import TimelineSummary
from chefline.texts import LANGUAGES, QT_TRANSLATE_NOOP

MAX_SCENES = 50
MAX_TALK_BYTES = 1024 * 1024
MAX_ID = 64
MAX_TALK_TEXT = 4000
"""A title, caption, note or table cell, in characters."""
MAX_CLAIMS = 20
TALK_BOUNDS = JsonBounds(
    max_bytes=MAX_TALK_BYTES,
    max_values=100_000,
    max_strings=50_000,
    max_containers=10_000,
    max_depth=8,  # talk, scenes, scene, claims, claim: 5
    what=QT_TRANSLATE_NOOP("Errors", "talk"),
)
ACTIONS = {"race", "bad_order"}
CLAIM_KINDS = {"ratio", "faster", "figure"}
CLAIM_FIELDS = {"kind", "kitchen", "low", "high", "than", "figure", "min_cores"}
SCENE_FIELDS = {"id", "kitchens", "race", "title", "caption", "notes", "action", "claims"}
TEXT_FIELDS = ("title", "caption", "notes")
ROW_FIELDS = {"topic", "flask", "fastapi", "scene"}
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
DISHES = {kind.value for kind in DishKind}


def _is_name(value: object, choices: set[str] | None = None) -> bool:
    """A string (never a list, a number or an object), one of ``choices`` if given."""
    return isinstance(value, str) and (choices is None or value in choices)


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:40]}…"


def talk_problem(data: object) -> str | None:
    """What makes ``data`` not a talk (None when it is one)."""
    if not isinstance(data, dict):
        return "it is not a JSON object with scenes and table"
    extra = sorted(set(data) - {"scenes", "table"})
    if extra:
        return f"the talk has no field {_show(extra[0])}"
    scenes, table = data.get("scenes"), data.get("table")
    if not isinstance(scenes, list) or not 1 <= len(scenes) <= MAX_SCENES:
        return f"scenes must be a list of 1 to {MAX_SCENES} scenes"
    if not isinstance(table, list) or len(table) > MAX_SCENES:
        return f"table must be a list of at most {MAX_SCENES} rows"
    ids: set[str] = set()
    for number, scene in enumerate(scenes, 1):
        problem = _scene_problem(scene, number, ids)
        if problem:
            return problem
    for number, row in enumerate(table, 1):
        problem = _row_problem(row, number, ids)
        if problem:
            return problem
    return None


def _texts_problem(texts: object, where: str) -> str | None:
    """A text in each language of the talk, every one of them text."""
    if not isinstance(texts, dict):
        return f"{where} must be an object with a text in each of {', '.join(LANGUAGES)}"
    for language in LANGUAGES:
        value = texts.get(language)
        if not isinstance(value, str) or not value.strip():
            return f"{where} needs a text in {language}"
    for language, value in texts.items():
        if not isinstance(value, str):
            return f"{where} in {_show(language)} is not text"
        if len(value) > MAX_TALK_TEXT:
            return f"{where} in {language} is longer than {MAX_TALK_TEXT} characters"
    return None


def _scene_problem(scene: object, number: int, ids: set[str]) -> str | None:
    if not isinstance(scene, dict):
        return f"scene {number} is not an object"
    scene_id = scene.get("id")
    if not isinstance(scene_id, str) or not scene_id.strip() or len(scene_id) > MAX_ID:
        return f"scene {number} has no id"
    if not scene_id.isprintable() or "/" in scene_id or "\\" in scene_id:
        return f"scene {number}: the id {_show(scene_id)} is not a plain name"
    if scene_id in ids:
        return f"scene {number}: the id {scene_id!r} is used twice"
    ids.add(scene_id)
    where = f"scene {number} ({scene_id})"
    extra = sorted(set(scene) - SCENE_FIELDS)
    if extra:
        return f"{where} has no field {_show(extra[0])}"
    kitchens = scene.get("kitchens")
    if not isinstance(kitchens, list) or not 1 <= len(kitchens) <= len(MODES):
        return f"{where}: kitchens must be a list of 1 to {len(MODES)} kitchens"
    unknown = [k for k in kitchens if not _is_name(k, set(MODES))]
    if unknown:
        return f"{where}: unknown kitchen {_show(unknown[0])}"
    if len(set(kitchens)) != len(kitchens):
        return f"{where}: a kitchen appears twice"
    if not _is_name(scene.get("action", "race"), ACTIONS):
        return f"{where}: action must be one of {', '.join(sorted(ACTIONS))}"
    for name in TEXT_FIELDS:
        problem = _texts_problem(scene.get(name), f"{where}: {name}")
        if problem:
            return problem
    problem = _race_problem(scene.get("race", {}), where)
    if problem:
        return problem
    claims = scene.get("claims", [])
    if not isinstance(claims, list) or len(claims) > MAX_CLAIMS:
        return f"{where}: claims must be a list of at most {MAX_CLAIMS} claims"
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
            if not _is_name(value, DISHES):
                return f"{where}: race dish must be one of io, cpu, llm"
        elif name == "in_turn":
            if not isinstance(value, bool):
                return f"{where}: race in_turn must be true or false"
        elif name not in RACE_BOUNDS:
            return f"{where}: race has no field {_show(name)}"
        else:
            low, high = RACE_BOUNDS[name]
            whole = name not in WHOLE or isinstance(value, int)
            if not is_number(value) or not whole or not low <= value <= high:
                return f"{where}: race {name} must be a number from {low:g} to {high:g}"
    return None


def _claim_problem(claim: object, where: str, kitchens: list[str]) -> str | None:
    if not isinstance(claim, dict):
        return f"{where}: a claim is not an object"
    extra = set(claim) - CLAIM_FIELDS
    if extra:
        return f"{where}: a claim has no field {sorted(extra)[0]!r:.40}"
    kind = claim.get("kind")
    if not _is_name(kind, CLAIM_KINDS):
        return f"{where}: a claim's kind must be one of {', '.join(sorted(CLAIM_KINDS))}"
    than = claim.get("than")
    if not _is_name(claim.get("kitchen"), set(kitchens)) or not (
        than is None or _is_name(than, set(kitchens))
    ):
        return f"{where}: a claim names a kitchen the scene does not open"
    if kind == "faster" and than is None:
        return f"{where}: a 'faster' claim needs than"
    figure = claim.get("figure")
    if figure is not None and not _is_name(figure, FIGURES):
        return f"{where}: a claim's figure must be a figure a race measures"
    if kind == "figure" and figure is None:
        return f"{where}: a 'figure' claim needs a figure a race measures"
    for bound in ("low", "high"):
        if bound in claim and not is_number(claim[bound]):
            return f"{where}: a claim's {bound} must be a number"
    if claim.get("low", 0.0) > claim.get("high", math.inf):
        return f"{where}: a claim's low is above its high"
    cores = claim.get("min_cores", 1)
    if not isinstance(cores, int) or isinstance(cores, bool) or not 1 <= cores <= 4096:
        return f"{where}: a claim's min_cores must be a whole number from 1"
    return None


def _row_problem(row: Any, number: int, ids: set[str]) -> str | None:
    where = f"table row {number}"
    if not isinstance(row, dict):
        return f"{where} is not an object"
    extra = sorted(set(row) - ROW_FIELDS)
    if extra:
        return f"{where} has no field {_show(extra[0])}"
    if not _is_name(row.get("scene"), ids):
        return f"{where} links to a missing scene {_show(row.get('scene'))}"
    for name in ("topic", "flask", "fastapi"):
        problem = _texts_problem(row.get(name), f"{where}: {name}")
        if problem:
            return problem
    return None
