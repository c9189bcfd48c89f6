"""What a customer orders: a dish made of prep, a wait on the stove (or CPU cooking) and plating."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from chefline.kitchen import limits
from chefline.kitchen.errors import BadInput
from chefline.kitchen.numbers import is_real

DEFAULT_STEP_CPU_S = 0.0002
"""Prep and plating: a fifth of a millisecond of chef work, like parsing and answering a
request. Long enough to see on a chef's lane, short enough that 1000 orders on one event
loop add only 0.4 s."""


class DishKind(StrEnum):
    """How the long middle step of a dish spends its time."""

    IO = "io"
    """The dish waits (a database, an LLM API): a sleep or an awaited call."""
    CPU = "cpu"
    """The dish needs the chef's hands the whole time (hashing): async cannot help."""
    LLM = "llm"
    """The dish waits on a language model that streams its answer token by token."""


@dataclass(frozen=True, slots=True)
class Recipe:
    """One dish: ``prep`` and ``plate`` are seconds of chef CPU work, ``wait`` the long step."""

    wait: float = 0.5
    dish: DishKind = DishKind.IO
    prep: float = DEFAULT_STEP_CPU_S
    plate: float = DEFAULT_STEP_CPU_S

    def __post_init__(self) -> None:
        check_number("wait", self.wait, limits.MIN_WAIT_S, limits.MAX_WAIT_S)
        check_number("prep", self.prep, 0.0, limits.MAX_STEP_CPU_S)
        check_number("plate", self.plate, 0.0, limits.MAX_STEP_CPU_S)
        if not isinstance(self.dish, DishKind):
            object.__setattr__(self, "dish", parse_dish(self.dish))

    @property
    def service_time(self) -> float:
        """Seconds one order keeps a chef who does nothing else meanwhile."""
        return self.prep + self.wait + self.plate

    def as_query(self) -> dict[str, str]:
        return {
            "wait": repr(self.wait),
            "dish": self.dish.value,
            "prep": repr(self.prep),
            "plate": repr(self.plate),
        }


def parse_dish(value: object) -> DishKind:
    try:
        return DishKind(str(value))
    except ValueError:
        choices = ", ".join(kind.value for kind in DishKind)
        raise BadInput(f"dish must be one of {choices}, not {value!r}") from None


def check_number(name: str, value: object, low: float, high: float, unit: str = "seconds") -> None:
    """BadInput unless ``value`` is a number (not a bool, not NaN) from ``low`` to ``high``;
    ``unit`` names what it counts in the message ("" for a plain number)."""
    of_unit, in_unit = (f" of {unit}", f" {unit}") if unit else ("", "")
    if not is_real(value):
        raise BadInput(f"{name} must be a number{of_unit}, not {value!r}")
    if value != value or not low <= value <= high:  # NaN fails the first test
        raise BadInput(f"{name} must be between {low:g} and {high:g}{in_unit}, not {value:g}")


def recipe_from_strings(values: dict[str, str]) -> Recipe:
    """Build a recipe from text fields (query strings, form fields), with readable errors."""
    numbers: dict[str, float] = {}
    for name in ("wait", "prep", "plate"):
        if name in values:
            try:
                numbers[name] = float(values[name])
            except ValueError:
                raise BadInput(
                    f"{name} must be a number of seconds, not {values[name]!r}"
                ) from None
    dish = parse_dish(values["dish"]) if "dish" in values else DishKind.IO
    return Recipe(dish=dish, **numbers)
