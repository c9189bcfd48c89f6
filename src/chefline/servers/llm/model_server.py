"""The built-in language model: an OpenAI-compatible server with no weights and no network.

It answers ``POST /v1/chat/completions`` (streamed as server-sent events, or whole) after a
time to first token and at a steady rate, with words that depend only on the prompt, so a
race measures the kitchens and not a model's mood. It can also be told to want an API key,
which lets tests produce a real refusal.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse

from chefline.kitchen import limits
from chefline.kitchen.llm import MOCK_MODEL, ModelSpeed, mock_tokens
from chefline.servers.llm.model_link import ModelLink
from chefline.servers.runners.uvicorn_runner import UvicornThread


def _error(status: int, message: str, code: str) -> JSONResponse:
    body = {"error": {"message": message, "type": "invalid_request_error", "code": code}}
    return JSONResponse(body, status_code=status)


def _chunk(call_id: str, model: str, delta: dict[str, str], finish: str | None) -> bytes:
    body = {
        "id": call_id,
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(body)}\n\n".encode()


class MockModel:
    """The model's settings; ``speed`` may change between races (read at each call)."""

    def __init__(self, speed: ModelSpeed | None = None, api_key: str | None = None) -> None:
        self.speed = speed or ModelSpeed()
        self.api_key = api_key
        self.name = MOCK_MODEL
        self.calls = 0

    def app(self) -> FastAPI:
        app = FastAPI(title="Chefline built-in model", docs_url=None, redoc_url=None)

        @app.get("/v1/models")
        async def models() -> dict[str, Any]:
            return {"object": "list", "data": [{"id": self.name, "object": "model"}]}

        @app.post("/v1/chat/completions", response_model=None)
        async def chat(request: Request) -> JSONResponse | StreamingResponse:
            if self.api_key and request.headers.get("authorization") != f"Bearer {self.api_key}":
                return _error(401, "Incorrect API key provided.", "invalid_api_key")
            try:
                body = await request.json()
                prompt = str(body["messages"][-1]["content"])
                model = str(body.get("model", ""))
                max_tokens = body.get("max_tokens") or 16
            except (ValueError, KeyError, IndexError, TypeError, RecursionError):
                return _error(400, "Send JSON with a 'messages' list.", "invalid_request")
            if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
                return _error(400, "max_tokens must be a whole number from 1.", "invalid_request")
            if model != self.name:
                return _error(404, f"The model '{model}' does not exist.", "model_not_found")
            count = max(1, min(max_tokens, limits.MAX_MAX_TOKENS))
            words = mock_tokens(prompt, count)
            self.calls += 1
            speed, call_id = self.speed, f"chatcmpl-{uuid.uuid4().hex[:12]}"
            if body.get("stream"):
                stream = self._stream(words, speed, call_id)
                return StreamingResponse(stream, media_type="text/event-stream")
            await asyncio.sleep(speed.call_seconds(count))
            return JSONResponse(self._whole(words, call_id))

        return app

    async def _stream(
        self, words: list[str], speed: ModelSpeed, call_id: str
    ) -> AsyncIterator[bytes]:
        loop = asyncio.get_running_loop()
        start = loop.time()
        yield _chunk(call_id, self.name, {"role": "assistant"}, None)
        for index, word in enumerate(words):
            # Absolute due times: a late token does not push the later ones back.
            delay = start + speed.token_due(index) - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            yield _chunk(call_id, self.name, {"content": word}, None)
        yield _chunk(call_id, self.name, {}, "length")
        yield b"data: [DONE]\n\n"

    def _whole(self, words: list[str], call_id: str) -> dict[str, Any]:
        return {
            "id": call_id,
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.name,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": "".join(words)},
                    "finish_reason": "length",
                }
            ],
            "usage": {"completion_tokens": len(words)},
        }


class MockModelServer:
    """The built-in model running on 127.0.0.1 in its own thread."""

    def __init__(self, speed: ModelSpeed | None = None, *, api_key: str | None = None,
                 port: int = 0) -> None:  # fmt: skip
        self.model = MockModel(speed, api_key)
        self.server = UvicornThread("model", self.model.app(), port=port)

    def start(self) -> MockModelServer:
        self.server.start()
        return self

    def stop(self) -> None:
        self.server.stop()

    @property
    def base_url(self) -> str:
        return f"{self.server.url}/v1"

    def link(self, api_key_env: str | None = None) -> ModelLink:
        return ModelLink(self.base_url, self.model.name, api_key_env)

    def __enter__(self) -> MockModelServer:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()
