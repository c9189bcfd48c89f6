"""The kitchen modes, one small file each. To add one: write its file and list it here."""

from chefline.kitchen.modes.base import KitchenMode, KitchenSettings
from chefline.kitchen.modes.fastapi_async import FastApiAsync
from chefline.kitchen.modes.fastapi_blocking import FastApiBlocking
from chefline.kitchen.modes.fastapi_def import FastApiDef
from chefline.kitchen.modes.flask_async_view import FlaskAsyncView
from chefline.kitchen.modes.flask_gevent import FlaskGevent
from chefline.kitchen.modes.flask_one_chef import FlaskOneChef
from chefline.kitchen.modes.flask_pool import FlaskPool
from chefline.kitchen.modes.flask_processes import FlaskProcesses
from chefline.kitchen.modes.flask_threaded import FlaskThreaded
from chefline.kitchen.recipe import RecipeError

MODES: dict[str, KitchenMode] = {
    mode.name: mode
    for mode in (
        FlaskOneChef(),
        FlaskThreaded(),
        FlaskPool(),
        FastApiAsync(),
        FastApiDef(),
        FastApiBlocking(),
        FlaskAsyncView(),
        FlaskGevent(),
        FlaskProcesses(),
    )
}


def get_mode(name: str) -> KitchenMode:
    """The mode called ``name``, or a RecipeError that lists the known ones."""
    try:
        return MODES[name]
    except KeyError:
        known = ", ".join(MODES)
        raise RecipeError(f"unknown kitchen mode {name!r}; choose from: {known}") from None


__all__ = ["MODES", "KitchenMode", "KitchenSettings", "get_mode"]
