"""The route a kitchen runs, as its code panel shows it: read from the very functions its app
serves (``servers.apps.route_code``), through the engine like everything else of a kitchen.

Reading them builds the kitchens' Flask and FastAPI apps, so they are imported here only
when a code panel is first shown (the talk), never at the window's start.
"""

from __future__ import annotations

from chefline.kitchen.recipe import DishKind


def kitchen_code(mode: str, dish: DishKind = DishKind.IO) -> tuple[str, str]:
    """The route of ``mode`` for ``dish``: as a reader would write it, and whole."""
    from chefline.servers.apps.route_code import reader_code, route_code

    return reader_code(mode, dish), route_code(mode, dish)
