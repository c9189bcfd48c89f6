"""The FastAPI kitchens: the same /cook order as ``async def``, plain ``def``, or blocking."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from enum import StrEnum
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from chefline.kitchen import limits
from chefline.kitchen.faults import MAX_EVERY, FaultKind, Faults, KitchenFire
from chefline.kitchen.recipe import DEFAULT_STEP_CPU_S, DishKind, Recipe, RecipeError
from chefline.servers.cooking import DishTicket, current_chef
from chefline.servers.flask_kitchen import MAX_ORDER, MAX_RACE_ID
from chefline.servers.relay import EventRelay


class RouteStyle(StrEnum):
    ASYNC = "async"
    """``async def`` + ``await asyncio.sleep``: the loop takes other orders meanwhile."""
    DEF = "def"
    """Plain ``def`` + ``time.sleep``: FastAPI runs it in anyio's thread pool."""
    BLOCKING = "blocking"
    """``async def`` + ``time.sleep``: the loop itself is stuck."""


Seconds = Annotated[float, Query(ge=limits.MIN_WAIT_S, le=limits.MAX_WAIT_S)]
StepSeconds = Annotated[float, Query(ge=0.0, le=limits.MAX_STEP_CPU_S)]
RaceId = Annotated[str, Query(max_length=MAX_RACE_ID)]
OrderNumber = Annotated[int, Query(ge=0, le=MAX_ORDER)]


async def order_spec(
    wait: Seconds = 0.5,
    dish: DishKind = DishKind.IO,
    prep: StepSeconds = DEFAULT_STEP_CPU_S,
    plate: StepSeconds = DEFAULT_STEP_CPU_S,
    race: RaceId = "",
    order: OrderNumber = 0,
    fault: FaultKind = FaultKind.NONE,
    every: Annotated[int, Query(ge=0, le=MAX_EVERY)] = 0,
) -> tuple[str, int, Recipe, Faults]:
    # async so that FastAPI runs it on the loop, not in the thread pool the def route measures.
    try:
        faults = Faults(fault, every)
    except RecipeError as error:
        raise RequestValidationError([{"loc": ("query", "every"), "msg": str(error)}]) from None
    return race, order, Recipe(wait=wait, dish=dish, prep=prep, plate=plate), faults


OrderSpec = Annotated[tuple[str, int, Recipe, Faults], Depends(order_spec)]


def create_fastapi_app(
    kitchen: str, relay: EventRelay, style: RouteStyle, *, thread_cap: int = 40
) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # anyio's limiter belongs to the running loop, so it must be set from inside it.
        anyio.to_thread.current_default_thread_limiter().total_tokens = thread_cap
        yield

    app = FastAPI(title=f"Chefline kitchen {kitchen}", lifespan=lifespan)

    @app.exception_handler(KitchenFire)
    async def burnt_dish(_: Request, error: KitchenFire) -> JSONResponse:
        body = {"error": "burnt dish", "detail": str(error), "kitchen_report": error.report}
        return JSONResponse(body, status_code=500)

    def ticket(race: str, order: int, chef_kind: str) -> DishTicket:
        return DishTicket(kitchen, race, order, relay, current_chef(), chef_kind)

    @app.get("/")
    async def about() -> dict[str, str]:
        return {"kitchen": kitchen, "framework": "fastapi", "cook": "/cook?wait=0.5"}

    if style is RouteStyle.ASYNC:

        @app.get("/cook")
        async def cook_async(spec: OrderSpec) -> dict[str, Any]:
            race, order, recipe, faults = spec
            return await ticket(race, order, "event-loop").cook_awaiting(recipe, faults)

    elif style is RouteStyle.DEF:

        @app.get("/cook")
        def cook_def(spec: OrderSpec) -> dict[str, Any]:
            race, order, recipe, faults = spec
            return ticket(race, order, "thread").cook_holding(recipe, faults)

    else:

        @app.get("/cook")
        async def cook_blocking(spec: OrderSpec) -> dict[str, Any]:
            race, order, recipe, faults = spec
            return ticket(race, order, "event-loop").cook_holding(recipe, faults)

    return app
