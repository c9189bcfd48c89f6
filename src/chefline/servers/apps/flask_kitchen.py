"""The Flask kitchens: one app, a plain ``def`` route or an ``async def`` view at /cook."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Mapping

from flask import Flask, Response, g, jsonify, request
from flask.typing import ResponseReturnValue

from chefline.kitchen.error_body import ErrorBody, ErrorKind
from chefline.kitchen.errors import BadInput, ModelError
from chefline.kitchen.faults import Faults, KitchenFire
from chefline.kitchen.recipe import DishKind, Recipe, recipe_from_strings
from chefline.servers.apps.bad_requests import read_json_body
from chefline.servers.apps.chat_forms import (
    MAX_ORDER,
    MAX_RACE_ID,
    OrderProblems,
    read_chat_by_hand,
)
from chefline.servers.apps.cooking import DishTicket, current_chef
from chefline.servers.apps.llm_cooking import NDJSON, LlmTicket
from chefline.servers.apps.request_heads import MAX_BODY_BYTES
from chefline.servers.llm.model_link import (
    Supplier,
    stream_tokens,
)
from chefline.servers.llm.model_stream import model_session, stream_tokens_async
from chefline.servers.relay import EventRelay

LLM_AT_COOK = "the LLM dish is ordered with POST /chat, not at /cook"


def parse_faults(args: Mapping[str, str]) -> Faults:
    try:
        every = int(args.get("every", "0"))
    except ValueError:
        raise BadInput(f"every must be a whole number, not {args.get('every')!r}") from None
    return Faults(args.get("fault", "none"), every)  # type: ignore[arg-type]


def parse_order(args: Mapping[str, str]) -> tuple[str, int, Recipe]:
    """Race id, order number and recipe from query arguments; BadInput says what is wrong."""
    race = args.get("race", "")
    if len(race) > MAX_RACE_ID:
        raise BadInput(f"race id is longer than {MAX_RACE_ID} characters")
    try:
        order = int(args.get("order", "0"))
    except ValueError:
        raise BadInput(f"order must be a whole number, not {args.get('order')!r}") from None
    if not 0 <= order <= MAX_ORDER:
        raise BadInput(f"order must be between 0 and {MAX_ORDER}, not {order}")
    fields = {name: args[name] for name in ("wait", "prep", "plate", "dish") if name in args}
    recipe = recipe_from_strings(fields)
    if recipe.dish is DishKind.LLM:
        raise BadInput(LLM_AT_COOK)
    return race, order, recipe


def create_flask_app(
    kitchen: str,
    relay: EventRelay,
    *,
    async_view: bool = False,
    supplier: Supplier | None = None,
    chef_of: Callable[[], str] = current_chef,
    chef_kind: str = "thread",
) -> Flask:
    """The kitchen's WSGI app; ``async_view`` swaps the routes for ``async def`` views.

    ``chef_of`` names whoever cooks the current order and ``chef_kind`` says what it is: a
    thread by default; a greenlet or a worker process in kitchens that run elsewhere.
    """
    supplier = supplier or Supplier()
    app = Flask(f"chefline.{kitchen}")
    # Flask's own logger would print every bad order's traceback; the 400 reply says enough.
    app.logger.setLevel(logging.WARNING)
    # A Content-Length of 99999999999 is refused (413) before a byte is read.
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES

    @app.errorhandler(BadInput)
    def bad_order(error: BadInput) -> ResponseReturnValue:
        return jsonify(ErrorBody(ErrorKind.BAD_ORDER, str(error)).to_json()), 400

    @app.errorhandler(KitchenFire)
    def burnt_dish(error: KitchenFire) -> ResponseReturnValue:
        return jsonify(ErrorBody(ErrorKind.BURNT_DISH, str(error), error.report).to_json()), 500

    @app.errorhandler(OrderProblems)
    def bad_chat(error: OrderProblems) -> ResponseReturnValue:
        return jsonify(error.to_json()), 400

    @app.errorhandler(ModelError)
    def model_failed(error: ModelError) -> ResponseReturnValue:
        body = ErrorBody(ErrorKind.MODEL_FAILED, str(error), error.report)
        return jsonify(body.to_json()), 502

    @app.get("/")
    def about() -> ResponseReturnValue:
        return jsonify(kitchen=kitchen, framework="flask", cook="/cook?wait=0.5", chat="/chat")

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

        @app.post("/chat")
        async def chat_async() -> ResponseReturnValue:
            order = read_chat_by_hand(read_json_body(request))
            link = supplier.current()
            cook = LlmTicket(kitchen, order.race, order.order, relay, g.chef, "thread")
            holds = current_chef() != g.chef
            # Each request runs on a new event loop here, so the client cannot be shared.
            async with model_session() as session:
                tokens = stream_tokens_async(session, link, order.chat)
                lines = cook.stream_awaiting(tokens, order.faults, holds_chef=holds)
                body = [line async for line in lines]
            # Flask cannot stream from an async view: the customer gets every token at the end.
            return Response(b"".join(body), mimetype=NDJSON)

    else:

        @app.get("/cook")
        def cook() -> ResponseReturnValue:
            race, order, recipe = parse_order(request.args)
            ticket = DishTicket(kitchen, race, order, relay, chef_of(), chef_kind)
            return jsonify(ticket.cook_holding(recipe, parse_faults(request.args)))

        @app.post("/chat")
        def chat() -> ResponseReturnValue:
            order = read_chat_by_hand(read_json_body(request))
            tokens = stream_tokens(supplier.client(), supplier.current(), order.chat)
            cook = LlmTicket(kitchen, order.race, order.order, relay, chef_of(), chef_kind)
            lines = cook.stream_holding(tokens, order.faults)
            first = next(lines)  # a model that fails before its first token fails the request
            return Response(itertools.chain([first], lines), mimetype=NDJSON)

    return app
