"""How a kitchen talks to a language model: any OpenAI-compatible ``/chat/completions``.

The same reading of the reply serves the sync client (Flask's chef stands at the pot) and the
async one (FastAPI's chef awaits). Whatever goes wrong becomes a ``ModelError`` whose message
a speaker can read out: nobody answering, a refused key, an unknown model, a reply that is
not OpenAI's.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from chefline.kitchen.errors import BadInput, ModelError
from chefline.kitchen.llm import ChatOrder
from chefline.servers.llm.model_url import masked_url, printable, scrub, url_secrets, usable_url
from chefline.texts import translate

if TYPE_CHECKING:  # httpx is loaded by the kitchens' model calls, not by who only names a model
    import httpx

ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")
MAX_MODEL_NAME = 200
CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 60.0
"""Longest silence between two tokens before the kitchen gives up on the model."""
MAX_LINE_CHARS = 64 * 1024
"""Longest line of an event stream: a token's chunk is a few hundred characters."""


@dataclass(frozen=True, slots=True)
class ModelLink:
    """Where the model is: a base URL such as ``http://127.0.0.1:11434/v1``, the model's
    name, and the name of the environment variable that holds the API key (never the key)."""

    base_url: str
    model: str
    api_key_env: str | None = None

    def __post_init__(self) -> None:
        if not usable_url(self.base_url):
            shown = printable(masked_url(self.base_url), 120)
            raise BadInput(
                f"the model's base URL must look like http://host:port/v1, not {shown!r}"
            )
        if not self.model.strip() or len(self.model) > MAX_MODEL_NAME:
            raise BadInput(f"the model name must be 1 to {MAX_MODEL_NAME} characters")
        if self.api_key_env and not ENV_NAME.fullmatch(self.api_key_env):
            raise BadInput(
                f"{self.api_key_env!r} is not an environment variable name (letters, digits, _)"
            )

    @property
    def chat_url(self) -> str:
        return self.base_url.rstrip("/") + "/chat/completions"

    @property
    def shown_url(self) -> str:
        """The base URL as every sentence shows it: credentials masked (``***``)."""
        return masked_url(self.base_url)

    @property
    def shown_chat_url(self) -> str:
        return masked_url(self.chat_url)

    def safe(self, text: str) -> str:
        """``text`` with this link's credentials taken out, wherever they appear."""
        return scrub(text, url_secrets(self.base_url))

    def __repr__(self) -> str:
        return f"ModelLink({self.shown_url!r}, {self.model!r}, {self.api_key_env!r})"

    @property
    def on_loopback(self) -> bool:
        host = urlsplit(self.base_url).hostname or ""
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False

    def headers(self) -> dict[str, str]:
        """The request's headers; the key is read from the environment at each call."""
        if not self.api_key_env:
            return {}
        key = os.environ.get(self.api_key_env)
        if not key:
            raise ModelError(translate(
                "Errors", "the API key should be in the environment variable {0}, which is not set"
            ).format(self.api_key_env))  # fmt: skip
        return {"Authorization": f"Bearer {key}"}

    def body(self, order: ChatOrder, *, stream: bool) -> dict[str, Any]:
        return {
            "model": self.model,
            "messages": [{"role": "user", "content": order.prompt}],
            "max_tokens": order.max_tokens,
            "temperature": order.temperature,
            "stream": stream,
        }

    def describe(self) -> str:
        key = f", key from ${self.api_key_env}" if self.api_key_env else ""
        return f"{self.model} at {self.shown_url}{key}"


DONE = object()
"""What ``token_from_event`` returns for the stream's closing ``data: [DONE]``."""


