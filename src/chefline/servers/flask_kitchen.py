"""The Flask kitchens: one app, a plain ``def`` route or an ``async def`` view at /cook."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from flask import Flask, g, jsonify, request
from flask.typing import ResponseReturnValue

from chefline.kitchen.faults import Faults, KitchenFire
from chefline.kitchen.recipe import Recipe, RecipeError, recipe_from_strings
from chefline.servers.cooking import DishTicket, current_chef
from chefline.servers.relay import EventRelay

MAX_RACE_ID = 64
MAX_ORDER = 1_000_000


def parse_faults(args: Mapping[str, str]) -> Faults:
    try:
        every = int(args.get("every", "0"))
    except ValueError:
        raise RecipeError(f"every must be a whole number, not {args.get('every')!r}") from None
    return Faults(args.get("fault", "none"), every)  # type: ignore[arg-type]


def parse_order(args: Mapping[str, str]) -> tuple[str, int, Recipe]:
    """Race id, order number and recipe from query arguments; RecipeError says what is wrong."""
    race = args.get("race", "")
    if len(race) > MAX_RACE_ID:
        raise RecipeError(f"race id is longer than {MAX_RACE_ID} characters")
    try:
        order = int(args.get("order", "0"))
    except ValueError:
        raise RecipeError(f"order must be a whole number, not {args.get('order')!r}") from None
    if not 0 <= order <= MAX_ORDER:
        raise RecipeError(f"order must be between 0 and {MAX_ORDER}, not {order}")
    fields = {name: args[name] for name in ("wait", "prep", "plate", "dish") if name in args}
    return race, order, recipe_from_strings(fields)


def create_flask_app(kitchen: str, relay: EventRelay, *, async_view: bool = False) -> Flask:
    """The kitchen's WSGI app; ``async_view`` swaps the route for an ``async def`` view."""
    app = Flask(f"chefline.{kitchen}")
    # Flask's own logger would print every bad order's traceback; the 400 reply says enough.
    app.logger.setLevel(logging.WARNING)

    @app.errorhandler(RecipeError)
    def bad_order(error: RecipeError) -> ResponseReturnValue:
        return jsonify(error="bad order", detail=str(error)), 400

    @app.errorhandler(KitchenFire)
    def burnt_dish(error: KitchenFire) -> ResponseReturnValue:
        return jsonify(error="burnt dish", detail=str(error), kitchen_report=error.report), 500

    @app.get("/")
    def about() -> ResponseReturnValue:
        return jsonify(kitchen=kitchen, framework="flask", cook="/cook?wait=0.5")

    if async_view:

        @app.before_request
        def remember_chef() -> None:
            # asgiref runs the coroutine on a thread of its own while the request thread waits.
            g.chef = current_chef()

        @app.get("/cook")
        async def cook_async() -> ResponseReturnValue:
            race, order, recipe = parse_order(request.args)
            faults = parse_faults(request.args)
            ticket = DishTicket(kitchen, race, order, relay, g.chef, "thread")
            holds = current_chef() != g.chef
            return jsonify(await ticket.cook_awaiting(recipe, faults, wait_holds_chef=holds))

    else:

        @app.get("/cook")
        def cook() -> ResponseReturnValue:
            race, order, recipe = parse_order(request.args)
            ticket = DishTicket(kitchen, race, order, relay, current_chef(), "thread")
            return jsonify(ticket.cook_holding(recipe, parse_faults(request.args)))

    return app
