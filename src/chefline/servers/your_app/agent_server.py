"""Your app's kitchen seen from Chefline: a child process on your app's own Python, running
the agent (``chefline.agent``), which serves the app on the socket Chefline bound.

The talk is the one every child kitchen has (``own_process``): stdin is the lifeline, stdout
carries lines. The agent's order events are short JSON arrays that land on the kitchen's
relay as if it cooked here; its other lines say what it serves (``app``), why it cannot
(``failed``), the blocks and errors it found (``block``, ``raised``), and answer a
``flush`` at the end of a race with the block still open, if one is (``open_block``).
Your app's own output (its stderr, and its stdout, which the agent points there) is shown
as your app's, line by line, through ``on_output``.
"""

from __future__ import annotations

import collections
import json
import threading
from collections.abc import Callable
from typing import Any

from chefline.kitchen.app_verdict import RaisedError
from chefline.kitchen.clock import now
from chefline.kitchen.errors import KitchenError, YourAppError
from chefline.kitchen.events import OrderEvent, Phase
from chefline.kitchen.modes import KitchenSettings
from chefline.kitchen.order import StepKind
from chefline.kitchen.your_app import (
    WAITRESS_THREADS,
    LoopBlock,
    PythonUsed,
    ServerKind,
    YourAppSpec,
)
from chefline.servers.llm.model_link import Supplier
from chefline.servers.own_process.child_process import ChildProcessServer
from chefline.servers.relay import EventRelay
from chefline.servers.your_app.environment import AppPython, child_environment
from chefline.servers.your_app.refusals import refusal_sentence
from chefline.servers.your_app.staging import agent_command
from chefline.texts import translate

KEPT_BLOCKS = 5000
"""Blocks kept for the verdicts of races to come (a long ``serve`` keeps the newest)."""
FLUSH_PATIENCE_S = 3.0
_PHASES = {"a": Phase.ACCEPTED, "s": Phase.STEP, "b": Phase.STEP_START, "e": Phase.STEP_END,
           "d": Phase.DONE}  # fmt: skip


def _event(kitchen: str, told: list[Any]) -> OrderEvent | None:
    """An order event as the agent wrote it (``chefline.agent.channel``)."""
    phase = _PHASES.get(told[0])
    order = int(told[2])
    if phase is Phase.ACCEPTED:
        return OrderEvent(kitchen, order, phase, float(told[3]), str(told[4]), str(told[5]))
    if phase is Phase.STEP:
        return OrderEvent(kitchen, order, phase, float(told[5]), step=str(told[3]),
                          kind=StepKind(told[4]), holds_chef=bool(told[7]),
                          end=float(told[6]))  # fmt: skip
    if phase is Phase.STEP_START:
        return OrderEvent(kitchen, order, phase, float(told[5]), step=str(told[3]),
                          kind=StepKind(told[4]), holds_chef=bool(told[6]))  # fmt: skip
    if phase is Phase.STEP_END:
        return OrderEvent(kitchen, order, phase, float(told[3]), step=str(told[4]),
                          kind=StepKind(told[5]))  # fmt: skip
    if phase is Phase.DONE:
        return OrderEvent(kitchen, order, phase, float(told[3]))
    return None


