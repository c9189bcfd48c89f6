"""Why an order failed, told from what really happened on the wire.

Two things used to blur it. aiohttp silently sends a GET again on a fresh connection when
the first one breaks (RFC 9112 allows it for idempotent requests): after a kitchen was
killed the second try was refused, and an order the kitchen had already taken read "nobody
answered". And httpx-aiohttp turns every broken connection into ``ConnectTimeout``, so a
reset read as "walked out after 1.3 s" with no patience set. Here an order is sent once
(``SendOnceTransport``), the aiohttp error under httpx's decides, and "walked out" is kept
for the customer's own patience running out.
"""

from __future__ import annotations

import asyncio

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

from chefline.kitchen.order import Failure, hung_up
from chefline.texts import translate


class SendOnceTransport(AiohttpTransport):
    """httpx on aiohttp, never re-sending an order: a race measures each order once, and a
    kitchen that hung up must be seen to have hung up."""

    def get_client(self) -> aiohttp.ClientSession:
        session = super().get_client()
        switch_off_retry(session)
        return session


RETRY_SWITCH = "_retry_connection"
"""aiohttp's one silent re-send of a request whose connection broke: it has no public switch,
and this private attribute is it (tests/test_customers.py fails if aiohttp renames it)."""


def switch_off_retry(session: aiohttp.ClientSession) -> None:
    """Never send an order twice. Said loudly if aiohttp has moved its switch: a silent
    re-send would measure one order twice and hide a kitchen that hung up."""
    if not hasattr(session, RETRY_SWITCH):
        raise RuntimeError(f"aiohttp {aiohttp.__version__} has no {RETRY_SWITCH}: an order "
                           "could be sent twice; Chefline needs updating")  # fmt: skip
    setattr(session, RETRY_SWITCH, False)


def describe_failure(
    error: BaseException, url: str, waited: float, *, accepted: bool = False
) -> tuple[Failure, str]:
    """Why an order failed on the client side, and a sentence a speaker can read out.

    ``accepted``: the kitchen said (live) that a chef had taken the order.
    """
    cause = error.__cause__
    if isinstance(error, TimeoutError) and not isinstance(error, httpx.HTTPError):
        # asyncio.timeout around the order: the customer's patience (or the race's limit).
        text = translate("Errors", "the customer walked out after waiting {0:.1f} s")
        return Failure.WALKED_OUT, text.format(waited)
    if isinstance(cause, aiohttp.ClientConnectorError) or (
        cause is None and isinstance(error, httpx.ConnectError)
    ):
        if accepted:  # the kitchen had it, then went away before answering
            return Failure.HUNG_UP, hung_up()
        text = translate("Errors", "nobody answered at {0}: the kitchen is not running")
        return Failure.NO_KITCHEN, text.format(url)
    if isinstance(cause, aiohttp.ServerDisconnectedError | aiohttp.ClientOSError):
        return Failure.HUNG_UP, hung_up()
    if isinstance(cause, aiohttp.ClientPayloadError) or isinstance(
        error, httpx.RemoteProtocolError | httpx.ReadError
    ):
        return Failure.HUNG_UP, hung_up()
    if isinstance(error, httpx.TimeoutException) and isinstance(
        cause, None | asyncio.TimeoutError | aiohttp.ServerTimeoutError
    ):
        text = translate("Errors", "the customer walked out after waiting {0:.1f} s")
        return Failure.WALKED_OUT, text.format(waited)
    if isinstance(cause, aiohttp.ClientConnectionError):
        return Failure.HUNG_UP, hung_up()
    return Failure.OTHER, f"{type(error).__name__}: {error}"