def token_from_event(line: str, link: ModelLink) -> str | object | None:
    """The text of one server-sent-event line of a chat stream: a token, ``DONE``, or None
    for lines that carry none (blank lines, comments, the opening role chunk)."""
    if not line.startswith("data:"):
        return None
    payload = line[5:].strip()
    if payload == "[DONE]":
        return DONE
    try:
        chunk = json.loads(payload)
        choice = chunk["choices"][0]
    except (ValueError, KeyError, IndexError, TypeError):
        text = translate("Errors", "the reply from {0} is not an OpenAI chat stream: {1!r}")
        raise ModelError(link.safe(text.format(link.shown_chat_url, payload[:120]))) from None
    if not isinstance(choice, dict):
        text = translate("Errors", "the reply from {0} is not an OpenAI chat stream")
        raise ModelError(text.format(link.shown_chat_url))
    delta = choice.get("delta") or {}
    content = delta.get("content") if isinstance(delta, dict) else None
    return content or None


def explain_refusal(status: int, body: str, content_type: str, link: ModelLink) -> ModelError:
    """The sentence for a model server that answered with an error status."""
    message = _error_message(body)
    said = f": {message}" if message else ""
    if status in (401, 403):
        if link.api_key_env:
            text = translate(
                "Errors", "the model server at {0} refused the API key in ${1} ({2}){3}"
            )
            return ModelError(
                link.safe(text.format(link.shown_url, link.api_key_env, status, said))
            )
        text = translate(
            "Errors",
            "the model server at {0} wants an API key (name its environment variable, "
            "e.g. OPENAI_API_KEY) ({1}){2}",
        )
        return ModelError(link.safe(text.format(link.shown_url, status, said)))
    if status == 404 and ("model" in message.lower() or link.model in message):
        text = translate("Errors", "the model server at {0} has no model {1!r} ({2}){3}")
        return ModelError(link.safe(text.format(link.shown_url, link.model, status, said)))
    if status == 404:
        text = translate(
            "Errors",
            "nothing at {0} answers OpenAI chat requests (404, {1} content): check the base "
            "URL, which usually ends in /v1",
        )
        return ModelError(link.safe(text.format(link.shown_chat_url, content_type or "no")))
    text = translate("Errors", "the model server at {0} answered {1}{2}")
    return ModelError(link.safe(text.format(link.shown_url, status, said)))


def _error_message(body: str) -> str:
    """The message of an OpenAI-style error body (``{"error": {"message": …}}``), if any."""
    try:
        data = json.loads(body)
    except ValueError:
        return ""
    if not isinstance(data, dict):
        return ""
    error = data.get("error", data)
    if isinstance(error, dict):
        return printable(str(error.get("message") or error.get("detail") or ""))
    return printable(str(error))


def opens_a_stream(status: int, content_type: str) -> bool:
    return status == 200 and content_type.startswith("text/event-stream")


def no_stream(status: int, content_type: str, link: ModelLink, body: str) -> ModelError:
    """Why a reply that does not open an event stream is of no use (its body read)."""
    if status != 200:
        return explain_refusal(status, body, content_type, link)
    text = translate(
        "Errors", "the reply from {0} is not an OpenAI event stream (content type {1}): {2!r}"
    )
    return ModelError(
        link.safe(text.format(link.shown_chat_url, content_type or "none", body[:120]))
    )


def nobody_answered(link: ModelLink) -> ModelError:
    text = translate("Errors", "nobody answered at {0}: is the model server running?")
    return ModelError(link.safe(text.format(link.shown_url)))


def went_silent(link: ModelLink) -> ModelError:
    text = translate("Errors", "the model at {0} went silent for over {1:g} s")
    return ModelError(link.safe(text.format(link.shown_url, READ_TIMEOUT_S)))


def call_failed(link: ModelLink, error: Exception) -> ModelError:
    text = translate("Errors", "the call to {0} failed: {1}: {2}")
    return ModelError(
        link.safe(text.format(link.shown_chat_url, type(error).__name__, printable(str(error))))
    )


def line_too_long(link: ModelLink) -> ModelError:
    text = translate("Errors", "the reply from {0} has a line of over {1} characters")
    return ModelError(link.safe(text.format(link.shown_chat_url, MAX_LINE_CHARS)))


