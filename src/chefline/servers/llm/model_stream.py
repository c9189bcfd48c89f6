"""The async kitchens' way to the model: aiohttp's own client, a line at a time.

httpx's API (on aiohttp's transport) wraps every chunk of the stream in four async generators
and every request in its auth and redirect loops; with a hundred answers streaming at once
that was a third of the kitchen's own work, taken from the orders it cooks. The sync chefs
keep httpx (``model_link.stream_tokens``); both read the reply the same way
(``token_from_event``) and fail with the same sentences.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
from aiohttp.http_exceptions import LineTooLong

from chefline.kitchen.errors import ModelError
from chefline.kitchen.llm import ChatOrder
from chefline.servers.llm.model_link import (
    CONNECT_TIMEOUT_S,
    DONE,
    MAX_LINE_CHARS,
    READ_TIMEOUT_S,
    ModelLink,
    call_failed,
    line_too_long,
    no_stream,
    nobody_answered,
    opens_a_stream,
    token_from_event,
    went_silent,
)


def model_session() -> aiohttp.ClientSession:
    """A session for one event loop: no cap on open streams (a hundred customers are a
    hundred calls), no proxies from the environment, the model's timeouts."""
    timeout = aiohttp.ClientTimeout(
        total=None, sock_connect=CONNECT_TIMEOUT_S, sock_read=READ_TIMEOUT_S
    )
    # read_bufsize bounds a line: aiohttp refuses one longer than twice it (LineTooLong).
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=0), timeout=timeout, read_bufsize=MAX_LINE_CHARS // 2
    )


async def stream_tokens_async(
    session: aiohttp.ClientSession, link: ModelLink, order: ChatOrder
) -> AsyncIterator[str]:
    """The model's tokens as they arrive, for a coroutine that awaits each one."""
    headers = link.headers()
    body = link.body(order, stream=True)
    try:
        async with session.post(link.chat_url, json=body, headers=headers) as response:
            content_type = response.headers.get("content-type", "")
            if not opens_a_stream(response.status, content_type):
                text = (await response.content.read(MAX_LINE_CHARS)).decode(errors="replace")
                raise no_stream(response.status, content_type, link, text)
            async for line in response.content:
                token = token_from_event(line.decode(errors="replace"), link)
                if token is DONE:
                    return
                if token:
                    yield str(token)
    except aiohttp.ClientConnectorError:
        raise nobody_answered(link) from None
    except (TimeoutError, aiohttp.ServerTimeoutError):
        raise went_silent(link) from None
    except LineTooLong:  # a line past twice read_bufsize, refused before it fills memory
        raise line_too_long(link) from None
    except aiohttp.ClientError as error:
        raise call_failed(link, error) from None
    raise ModelError(f"the stream from {link.shown_chat_url} ended without [DONE]")
