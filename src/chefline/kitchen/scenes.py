"""The talk: scenes read from a data file, and the claims each scene's caption makes.

A scene names its kitchens and its race; its title, caption and speaker notes come in every
language of the talk. Its claims are what the caption says in numbers, so that a test (and a
speaker in a rehearsal) can check that the real race bears the caption out.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chefline.kitchen.bounded_json import load_file
from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.errors import BadInput
from chefline.kitchen.llm import DEFAULT_MODEL_SPEED, ModelSpeed
from chefline.kitchen.recipe import DishKind
from chefline.kitchen.talk_file import TALK_BOUNDS, talk_problem
from chefline.kitchen.timeline_summary import TimelineSummary
from chefline.texts import LANGUAGES, translate

SLACK_CORES = 0.5
"""A quiet machine is never quite idle: its own background work may take this much."""


@dataclass(frozen=True)
class Claim:
    """One checkable sentence of a caption.

    ``kind`` is ``ratio`` (makespan ÷ theory between ``low`` and ``high``), ``faster``
    (``kitchen`` finishes at least ``low`` times sooner than ``than``), or ``figure`` (a
    summary or cost figure, e.g. ``chefs``, ``peak_concurrency``, ``threads``, ``processes``,
    between ``low`` and ``high``). ``min_cores``: only checked when that many cores were
    free for the race (a claim about parallel CPU work cannot show on a busy machine).
    """

    kind: str
    kitchen: str
    low: float = 0.0
    high: float = float("inf")
    than: str | None = None
    figure: str | None = None
    min_cores: int = 1

    def problem(
        self,
        summaries: dict[str, TimelineSummary],
        costs: dict[str, KitchenCost | None],
        spare_cores: float | None = None,
        margin: float = 1.0,
    ) -> str | None:
        """Why the race does not bear this claim out, or None when it does (or cannot
        show: fewer than ``min_cores`` cores, or ``spare_cores`` measured free, with half a
        core of slack for the machine's own background work). ``margin`` widens a ratio's
        upper bound: a ratio to theory is a speed target (``chefline rehearse`` and ``make
        bench`` hold it to the caption's bound), which a test on a slower machine of the same
        kind checks with room."""
        cores = float(os.cpu_count() or 1) if spare_cores is None else spare_cores
        if cores < self.min_cores - SLACK_CORES:
            return None
        s = summaries[self.kitchen]
        if self.kind == "ratio":
            value, what = s.ratio_to_theory, "makespan ÷ theory"
        elif self.kind == "faster":
            assert self.than is not None
            other = summaries[self.than].makespan
            value = other / s.makespan if other and s.makespan else None
            what = f"{self.than}'s makespan ÷ this one's"
        else:
            assert self.figure is not None
            cost = costs.get(self.kitchen)
            value = (
                getattr(cost, self.figure) if hasattr(KitchenCost, self.figure) and cost
                else getattr(s, self.figure)
            )  # fmt: skip
            what = self.figure
        high = self.high * margin if self.kind == "ratio" else self.high
        if value is None or not self.low <= value <= high:
            shown = "none" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")
            if high == float("inf"):
                wanted = f"at least {self.low:g}"
            elif self.low <= 0:
                wanted = f"at most {high:g}"
            else:
                wanted = f"{self.low:g} to {high:g}"
            return f"{self.kitchen}: {what} is {shown}, expected {wanted}"
        return None


@dataclass(frozen=True, slots=True)
class SceneRace:
    """The race a scene fills the control bar with: its ``race`` in the talk's file (checked
    by ``talk_file``), each value it leaves out at the control bar's default."""

    customers: int = 10
    wait: float = 1.0
    dish: DishKind = DishKind.IO
    gap: float = 0.0
    """Seconds between two customers' arrivals."""
    in_turn: bool = False
    """The customers order one after another (each waits for the previous dish)."""
    tokens: int = 8
    """The LLM dish: tokens each customer asks for."""
    ttft: float = DEFAULT_MODEL_SPEED.ttft
    tokens_per_s: float = DEFAULT_MODEL_SPEED.tokens_per_s

    @property
    def speed(self) -> ModelSpeed:
        """The built-in model's speed for the LLM dish."""
        return ModelSpeed(self.ttft, self.tokens_per_s)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SceneRace:
        """The race as the talk's file says it (``talk_problem`` has checked its fields)."""
        default = cls()
        return cls(
            customers=int(data.get("customers", default.customers)),
            wait=float(data.get("wait", default.wait)),
            dish=DishKind(data.get("dish", default.dish.value)),
            gap=float(data.get("gap", default.gap)),
            in_turn=bool(data.get("in_turn", default.in_turn)),
            tokens=int(data.get("tokens", default.tokens)),
            ttft=float(data.get("ttft", default.ttft)),
            tokens_per_s=float(data.get("tokens_per_s", default.tokens_per_s)),
        )


@dataclass(frozen=True)
class Scene:
    id: str
    kitchens: list[str]
    race: SceneRace
    title: dict[str, str]
    caption: dict[str, str]
    notes: dict[str, str]
    action: str = "race"
    """"race": Space serves the orders; "bad_order": Space sends one bad order to each."""
    claims: list[Claim] = field(default_factory=list)

    @property
    def dish(self) -> DishKind:
        return self.race.dish

    def text(self, what: str, language: str) -> str:
        texts: dict[str, str] = getattr(self, what)
        return texts.get(language) or texts["en"]

    def problems(
        self,
        summaries: dict[str, TimelineSummary],
        costs: dict[str, KitchenCost | None],
        spare_cores: float | None = None,
        margin: float = 1.0,
    ) -> list[str]:
        problems = (c.problem(summaries, costs, spare_cores, margin) for c in self.claims)
        return [p for p in problems if p is not None]


@dataclass(frozen=True)
class TableRow:
    """A row of the reference's comparison table, and the scene that demonstrates it."""

    topic: dict[str, str]
    flask: dict[str, str]
    fastapi: dict[str, str]
    scene: str


@dataclass(frozen=True)
class Talk:
    scenes: list[Scene]
    table: list[TableRow]

    def index_of(self, scene_id: str) -> int:
        for index, scene in enumerate(self.scenes):
            if scene.id == scene_id:
                return index
        raise BadInput(f"the talk has no scene {scene_id!r}")


def load_talk(path: Path) -> Talk:
    """The talk in ``path`` (JSON), read with bounds and checked whole (``talk_file``):
    BadInput in one sentence names what is wrong."""
    data = load_file(path, TALK_BOUNDS, translate("Errors", "the talk {0}").format(path.name))
    problem = talk_problem(data)
    if problem:
        text = translate("Errors", "the talk {0} is damaged: {1}")
        raise BadInput(text.format(path.name, problem))
    scenes = [
        Scene(
            raw["id"], list(raw["kitchens"]), SceneRace.from_json(raw.get("race", {})),
            _texts(raw["title"]), _texts(raw["caption"]), _texts(raw["notes"]),
            raw.get("action", "race"), [Claim(**claim) for claim in raw.get("claims", [])],
        )
        for raw in data["scenes"]
    ]  # fmt: skip
    table = [
        TableRow(_texts(raw["topic"]), _texts(raw["flask"]), _texts(raw["fastapi"]), raw["scene"])
        for raw in data["table"]
    ]
    return Talk(scenes, table)


def _texts(texts: dict[str, str]) -> dict[str, str]:
    return {language: texts[language] for language in LANGUAGES}
