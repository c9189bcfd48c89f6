"""How a chef serves an LLM dish: prep, ask the model, pass each token on, plate.

The reply to the customer is newline-delimited JSON: one ``{"token": …}`` line per token as
it comes, then ``{"report": …}`` (the kitchen's record, as for /cook) or, when the model fails
mid-answer, ``{"error": …, "kitchen_report": …}``. The first line leaves the kitchen only when
the first token is in, so a model that fails before answering fails the whole request with an
HTTP status the customer can read.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace

from chefline.kitchen.clock import now
from chefline.kitchen.error_body import ErrorBody, ErrorKind
from chefline.kitchen.errors import ModelError
from chefline.kitchen.faults import SLOW_FACTOR, FaultKind, Faults, KitchenFire
from chefline.kitchen.order import KitchenReport, Step, StepKind
from chefline.kitchen.recipe import DEFAULT_STEP_CPU_S
from chefline.servers.apps.cooking import DishTicket

NDJSON = "application/x-ndjson"


def token_line(token: str) -> bytes:
    return json.dumps({"token": token}).encode() + b"\n"


def report_line(report: KitchenReport) -> bytes:
    return json.dumps({"report": report.to_json()}).encode() + b"\n"


def failure_line(error: ModelError) -> bytes:
    body = ErrorBody(ErrorKind.MODEL_FAILED, str(error), error.report)
    return json.dumps(body.to_json()).encode() + b"\n"


class LlmTicket(DishTicket):
    """A ticket whose long step is a streamed call to the model (``think`` until the first
    token, ``stream`` until the last)."""

    tokens = 0

    def _before_the_call(self, faults: Faults) -> bool:
        """Prep; True if this dish is the slow one. Raises KitchenFire for a burnt one."""
        self.work("prep", DEFAULT_STEP_CPU_S)
        fault = faults.strikes(self.order)
        if fault is FaultKind.BURN:
            message = f"order {self.order + 1} caught fire after prep ({faults.describe()})"
            raise KitchenFire(message, self.report(finished=False))
        return fault is FaultKind.SLOW

    def _failed(self, error: ModelError, step: Step) -> ModelError:
        self._end(step)
        error.report = self.report(finished=False)
        return error

    def _finish(self) -> bytes:
        self.work("plate", DEFAULT_STEP_CPU_S)
        return report_line(self.report())

    def report(self, finished: bool = True) -> KitchenReport:
        return replace(super().report(finished), tokens=self.tokens)

    def stream_holding(self, tokens: Iterator[str], faults: Faults) -> Iterator[bytes]:
        """The chef stands at the pot: each token is waited for in this thread."""
        slow = self._before_the_call(faults)
        step = self._begin("think", StepKind.IO, holds_chef=True)
        try:
            first = next(tokens, None)
            if first is None:
                raise ModelError("the model answered with no tokens")
        except ModelError as error:
            raise self._failed(error, step) from None
        if slow:  # the slow dish: the model takes three times as long to start
            time.sleep((SLOW_FACTOR - 1) * (now() - step.start))
        self._end(step)
        step = self._begin("stream", StepKind.IO, holds_chef=True)
        self.tokens = 1
        yield token_line(first)
        try:
            for token in tokens:
                self.tokens += 1
                yield token_line(token)
        except ModelError as error:
            yield failure_line(self._failed(error, step))
            return
        self._end(step)
        yield self._finish()

    async def stream_awaiting(
        self, tokens: AsyncIterator[str], faults: Faults, holds_chef: bool = False
    ) -> AsyncIterator[bytes]:
        """The chef awaits each token and takes other orders meanwhile."""
        slow = self._before_the_call(faults)
        step = self._begin("think", StepKind.IO, holds_chef)
        try:
            first = await anext(tokens, None)
            if first is None:
                raise ModelError("the model answered with no tokens")
        except ModelError as error:
            raise self._failed(error, step) from None
        if slow:
            await asyncio.sleep((SLOW_FACTOR - 1) * (now() - step.start))
        self._end(step)
        step = self._begin("stream", StepKind.IO, holds_chef)
        self.tokens = 1
        yield token_line(first)
        try:
            async for token in tokens:
                self.tokens += 1
                yield token_line(token)
        except ModelError as error:
            yield failure_line(self._failed(error, step))
            return
        self._end(step)
        yield self._finish()
