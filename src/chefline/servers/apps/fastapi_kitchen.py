"""The FastAPI kitchens: the same /cook order as ``async def``, plain ``def``, or blocking."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypedDict

import anyio.to_thread
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from chefline.kitchen import limits
from chefline.kitchen.error_body import ErrorBody, ErrorKind
from chefline.kitchen.errors import BadInput, ModelError
from chefline.kitchen.faults import MAX_EVERY, FaultKind, Faults, KitchenFire
from chefline.kitchen.modes.serving import RouteStyle
from chefline.kitchen.recipe import DEFAULT_STEP_CPU_S, DishKind, Recipe
from chefline.servers.apps.bad_requests import BodyLimit, capped_validation_error, recipe_error_422
from chefline.servers.apps.chat_forms import MAX_ORDER, MAX_RACE_ID, ChatBody, ChatTicket
from chefline.servers.apps.cooking import DishTicket, current_chef
from chefline.servers.apps.flask_kitchen import LLM_AT_COOK
from chefline.servers.apps.llm_cooking import NDJSON, LlmTicket
from chefline.servers.llm.model_link import (
    Supplier,
    stream_tokens,
)
from chefline.servers.llm.model_stream import model_session, stream_tokens_async
from chefline.servers.relay import EventRelay


class ChatDoc(TypedDict):
    """The /chat route's options for FastAPI (its documentation page), one set for all."""

    response_class: type[Response]
    summary: str


class OrderQuery(BaseModel):
    """The /cook order's query fields, validated in one pass by pydantic's core.

    One model instead of eight dependency parameters: FastAPI resolves each parameter of a
    dependency on its own (deep-copying its default), which made an order cost twice a
    plain route. The fields, limits and 422 answers are the same.
    """

    model_config = ConfigDict(extra="ignore")

    wait: float = Field(0.5, ge=limits.MIN_WAIT_S, le=limits.MAX_WAIT_S)
    dish: DishKind = DishKind.IO
    prep: float = Field(DEFAULT_STEP_CPU_S, ge=0.0, le=limits.MAX_STEP_CPU_S)
    plate: float = Field(DEFAULT_STEP_CPU_S, ge=0.0, le=limits.MAX_STEP_CPU_S)
    race: str = Field("", max_length=MAX_RACE_ID)
    order: int = Field(0, ge=0, le=MAX_ORDER)
    fault: FaultKind = FaultKind.NONE
    every: int = Field(0, ge=0, le=MAX_EVERY)

    @field_validator("dish")
    @classmethod
    def _not_an_llm(cls, dish: DishKind) -> DishKind:
        if dish is DishKind.LLM:
            raise ValueError(LLM_AT_COOK)
        return dish

    @model_validator(mode="after")
    def _faults_make_sense(self) -> OrderQuery:
        try:
            Faults(self.fault, self.every)
        except BadInput as error:
            raise ValueError(str(error)) from None
        return self

    def spec(self) -> tuple[str, int, Recipe, Faults]:
        recipe = Recipe(wait=self.wait, dish=self.dish, prep=self.prep, plate=self.plate)
        return self.race, self.order, recipe, Faults(self.fault, self.every)


OrderSpec = Annotated[OrderQuery, Query()]


async def _on_the_loop(first: bytes, lines: Iterator[bytes]) -> AsyncIterator[bytes]:
    """The blocking kitchen's stream: each next() waits for a token on the event loop itself."""
    yield first
    for line in lines:
        yield line


