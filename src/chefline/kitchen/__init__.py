"""The restaurant's domain: modes, recipes, orders, timelines and theory. No Qt, no web."""

from chefline.kitchen.arrivals import Arrivals
from chefline.kitchen.errors import BadInput
from chefline.kitchen.modes import MODES, KitchenMode, KitchenSettings, get_mode
from chefline.kitchen.order import OrderRecord, OrderStatus, Step, StepKind
from chefline.kitchen.recipe import DishKind, Recipe
from chefline.kitchen.timeline import ChefSegment, ChefState, RaceTimeline
from chefline.kitchen.timeline_summary import TimelineSummary

__all__ = [
    "MODES",
    "Arrivals",
    "BadInput",
    "ChefSegment",
    "ChefState",
    "DishKind",
    "KitchenMode",
    "KitchenSettings",
    "OrderRecord",
    "OrderStatus",
    "RaceTimeline",
    "Recipe",
    "Step",
    "StepKind",
    "TimelineSummary",
    "get_mode",
]
