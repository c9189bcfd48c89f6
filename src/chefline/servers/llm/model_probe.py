"""One call to a model before it is used: is it there, and how fast does it answer.

A user's model is probed before a race (its speed gives the theory) and from the window's
model dialog. The probe ends within ``PROBE_DEADLINE_S`` whatever the model does: streams
for ever, or accepts the call and then says nothing (the read timeout alone would wait 60 s).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from chefline.kitchen.errors import ModelError
from chefline.kitchen.llm import ChatOrder
from chefline.servers.llm.model_link import (
    CONNECT_TIMEOUT_S,
    READ_TIMEOUT_S,
    ModelLink,
    stream_tokens,
)
from chefline.texts import translate

PROBE_DEADLINE_S = 30.0
"""The probe's whole call, however the model streams: 8 tokens take far less."""


@dataclass(frozen=True, slots=True)
class ModelProbe:
    """One call measured before a race: is the model there, and how fast does it answer."""

    ttft: float
    tokens_per_s: float
    tokens: int
    text: str


PROBE_ORDER = ChatOrder(prompt="Say hello to the kitchen in a few words.", max_tokens=8)


def probe_model(link: ModelLink, order: ChatOrder = PROBE_ORDER) -> ModelProbe:
    """Call the model once, streaming; raises ModelError with a readable reason, and within
    ``PROBE_DEADLINE_S`` whatever the model does: a server that accepts the call and then
    says nothing is given up at the deadline, not after the read timeout (60 s).

    The call runs in a thread of its own, so that the wait is bounded by the clock rather
    than by when the next byte comes; an abandoned call ends by its own timeouts (each at
    most the deadline) and its answer is dropped.
    """
    answered = threading.Event()
    outcome: list[ModelProbe | BaseException] = []
    finished = threading.Event()

    def call() -> None:
        try:
            outcome.append(_probe(link, order, answered))
        except BaseException as error:  # handed to the caller below
            outcome.append(error)
        finally:
            finished.set()

    threading.Thread(target=call, name="model-probe", daemon=True).start()
    if not finished.wait(PROBE_DEADLINE_S):
        if answered.is_set():
            text = translate("Errors", "{0} was still streaming after {1:g} s")
        else:
            text = translate("Errors", "{0} did not answer within {1:g} s")
        raise ModelError(link.safe(text.format(link.describe(), PROBE_DEADLINE_S)))
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _probe(link: ModelLink, order: ChatOrder, answered: threading.Event) -> ModelProbe:
    import httpx

    limit = min(READ_TIMEOUT_S, PROBE_DEADLINE_S)
    timeout = httpx.Timeout(limit, connect=min(CONNECT_TIMEOUT_S, PROBE_DEADLINE_S))
    hooks = {"response": [lambda _: answered.set()]}  # the head of a reply has come
    with httpx.Client(timeout=timeout, trust_env=False, event_hooks=hooks) as client:
        start = time.perf_counter()
        stamps: list[float] = []
        words: list[str] = []
        deadline = (time.monotonic() + PROBE_DEADLINE_S, PROBE_DEADLINE_S)
        for token in stream_tokens(client, link, order, deadline):
            stamps.append(time.perf_counter())
            words.append(token)
    if not stamps:
        raise ModelError(
            translate("Errors", "{0} answered with no tokens at all").format(link.describe())
        )
    ttft = stamps[0] - start
    gaps = len(stamps) - 1
    rate = gaps / (stamps[-1] - stamps[0]) if gaps and stamps[-1] > stamps[0] else 1000.0
    return ModelProbe(ttft, rate, len(stamps), "".join(words))