def _transport_error(error: httpx.HTTPError, link: ModelLink) -> ModelError:
    import httpx

    if isinstance(error, httpx.ConnectError):
        return nobody_answered(link)
    if isinstance(error, httpx.TimeoutException):
        return went_silent(link)
    return call_failed(link, error)


def model_timeout() -> httpx.Timeout:
    import httpx

    return httpx.Timeout(READ_TIMEOUT_S, connect=CONNECT_TIMEOUT_S)


def _bounded_lines(
    chunks: Iterator[str], link: ModelLink, deadline: tuple[float, float] | None
) -> Iterator[str]:
    """The stream's lines, refusing a line longer than ``MAX_LINE_CHARS`` (an endless line
    would fill memory) and, with a ``deadline`` (``time.monotonic``, and the seconds it
    allowed), a stream that goes on past it, tokens or not (keep-alive comments forever)."""
    pending = ""
    for chunk in chunks:
        if deadline is not None and time.monotonic() > deadline[0]:
            text = translate("Errors", "{0} was still streaming after {1:g} s")
            raise ModelError(link.safe(text.format(link.describe(), deadline[1])))
        *lines, pending = (pending + chunk).split("\n")
        yield from (line.rstrip("\r") for line in lines)
        if len(pending) > MAX_LINE_CHARS:
            raise line_too_long(link)
    if pending:
        yield pending.rstrip("\r")


def stream_tokens(
    client: httpx.Client,
    link: ModelLink,
    order: ChatOrder,
    deadline: tuple[float, float] | None = None,
) -> Iterator[str]:
    """The model's tokens as they arrive, for a thread that waits on each one; with a
    ``deadline`` (``time.monotonic``, and the seconds it allowed) the whole call must end
    by then."""
    import httpx

    headers = link.headers()
    try:
        with client.stream(
            "POST", link.chat_url, json=link.body(order, stream=True), headers=headers
        ) as response:
            content_type = response.headers.get("content-type", "")
            if not opens_a_stream(response.status_code, content_type):
                body = next(response.iter_text(), "")[:MAX_LINE_CHARS]  # one chunk is enough
                raise no_stream(response.status_code, content_type, link, body)
            for line in _bounded_lines(response.iter_text(), link, deadline):
                token = token_from_event(line, link)
                if token is DONE:
                    return
                if token:
                    yield str(token)
    except httpx.HTTPError as error:
        raise _transport_error(error, link) from None
    raise ModelError(f"the stream from {link.shown_chat_url} ended without [DONE]")


class Supplier:
    """Which model every kitchen calls, and the sync client the Flask chefs share.

    The window or the CLI sets ``link`` between races; routes read it at each order. One
    ``httpx.Client`` serves every thread (its pool is thread-safe), made on first use.
    """

    def __init__(self, link: ModelLink | None = None) -> None:
        self._link = link
        self._watchers: list[Callable[[ModelLink | None], None]] = []
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    @property
    def link(self) -> ModelLink | None:
        return self._link

    @link.setter
    def link(self, link: ModelLink | None) -> None:
        self._link = link
        for watcher in self._watchers:
            watcher(link)

    def watch(self, watcher: Callable[[ModelLink | None], None]) -> None:
        """Call ``watcher`` with the link now and whenever it changes: kitchens in processes
        of their own cannot read it from here."""
        self._watchers.append(watcher)
        watcher(self._link)

    def unwatch(self, watcher: Callable[[ModelLink | None], None]) -> None:
        self._watchers = [w for w in self._watchers if w != watcher]

    def current(self) -> ModelLink:
        if self.link is None:
            raise ModelError(translate("Errors", "no language model is set up for the kitchens"))
        return self.link

    def client(self) -> httpx.Client:
        import httpx

        with self._lock:
            if self._client is None:
                # No pool limit: a threaded kitchen's hundred chefs each hold a call open.
                limits = httpx.Limits(max_connections=None, max_keepalive_connections=64)
                self._client = httpx.Client(timeout=model_timeout(), limits=limits,
                                            trust_env=False)  # fmt: skip
            return self._client

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None
