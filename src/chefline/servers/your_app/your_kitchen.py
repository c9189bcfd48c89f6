"""Your own app as a kitchen: served by the agent on your app's own Python (``AgentServer``),
on 127.0.0.1, by the server you chose as it is installed there; and what a race found in it
(``YourKitchen.verdict``)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from chefline.kitchen.app_verdict import AppVerdict
from chefline.kitchen.errors import KitchenError, YourAppError
from chefline.kitchen.modes import KitchenSettings
from chefline.kitchen.your_app import (
    AppRoute,
    AppRoutes,
    PythonUsed,
    ReportSource,
    ServerKind,
    YourAppMode,
    YourAppSpec,
)
from chefline.servers.kitchens import Kitchen
from chefline.servers.relay import EventRelay
from chefline.servers.your_app.agent_server import AgentServer
from chefline.servers.your_app.environment import AppPython, child_environment, find_python
from chefline.servers.your_app.refusals import refusal_sentence
from chefline.texts import translate

ROUTES_PATIENCE_S = 60.0


def routes_of(info: dict[str, Any]) -> list[AppRoute]:
    """The routes the agent told (``{"method", "path", "source": [file, first, last]}``)."""
    routes = []
    for told in info.get("routes") or []:
        source = told.get("source")
        span = (str(source[0]), int(source[1]), int(source[2])) if source else None
        routes.append(AppRoute(str(told["method"]), str(told["path"]), span))
    return routes


@dataclass
class YourKitchen(Kitchen):
    """A kitchen whose reply is your app's own: its report comes from the middleware."""

    spec: YourAppSpec = field(default_factory=lambda: YourAppSpec(""))
    python: PythonUsed | None = None
    routes: list[AppRoute] = field(default_factory=list)
    on_output: Callable[[str], None] | None = None

    report = ReportSource.RELAY

    @property
    def agent(self) -> AgentServer:
        assert isinstance(self.server, AgentServer)
        return self.server

    @property
    def method(self) -> str:  # type: ignore[override]
        return self.spec.order.method

    @property
    def body(self) -> Any:
        return self.spec.order.body

    @property
    def own_cost_per_order(self) -> float | None:
        return None  # your route's own cost is what the race measures

    @property
    def cook_url(self) -> str:
        return f"{self.server.url}{self.spec.order.path}"

    @property
    def chat_url(self) -> str:
        return self.cook_url

    def route(self) -> AppRoute | None:
        """The route the customers order, as your app declares it."""
        order = self.spec.order
        return next((r for r in self.routes if (r.method, r.path) == (order.method, order.path)),
                    None)  # fmt: skip

    def reopen(self) -> YourKitchen:
        """The same app, server, Python and route, started again (on a new port)."""
        return start_your_kitchen(self.spec, self.settings, on_output=self.on_output)

    def verdict(self, race: str, start: float | None, end: float | None) -> AppVerdict | None:
        """What the race ``race`` found here (the block still open, if one is, with its
        length up to ``end``). Asks the agent: call it off any event loop."""
        agent = self.agent
        still = agent.flush(race) if agent.running else None
        found = [b for b in agent.blocks() if _in_race(b.race, b.start, b.end, race, start, end)]
        if still is not None and _in_race(still.race, still.start, still.end, race, start, end):
            if end is not None and still.end > end:
                still = replace(still, end=max(end, still.start))
            found.append(still)
        assert isinstance(self.mode, YourAppMode)
        return AppVerdict(
            self.name, self.python or agent.python_used(),
            watched=self.mode.server is ServerKind.UVICORN, threshold=self.spec.threshold,
            start=start, end=end, blocks=tuple(sorted(found, key=lambda b: b.start)),
            raised=tuple(agent.raised(race)),
        )  # fmt: skip


def _in_race(block_race: str | None, block_start: float, block_end: float, race: str,
             start: float | None, end: float | None) -> bool:  # fmt: skip
    """A block of the race's orders, or of no order while the race ran."""
    if block_race is not None:
        return block_race == race
    return start is not None and end is not None and block_start < end and block_end > start


def start_your_kitchen(
    spec: YourAppSpec,
    settings: KitchenSettings | None = None,
    *,
    port: int = 0,
    on_output: Callable[[str], None] | None = None,
) -> YourKitchen:
    """Serve ``spec``'s app on its own Python; returns once it accepts orders. Raises
    YourAppError (one sentence) for every reason it cannot. ``on_output``: each line your
    app writes (stdout or stderr)."""
    settings = settings or KitchenSettings()
    python = find_python(spec.target, spec.python)
    relay = EventRelay()
    agent = AgentServer(python, spec, settings, relay=relay, port=port, on_output=on_output)
    try:
        agent.start()
    except KitchenError as error:  # a busy --port: what you asked cannot be
        raise YourAppError(str(error)) from None
    try:
        server = ServerKind(agent.app_info["server"])
    except (KeyError, ValueError):
        agent.stop()
        text = translate("YourApp", "your app's agent did not say what it serves")
        raise YourAppError(text) from None
    mode = YourAppMode(spec.label, spec.target, server)
    agent.kitchen_name = agent.name = mode.name
    return YourKitchen(mode, settings, agent, relay, spec=spec, python=agent.python_used(),
                       routes=routes_of(agent.app_info), on_output=on_output)  # fmt: skip


def read_routes(target: str, python: str | None = None) -> AppRoutes:
    """Load ``target`` on its own Python and list its routes (for the window's dialog: your
    app is never imported into Chefline's interpreter). YourAppError: one sentence."""
    from chefline.servers.your_app.staging import agent_command

    found: AppPython = find_python(target, python)
    try:
        done = subprocess.run(agent_command(found, "routes", "--target", target),
                              capture_output=True, env=child_environment(found),
                              timeout=ROUTES_PATIENCE_S, check=False)  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as error:
        text = translate("YourApp", "your app's Python could not read it: {0}")
        raise YourAppError(text.format(error)) from None
    told: dict[str, Any] = {}
    for line in done.stdout.splitlines():
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if isinstance(message, dict):
            told.update(message)
    info = {**(told.get("interpreter") or {}), **(told.get("app") or {})}
    used = PythonUsed(str(info.get("executable", found.executable)),
                      str(info.get("python", "?")), found.found_by)  # fmt: skip
    if "failed" in told:
        raise YourAppError(refusal_sentence(told["failed"], used))
    if "app" not in told:
        last = next((line for line in reversed(done.stderr.decode(errors="replace").splitlines())
                     if line.strip()), "")  # fmt: skip
        text = translate("YourApp", "your app's process ended before it served: {0}")
        raise YourAppError(text.format(last or f"exit code {done.returncode}"))
    return AppRoutes(str(info.get("kind", "")), used, routes_of(info))
