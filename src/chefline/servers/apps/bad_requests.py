"""The kitchens' edge: request bodies read with bounds, and bad ones refused in one sentence.

A body is read at most ``MAX_BODY_BYTES`` (a 2000-character prompt in JSON is far less), a
broken or cut-short chunked body is a bad order (400), not an ``OSError`` (500), and a body
nested deeper than Python's parser goes is a bad order too. FastAPI's 422 echoes what was
sent; each echoed value is cut to ``MAX_ECHO_CHARS`` so a 10 MB prompt does not come back.
"""

from __future__ import annotations

import json
import math
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from werkzeug.exceptions import HTTPException as WerkzeugHTTPException
from werkzeug.exceptions import RequestEntityTooLarge

from chefline.kitchen.bounded_json import JsonBounds, measure
from chefline.kitchen.errors import BadInput
from chefline.servers.apps.chat_forms import OrderProblems
from chefline.servers.apps.request_heads import (
    BODY_TOO_LARGE,
    MAX_BODY_BYTES,
    Refusal,
    framing_problem,
)
from chefline.texts import QT_TRANSLATE_NOOP

MAX_ECHO_CHARS = 200
ORDER_BOUNDS = JsonBounds(
    max_bytes=MAX_BODY_BYTES, max_values=1000, max_strings=500, max_containers=100,
    max_depth=8, what=QT_TRANSLATE_NOOP("Errors", "order"),
)  # fmt: skip
"""An order is one object of seven fields: far more than that is not an order."""
NOT_AN_OBJECT = "send a JSON object with prompt, max_tokens, temperature"


def read_json_body(request: Any) -> object:
    """A Flask request's JSON body; OrderProblems (400) for anything that is not one."""
    try:
        data = request.get_data(cache=True)
    except WerkzeugHTTPException:
        raise  # 413 for a body over the limit, 400 for a client that went away
    except Exception:  # each WSGI server has its own: OSError, ValueError,
        # gunicorn's InvalidChunkSize (a plain Exception); all mean the body cannot be read.
        raise OrderProblems([("body", "the request's body is broken or cut short")]) from None
    if request.content_length is None and len(data) >= MAX_BODY_BYTES:
        # A chunked body: werkzeug stops reading at the limit and hands over what it read,
        # as if the body ended there. It did not: refused as an announced one is.
        raise RequestEntityTooLarge(BODY_TOO_LARGE.sentence)
    problem = measure(data, ORDER_BOUNDS)
    if problem is not None:  # deep nesting, or thousands of values: no order looks so
        raise OrderProblems([("body", "is nested too deeply or too large to be an order")])
    try:
        return json.loads(data)
    except ValueError:
        raise OrderProblems([("body", NOT_AN_OBJECT)]) from None


def _cut(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # NaN and Infinity are not JSON: the 422 itself would fail
    if isinstance(value, str) and len(value) > MAX_ECHO_CHARS:
        return f"{value[:MAX_ECHO_CHARS]}… ({len(value)} characters)"
    if isinstance(value, bytes):
        return _cut(value.decode("utf-8", "replace"))
    if isinstance(value, dict | list):
        text = json.dumps(jsonable_encoder(value), default=str)  # NaN comes out as NaN here
        return text if len(text) <= MAX_ECHO_CHARS else f"{text[:MAX_ECHO_CHARS]}…"
    return value


async def capped_validation_error(_: Request, error: RequestValidationError) -> JSONResponse:
    """FastAPI's own 422 (each problem with its ``loc``), with the echoed input cut short."""
    problems = []
    for problem in error.errors():
        problem = dict(problem)
        if "input" in problem:
            problem["input"] = _cut(problem["input"])
        if "ctx" in problem:  # pydantic puts the ValueError object itself here
            problem["ctx"] = {key: _cut(str(value)) for key, value in problem["ctx"].items()}
        problems.append(problem)
    return JSONResponse({"detail": jsonable_encoder(problems)}, status_code=422)


async def recipe_error_422(_: Request, error: BadInput) -> JSONResponse:
    """Last line: a bound checked in the domain, not by the route's declaration, is still a 422."""
    return JSONResponse({"detail": [{"loc": ["body"], "msg": str(error)}]}, status_code=422)


class _TooLarge(StarletteHTTPException):
    """Raised while the body is read: FastAPI turns other errors there into a vague 400
    ("error parsing the body") but passes an HTTP exception through as itself."""

    def __init__(self) -> None:
        super().__init__(413, f"the body is over {MAX_BODY_BYTES // 1024} kB")


class BodyLimit:
    """ASGI middleware: a body over ``MAX_BODY_BYTES`` gets 413 before it is read (its
    ``Content-Length``) or the moment it passes the limit (a chunked body), instead of being
    held whole in memory to be parsed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = [(n.decode("latin-1"), v.decode("latin-1")) for n, v in scope["headers"]]
        refusal = framing_problem(headers)
        if refusal is not None:  # llhttp refuses most; "gzip, chunked" it reads as chunked
            await _refuse(send, refusal)
            return
        seen, started = 0, False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > MAX_BODY_BYTES:
                raise _TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except _TooLarge:
            if not started:
                await _too_large(send)


async def _too_large(send: Send) -> None:
    await _refuse(send, BODY_TOO_LARGE)


async def _refuse(send: Send, refusal: Refusal) -> None:
    body = json.dumps({"detail": refusal.sentence}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]  # fmt: skip
    await send({"type": "http.response.start", "status": refusal.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
