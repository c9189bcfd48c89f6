"""A race before it starts: what is ordered, when, and whether it fits in the time allowed."""

from __future__ import annotations

from dataclasses import dataclass, field

from chefline.kitchen import limits
from chefline.kitchen.arrivals import Arrivals
from chefline.kitchen.modes import KitchenMode, KitchenSettings
from chefline.kitchen.recipe import Recipe, RecipeError


@dataclass(frozen=True, slots=True)
class RacePlan:
    recipe: Recipe = field(default_factory=Recipe)
    arrivals: Arrivals = field(default_factory=lambda: Arrivals(10))

    def expected_makespan(self, mode: KitchenMode, settings: KitchenSettings) -> float:
        return mode.expected_makespan(self.arrivals.offsets, self.recipe, settings)

    def check_fits(self, mode: KitchenMode, settings: KitchenSettings) -> float:
        """The expected makespan, or RecipeError when it is longer than a race may last."""
        expected = self.expected_makespan(mode, settings)
        if expected > limits.MAX_EXPECTED_RACE_S:
            raise RecipeError(
                f"{mode.name} would need about {expected:.0f} s for {self.arrivals.customers} "
                f"customers with a {self.recipe.wait:g} s wait; a race may last at most "
                f"{limits.MAX_EXPECTED_RACE_S:.0f} s. Use fewer customers or a shorter wait."
            )
        return expected

    def order_timeout(self, expected: float) -> float:
        """How long one customer waits before walking out: well past the theory."""
        return 2.0 * expected + 10.0
