"""A race before it starts: what is ordered, when, and whether it fits in the time allowed."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from chefline.kitchen import limits
from chefline.kitchen.arrivals import Arrivals
from chefline.kitchen.errors import BadInput
from chefline.kitchen.faults import Faults
from chefline.kitchen.llm import ChatOrder, ModelSpeed
from chefline.kitchen.modes import KitchenMode, KitchenSettings
from chefline.kitchen.recipe import DishKind, Recipe
from chefline.kitchen.scenes import Scene
from chefline.texts import translate

MIN_PATIENCE_S = 0.05
MAX_PATIENCE_S = 600.0


@dataclass(frozen=True, slots=True)
class RacePlan:
    recipe: Recipe = field(default_factory=Recipe)
    arrivals: Arrivals = field(default_factory=lambda: Arrivals(10))
    faults: Faults = field(default_factory=Faults)
    patience: float | None = None
    """Seconds a customer waits before walking out; None: well past the theory."""
    chat: ChatOrder | None = None
    """The LLM dish's order (then ``recipe`` is its theory, from ``speed``)."""
    speed: ModelSpeed | None = None
    """How fast the model is expected to answer: set, or measured by a probe call."""
    in_turn: bool = False
    """Serve the kitchens one after another instead of at once, so that each has the
    machine's cores to itself (the CPU-bound dish)."""

    @classmethod
    def for_chat(
        cls,
        chat: ChatOrder,
        speed: ModelSpeed,
        arrivals: Arrivals,
        faults: Faults | None = None,
        patience: float | None = None,
    ) -> RacePlan:
        """A race of LLM dishes: every customer sends ``chat`` to the kitchens' /chat."""
        return cls(chat.recipe(speed), arrivals, faults or Faults(), patience, chat, speed)

    @property
    def is_chat(self) -> bool:
        return self.chat is not None

    def __post_init__(self) -> None:
        if (self.recipe.dish is DishKind.LLM) != (self.chat is not None and self.speed is not None):
            raise BadInput("an LLM race needs a chat order and the model's speed")
        if self.patience is not None and not MIN_PATIENCE_S <= self.patience <= MAX_PATIENCE_S:
            raise BadInput(
                f"patience must be between {MIN_PATIENCE_S:g} and {MAX_PATIENCE_S:g} seconds, "
                f"not {self.patience:g}"
            )

    def expected_makespan(self, mode: KitchenMode, settings: KitchenSettings) -> float:
        return mode.expected_makespan(self.arrivals.offsets, self.recipe, settings)

    def check_fits(self, mode: KitchenMode, settings: KitchenSettings) -> float:
        """The expected makespan, or BadInput when it is longer than a race may last."""
        expected = self.expected_makespan(mode, settings)
        if expected > limits.MAX_EXPECTED_RACE_S:
            text = translate(
                "Errors",
                "{0} would need about {1:.0f} s for {2} customers with a {3:g} s wait; a race "
                "may last at most {4:.0f} s. Use fewer customers or a shorter wait.",
            )
            customers, wait = self.arrivals.customers, self.recipe.wait
            limit = limits.MAX_EXPECTED_RACE_S
            raise BadInput(text.format(mode.name, expected, customers, wait, limit))
        return expected

    def order_timeout(self, expected: float) -> float:
        """How long one customer waits before walking out."""
        return self.patience if self.patience is not None else 2.0 * expected + 10.0


def scene_plan(scene: Scene) -> RacePlan:
    """The race a scene of the talk serves."""
    race = scene.race
    arrivals = Arrivals(race.customers, race.gap)
    if race.dish is DishKind.LLM:
        chat = RacePlan.for_chat(ChatOrder(max_tokens=race.tokens), race.speed, arrivals)
        return replace(chat, in_turn=race.in_turn)
    recipe = Recipe(wait=race.wait, dish=race.dish)
    return RacePlan(recipe, arrivals, in_turn=race.in_turn)