class AgentServer(ChildProcessServer):
    start_timeout = 60.0
    """A fresh interpreter imports your app (a big one takes seconds) before it serves."""

    def __init__(self, python: AppPython, spec: YourAppSpec, settings: KitchenSettings, *,
                 relay: EventRelay, port: int = 0,
                 on_output: Callable[[str], None] | None = None) -> None:  # fmt: skip
        server = ServerKind(spec.server) if spec.server else ServerKind.UVICORN
        super().__init__(spec.label, relay, Supplier(), server=server, workers=settings.workers,
                         port=port)  # fmt: skip
        self.python = python
        self.spec = spec
        self.settings = settings
        self.kitchen_name = spec.label
        """The name the events carry: ``label@server`` once the agent said its server."""
        self.app_info: dict[str, Any] = {}
        """What the agent said of your app: its kind, server, Python and routes."""
        self.failure: dict[str, Any] | None = None
        self._lock = threading.Lock()
        self._blocks: collections.deque[LoopBlock] = collections.deque(maxlen=KEPT_BLOCKS)
        self._raised: collections.Counter[tuple[str, str, str | None, int | None, str | None]]
        self._raised = collections.Counter()
        self._open: LoopBlock | None = None
        self._flushed = threading.Condition(self._lock)
        self._flushes: list[str] = []
        self._errors.on_line = on_output

    # -- starting --------------------------------------------------------------------------

    def _child_command(self, fd: int) -> list[str]:
        return agent_command(
            self.python, "serve", "--target", self.spec.target,
            "--server", self.spec.server or "auto", "--fd", str(fd),
            "--workers", str(self.settings.workers), "--threads", str(WAITRESS_THREADS),
            "--threshold", repr(self.spec.threshold),
        )  # fmt: skip

    def _popen_options(self) -> dict[str, Any]:
        return {"env": child_environment(self.python)}

    def _ready(self, timeout: float) -> bool:
        deadline = now() + timeout
        while not self._ready_event.wait(0.05):
            if not self.running or now() > deadline:
                return False
        if self.failure is not None:
            return False
        self.clock_offset = self._measure_clock()
        return True

    def _wait_ready(self) -> None:
        try:
            super()._wait_ready()
        except KitchenError as error:
            raise YourAppError(self._why_not(error)) from None

    def python_used(self) -> PythonUsed:
        info = self.app_info
        return PythonUsed(str(info.get("executable", self.python.executable)),
                          str(info.get("python", "?")), self.python.found_by)  # fmt: skip

    def _why_not(self, error: KitchenError) -> str:
        if self.failure is not None:
            return refusal_sentence(self.failure, self.python_used())
        last = self._last_error_line()
        if self.running or not last:
            text = translate("YourApp", "your app did not start within {0:g} s on {1} ({2})")
            return text.format(self.start_timeout, self.python.executable, last or str(error))
        return translate("YourApp", "your app's process ended before it served: {0}").format(last)

    # -- what the agent says ---------------------------------------------------------------

    def _take_line(self, line: bytes) -> None:
        try:
            told = json.loads(line)
        except ValueError:
            return  # not one of the agent's lines; the talk is line by line, so carry on
        if isinstance(told, list):
            try:
                event = _event(self.kitchen_name, told)
            except (IndexError, TypeError, ValueError):
                return
            if event is not None:
                self.relay.publish(str(told[1]), event)
            return
        if not isinstance(told, dict):
            return
        try:
            self._take_message(told, line)
        except (KeyError, TypeError, ValueError):
            return

    def _take_message(self, told: dict[str, Any], line: bytes) -> None:
        if "block" in told:
            with self._lock:
                self._blocks.append(LoopBlock.from_agent(told["block"]))
        elif "raised" in told:
            raised = told["raised"]
            key = (str(raised.get("race")), str(raised.get("error")), raised.get("file"),
                   raised.get("line"), raised.get("function"))  # fmt: skip
            with self._lock:
                if key in self._raised or len(self._raised) < 1000:
                    self._raised[key] += 1
        elif "open_block" in told:
            with self._lock:
                self._open = LoopBlock.from_agent(told["open_block"])
        elif "flushed" in told:
            with self._flushed:
                self._flushes.append(str(told["flushed"]))
                self._flushed.notify_all()
        elif "interpreter" in told:
            self.app_info = {**told["interpreter"], **self.app_info}
        elif "app" in told:
            self.app_info = {**self.app_info, **told["app"]}
        elif "failed" in told:
            self.failure = told["failed"]
            self._ready_event.set()
        else:
            super()._take_line(line)  # ready, worker, clock

    # -- the verdict's parts -------------------------------------------------------------

    def flush(self, race: str) -> LoopBlock | None:
        """Ask the agent for every block and error so far; the block still open (its end:
        now), or None. Waits a few seconds at most for the answer."""
        with self._flushed:
            self._open = None
            self._flushes.clear()
        self._command(f"flush {race}")
        with self._flushed:
            self._flushed.wait_for(lambda: race in self._flushes, FLUSH_PATIENCE_S)
            return self._open

    def blocks(self) -> list[LoopBlock]:
        with self._lock:
            return list(self._blocks)

    def raised(self, race: str) -> list[RaisedError]:
        """What your routes raised in ``race``, the most frequent first."""
        with self._lock:
            found = [(key, n) for key, n in self._raised.items() if key[0] == race]
        found.sort(key=lambda item: -item[1])
        return [RaisedError(error, file, line, function, n)
                for (_, error, file, line, function), n in found]  # fmt: skip
