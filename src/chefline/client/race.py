"""The race runner: the same orders, fired at every kitchen at the same moments, measured."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx

from chefline.client.failures import SendOnceTransport, describe_failure
from chefline.client.plan import RacePlan
from chefline.kitchen.clock import now
from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.events import OrderEvent, Phase
from chefline.kitchen.modes import KitchenMode, KitchenSettings
from chefline.kitchen.order import Failure, OrderRecord, OrderStatus
from chefline.kitchen.timeline import RaceTimeline
from chefline.servers.cost_meter import CostMeter

Listener = Callable[[OrderEvent], None]
"""Receives every live event; called from the loop and from kitchen threads alike."""

RACE_FORMAT = "chefline-race/1"
"""Written in every saved race, checked when one is opened."""

RELAY_PATIENCE_S = 0.5
"""Longest wait, after a reply, for a kitchen's live events still on their way (a kitchen in
another process reports through a pipe)."""

LAUNCH_BATCH = 5
"""Orders started per event-loop turn in a burst. Starting all at once stalls a GUI loop for
hundreds of ms; five per turn keeps frames flowing and costs the burst a few ms."""


class EventSource(Protocol):
    def subscribe(self, listener: Callable[[str, OrderEvent], None]) -> None: ...
    def unsubscribe(self, listener: Callable[[str, OrderEvent], None]) -> None: ...


class RaceTarget(Protocol):
    """What the runner needs to know of a kitchen (``chefline.servers.Kitchen`` is one)."""

    @property
    def name(self) -> str: ...
    @property
    def cook_url(self) -> str: ...
    @property
    def chat_url(self) -> str: ...
    @property
    def mode(self) -> KitchenMode: ...
    @property
    def settings(self) -> KitchenSettings: ...
    @property
    def relay(self) -> EventSource | None: ...
    def cost(self) -> KitchenCost: ...
    def relay_caught_up(self) -> bool: ...


@dataclass
class RaceResult:
    race_id: str
    plan: RacePlan
    timelines: dict[str, RaceTimeline] = field(default_factory=dict)
    cancelled: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "format": RACE_FORMAT,
            "race": self.race_id,
            "customers": self.plan.arrivals.customers,
            "arrivals": self.plan.arrivals.pattern,
            "recipe": {
                "wait": self.plan.recipe.wait,
                "dish": self.plan.recipe.dish.value,
                "prep": self.plan.recipe.prep,
                "plate": self.plan.recipe.plate,
            },
            "gap": self.plan.arrivals.gap,
            "faults": self.plan.faults.describe(),
            "fault": self.plan.faults.as_json(),
            "patience": self.plan.patience,
            "chat": self.plan.chat.as_json() if self.plan.chat else None,
            "model_speed": (
                {"ttft": self.plan.speed.ttft, "tokens_per_s": self.plan.speed.tokens_per_s}
                if self.plan.speed
                else None
            ),
            "in_turn": self.plan.in_turn,
            "cancelled": self.cancelled,
            "kitchens": [timeline.to_json() for timeline in self.timelines.values()],
        }


class RaceRunner:
    """Runs one race. Create it, ``await run()``, read ``result``; ``cancel()`` from anywhere
    on the loop stops it, marking open orders as failed."""

    def __init__(
        self,
        kitchens: Sequence[RaceTarget],
        plan: RacePlan,
        *,
        listener: Listener | None = None,
    ) -> None:
        if not kitchens:
            raise ValueError("a race needs at least one kitchen")
        self.kitchens = list(kitchens)
        self.plan = plan
        self.listener = listener
        self.race_id = uuid.uuid4().hex[:12]
        expected = {k.name: plan.check_fits(k.mode, k.settings) for k in self.kitchens}
        self.timeouts = {name: plan.order_timeout(value) for name, value in expected.items()}
        self.result = RaceResult(
            self.race_id,
            plan,
            {name: RaceTimeline(name, value) for name, value in expected.items()},
        )
        self.meter = CostMeter({k.name: k.cost for k in self.kitchens})
        """What each kitchen holds, sampled in a thread while the race runs."""
        self._tasks: list[asyncio.Task[None]] = []
        self._main: asyncio.Task[RaceResult] | None = None
        self._finished: set[tuple[str, int]] = set()
        self._accepted: set[tuple[str, int]] = set()
        """Orders a chef has taken, as the kitchens said live: their failure is a hang-up."""

    def _emit(self, event: OrderEvent) -> None:
        if self.listener is not None:
            self.listener(event)

    def _relay_listener(self, race: str, event: OrderEvent) -> None:
        # A kitchen in another process reports through a pipe, so its last events can come
        # after the customer already has the dish; the reply carried them, drop the echo.
        if race == self.race_id and (event.kitchen, event.order) not in self._finished:
            if event.phase is Phase.ACCEPTED:
                self._accepted.add((event.kitchen, event.order))
            self._emit(event)

    async def run(self) -> RaceResult:
        self._main = asyncio.current_task()
        total = len(self.kitchens) * self.plan.arrivals.customers
        for kitchen in self.kitchens:
            if kitchen.relay is not None:
                kitchen.relay.subscribe(self._relay_listener)
        # Sized for the race: httpx/aiohttp's default pool of 100 would queue orders on the
        # client side and make a concurrent kitchen look slow.
        limits = httpx.Limits(max_connections=total + 8, max_keepalive_connections=total + 8)
        # Plain HTTP on loopback: no proxy from the environment, and no CA bundle to load.
        transport = SendOnceTransport(limits=limits, verify=False)
        client = httpx.AsyncClient(transport=transport, trust_env=False, verify=False)
        self.meter.start()
        try:
            orders = self._write_orders(client)
            turns = [[k] for k in self.kitchens] if self.plan.in_turn else [self.kitchens]
            for kitchens in turns:
                await self._launch(client, orders, kitchens)
                await asyncio.gather(*self._tasks, return_exceptions=True)
        except asyncio.CancelledError:
            self.result.cancelled = True
            for task in self._tasks:
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
        finally:
            for kitchen in self.kitchens:
                if kitchen.relay is not None:
                    kitchen.relay.unsubscribe(self._relay_listener)
            for name, cost in self.meter.stop().items():
                self.result.timelines[name].cost = cost
            await client.aclose()
        return self.result

    def cancel(self) -> None:
        if self._main is not None:
            self._main.cancel()

    def _write_orders(self, client: httpx.AsyncClient) -> list[list[httpx.Request]]:
        """Every request of the race, built before the start: a customer writes the order
        before walking in, and building it is client work that the race should not time."""
        chat = self.plan.chat
        if chat is None:
            fields = {**self.plan.recipe.as_query(), **self.plan.faults.as_query()}
        else:
            fields = {**chat.as_json(), **self.plan.faults.as_json()}

        def write(kitchen: RaceTarget, index: int) -> httpx.Request:
            content = {**fields, "race": self.race_id, "order": index}
            timeout = self.timeouts[kitchen.name]
            if chat is None:
                return client.build_request("GET", kitchen.cook_url, params=content,
                                            timeout=timeout)  # fmt: skip
            return client.build_request("POST", kitchen.chat_url, json=content, timeout=timeout)

        customers = range(self.plan.arrivals.customers)
        return [[write(kitchen, index) for kitchen in self.kitchens] for index in customers]

    async def _launch(
        self,
        client: httpx.AsyncClient,
        orders: list[list[httpx.Request]],
        kitchens: list[RaceTarget],
    ) -> None:
        """Send ``kitchens`` their orders at the arrival times (``orders[index]`` holds one
        request per kitchen of the race)."""
        start = now()
        for index, offset in enumerate(self.plan.arrivals.offsets):
            delay = start + offset - now()
            if delay > 0:
                await asyncio.sleep(delay)
            elif index % LAUNCH_BATCH == 0:
                await asyncio.sleep(0)
            for kitchen, request in zip(self.kitchens, orders[index], strict=True):
                if kitchen in kitchens:
                    task = asyncio.create_task(self._order(client, kitchen, index, request))
                    self._tasks.append(task)

    async def _order(
        self, client: httpx.AsyncClient, kitchen: RaceTarget, index: int, request: httpx.Request
    ) -> None:
        record = OrderRecord(kitchen.name, index, sent=now())
        self.result.timelines[kitchen.name].add(record)
        self._emit(OrderEvent(kitchen.name, index, Phase.SENT, record.sent))
        try:
            # The whole order, streamed or not, within the customer's patience.
            async with asyncio.timeout(self.timeouts[kitchen.name]):
                if self.plan.chat is None:
                    self._take(record, await client.send(request))
                else:
                    await self._take_stream(record, await client.send(request, stream=True))
            await self._relay_caught_up(kitchen)
        except asyncio.CancelledError:
            record.received = now()
            record.status = OrderStatus.FAILED
            record.failure = Failure.STOPPED
            record.error = "the race was stopped before this dish was served"
            raise
        except (httpx.HTTPError, TimeoutError, ValueError, KeyError) as error:
            record.received = now()
            record.status = OrderStatus.FAILED
            waited = record.received - record.sent
            url = kitchen.chat_url if self.plan.chat else kitchen.cook_url
            accepted = (kitchen.name, index) in self._accepted
            record.failure, record.error = describe_failure(error, url, waited, accepted=accepted)
        finally:
            phase = Phase.RECEIVED if record.status is OrderStatus.SERVED else Phase.FAILED
            t = record.received or now()
            event = OrderEvent(
                kitchen.name, index, phase, t,
                http_status=record.http_status, failure=record.failure, detail=record.error,
            )  # fmt: skip
            self._finished.add((kitchen.name, index))
            self._emit(event)

    async def _relay_caught_up(self, kitchen: RaceTarget) -> None:
        """Let the kitchen's live events overtake the reply's, so each story stays in order."""
        deadline = now() + RELAY_PATIENCE_S
        while not kitchen.relay_caught_up() and now() < deadline:
            await asyncio.sleep(0.002)

    def _take(self, record: OrderRecord, response: httpx.Response) -> None:
        """A whole reply: the dish and the kitchen's record, or why there is none."""
        record.received = now()
        record.http_status = response.status_code
        if response.status_code == 200:
            record.apply_kitchen_report(response.json())
            record.status = OrderStatus.SERVED
            return
        record.status = OrderStatus.FAILED
        body = _body(response)
        record.failure = _failure_of(response.status_code, body)
        record.error = f"the kitchen answered {response.status_code}: {_detail(body, response)}"
        partial = body.get("kitchen_report") if isinstance(body, dict) else None
        if isinstance(partial, dict):  # what a failing kitchen did before the failure
            record.apply_kitchen_report(partial)

    async def _take_stream(self, record: OrderRecord, response: httpx.Response) -> None:
        """An LLM dish: each token as it arrives (timed, and sent on live), then the record."""
        try:
            if response.status_code != 200:
                await response.aread()
                self._take(record, response)
                return
            record.http_status = 200
            async for line in response.aiter_lines():
                if line:
                    self._take_line(record, json.loads(line))
        finally:
            await response.aclose()
        record.received = now()
        if record.status is OrderStatus.PENDING:
            record.status, record.failure = OrderStatus.FAILED, Failure.HUNG_UP
            record.error = "the kitchen's stream ended before the dish was finished"

    def _take_line(self, record: OrderRecord, item: dict[str, Any]) -> None:
        if "token" in item:
            t = now()
            record.tokens.append(t)
            record.text += str(item["token"])
            self._emit(OrderEvent(record.kitchen, record.index, Phase.TOKEN, t))
        elif "report" in item:
            record.apply_kitchen_report(item["report"])
            record.status = OrderStatus.SERVED
        elif "error" in item:
            record.status, record.failure = OrderStatus.FAILED, Failure.MODEL
            record.error = f"the model failed mid-answer: {item.get('detail', item['error'])}"
            if isinstance(item.get("kitchen_report"), dict):
                record.apply_kitchen_report(item["kitchen_report"])


def _failure_of(status: int, body: object) -> Failure:
    if status == 502 and isinstance(body, dict) and body.get("error") == "model failed":
        return Failure.MODEL
    return Failure.BURNT if status >= 500 else Failure.REFUSED


def _body(response: httpx.Response) -> object:
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None


def _detail(body: object, response: httpx.Response) -> str:
    if body is None:
        return response.text[:200] or response.reason_phrase
    if isinstance(body, dict):
        parts = [str(body[key]) for key in ("error", "detail") if body.get(key)]
        return (": ".join(parts) or str(body))[:300]
    return str(body)[:300]