async def _then(first: bytes, lines: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    yield first
    async for line in lines:
        yield line


def create_fastapi_app(
    kitchen: str,
    relay: EventRelay,
    style: RouteStyle,
    *,
    thread_cap: int = 40,
    supplier: Supplier | None = None,
) -> FastAPI:
    supplier = supplier or Supplier()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # anyio's limiter belongs to the running loop, so it must be set from inside it.
        anyio.to_thread.current_default_thread_limiter().total_tokens = thread_cap
        # The async route's way to the model, made on this loop (see model_stream).
        app.state.model_session = model_session()
        try:
            yield
        finally:
            await app.state.model_session.close()

    # The docs' scripts are served by the kitchen itself, so /docs works with no internet.
    app = FastAPIOffline(
        title=f"Chefline kitchen {kitchen}",
        description="Order a dish at /cook (a wait) or /chat (a streamed LLM call).",
        lifespan=lifespan,
    )

    app.add_middleware(BodyLimit)
    app.add_exception_handler(RequestValidationError, capped_validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(BadInput, recipe_error_422)  # type: ignore[arg-type]

    @app.exception_handler(KitchenFire)
    async def burnt_dish(_: Request, error: KitchenFire) -> JSONResponse:
        body = ErrorBody(ErrorKind.BURNT_DISH, str(error), error.report)
        return JSONResponse(body.to_json(), status_code=500)

    def ticket(race: str, order: int, chef_kind: str) -> DishTicket:
        return DishTicket(kitchen, race, order, relay, current_chef(), chef_kind)

    @app.exception_handler(ModelError)
    async def model_failed(_: Request, error: ModelError) -> JSONResponse:
        body = ErrorBody(ErrorKind.MODEL_FAILED, str(error), error.report)
        return JSONResponse(body.to_json(), status_code=502)

    @app.get("/")
    async def about() -> dict[str, str]:
        return {"kitchen": kitchen, "framework": "fastapi", "cook": "/cook?wait=0.5",
                "chat": "/chat", "docs": "/docs"}  # fmt: skip

    def chat_ticket(body: ChatBody, chef_kind: str) -> tuple[LlmTicket, ChatTicket]:
        order = body.ticket()
        return LlmTicket(kitchen, order.race, order.order, relay, current_chef(), chef_kind), order

    chat_doc: ChatDoc = {"response_class": StreamingResponse,
                "summary": "Ask the model; the answer streams back as JSON lines"}  # fmt: skip

    if style is RouteStyle.ASYNC:

        @app.get("/cook")
        async def cook_async(spec: OrderSpec) -> dict[str, Any]:
            race, order, recipe, faults = spec.spec()
            return await ticket(race, order, "event-loop").cook_awaiting(recipe, faults)

        @app.post("/chat", **chat_doc)
        async def chat_async(body: ChatBody) -> StreamingResponse:
            cook, order = chat_ticket(body, "event-loop")
            tokens = stream_tokens_async(app.state.model_session, supplier.current(), order.chat)
            lines = cook.stream_awaiting(tokens, order.faults)
            first = await anext(lines)
            return StreamingResponse(_then(first, lines), media_type=NDJSON)

    elif style is RouteStyle.DEF:

        @app.get("/cook")
        def cook_def(spec: OrderSpec) -> dict[str, Any]:
            race, order, recipe, faults = spec.spec()
            return ticket(race, order, "thread").cook_holding(recipe, faults)

        @app.post("/chat", **chat_doc)
        def chat_def(body: ChatBody) -> StreamingResponse:
            cook, order = chat_ticket(body, "thread")
            tokens = stream_tokens(supplier.client(), supplier.current(), order.chat)
            lines = cook.stream_holding(tokens, order.faults)
            first = next(lines)
            # Starlette pulls each further line in the thread pool, one token at a time.
            return StreamingResponse(itertools.chain([first], lines), media_type=NDJSON)

    else:

        @app.get("/cook")
        async def cook_blocking(spec: OrderSpec) -> dict[str, Any]:
            race, order, recipe, faults = spec.spec()
            return ticket(race, order, "event-loop").cook_holding(recipe, faults)

        @app.post("/chat", **chat_doc)
        async def chat_blocking(body: ChatBody) -> StreamingResponse:
            cook, order = chat_ticket(body, "event-loop")
            tokens = stream_tokens(supplier.client(), supplier.current(), order.chat)
            lines = cook.stream_holding(tokens, order.faults)
            first = next(lines)  # the mistake: a sync call inside async def stops the loop
            return StreamingResponse(_on_the_loop(first, lines), media_type=NDJSON)

    return app
