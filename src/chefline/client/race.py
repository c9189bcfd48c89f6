"""The race runner: the same orders, fired at every kitchen at the same moments, measured."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Protocol

from chefline.client.customer_news import CustomerNews, KitchenDoor, RaceBrief
from chefline.client.customer_process import CustomerProcess
from chefline.client.off_loop import in_a_thread
from chefline.client.plan import RacePlan
from chefline.kitchen.app_verdict import AppVerdict
from chefline.kitchen.clock import now
from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.cost_meter import CostMeter
from chefline.kitchen.errors import BadInput, CustomersGone
from chefline.kitchen.events import OrderEvent, Phase
from chefline.kitchen.modes import KitchenMode, KitchenSettings
from chefline.kitchen.order import Failure, OrderRecord, OrderStatus, hung_up
from chefline.kitchen.timeline import RaceTimeline
from chefline.kitchen.your_app import ReportSource

Listener = Callable[[OrderEvent], None]
"""Receives every live event; called from the loop and from kitchen threads alike."""

RACE_FORMAT = "chefline-race/1"
"""Written in every saved race, checked when one is opened."""

RELAY_PATIENCE_S = 0.5
"""Longest wait, after a reply, for a kitchen's live events still on their way (a kitchen in
another process reports through a pipe)."""

YOUR_PATIENCE_S = 60.0
"""How long a customer waits for your own app, unless the race's patience says otherwise."""

CANCEL_PATIENCE_S = 5.0
"""Longest wait, after a cancel, for the customers to hand back their open orders."""


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
    @property
    def own_cost_per_order(self) -> float | None: ...
    @property
    def in_app(self) -> bool: ...
    @property
    def report(self) -> ReportSource: ...
    @property
    def method(self) -> str: ...
    @property
    def body(self) -> Any: ...
    def cost(self) -> KitchenCost: ...
    def relay_caught_up(self) -> bool: ...
    def verdict(self, race: str, start: float | None, end: float | None) -> AppVerdict | None:
        """What the race found in your app's kitchen (None for a built-in kitchen); it may
        ask the kitchen's process: called off the loop."""


@dataclass
class RaceResult:
    race_id: str
    plan: RacePlan
    timelines: dict[str, RaceTimeline] = field(default_factory=dict)
    cancelled: bool = False
    verdicts: dict[str, AppVerdict] = field(default_factory=dict)
    """What the race found in your app's kitchens, by kitchen: said once, shown by the
    command line's table, ``--json`` and the window alike."""

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
            **self._rate_json(),
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
            "kitchens": [
                {**timeline.to_json(), **(verdict.to_json() if verdict else {})}
                for timeline, verdict in (
                    (t, self.verdicts.get(name)) for name, t in self.timelines.items()
                )
            ],
        }

    def _rate_json(self) -> dict[str, Any]:
        """Customers at a steady rate: the stream, so that the race reads back the same."""
        arrivals = self.plan.arrivals
        if arrivals.rate is None:
            return {}
        return {"rate": arrivals.rate, "duration": arrivals.duration, "seed": arrivals.seed}


class RaceRunner:
    """Runs one race. Create it, ``await run()``, read ``result``; ``cancel()`` from anywhere
    on the loop stops it, marking open orders as failed.

    The orders themselves are sent by the customers' process (``chefline.client.customers``):
    this runner hands it the race, hears each order's news in a reader thread, joins it with
    the kitchens' own live events (their relays) and keeps each order's story in order.
    """

    def __init__(
        self,
        kitchens: Sequence[RaceTarget],
        plan: RacePlan,
        *,
        listener: Listener | None = None,
        customers: CustomerProcess | None = None,
    ) -> None:
        if not kitchens:
            raise BadInput("a race needs at least one kitchen")
        self.kitchens = list(kitchens)
        self.plan = plan
        self.listener = listener
        self.customers = customers
        """The customers' process to use; None: one of its own, for this race only."""
        self.race_id = uuid.uuid4().hex[:12]
        # Your own app has no theory: its route's cost is what the race finds out.
        expected = {
            k.name: plan.check_fits(k.mode, k.settings) if k.report is ReportSource.BODY else None
            for k in self.kitchens
        }
        self.timeouts = {
            name: plan.order_timeout(value)
            if value is not None
            else plan.patience or YOUR_PATIENCE_S
            for name, value in expected.items()
        }
        self._told = {
            k.name: RaceTimeline(k.name) for k in self.kitchens if k.report is ReportSource.RELAY
        }
        """What the relays of kitchens whose report comes from a middleware said, per order."""
        self.result = RaceResult(
            self.race_id,
            plan,
            {name: RaceTimeline(name, value) for name, value in expected.items()},
        )
        for timeline in self.result.timelines.values():
            timeline.planned = plan.arrivals.customers
        self._expect_own_work()
        self.meter = CostMeter({k.name: k.cost for k in self.kitchens})
        """What each kitchen holds, sampled in a thread while the race runs."""
        if plan.in_turn:
            self.meter.playing = set()
        self.served = {k.name: 0 for k in self.kitchens}
        """Orders served so far by each kitchen (updated as the news comes)."""
        self._back = {k.name: 0 for k in self.kitchens}
        """Orders back from each kitchen so far, served or failed."""
        self._main: asyncio.Task[RaceResult] | None = None
        self._lock = threading.Lock()
        self._sent: set[tuple[str, int]] = set()
        self._held: dict[tuple[str, int], list[OrderEvent]] = {}
        self._finished: set[tuple[str, int]] = set()
        self._accepted: set[tuple[str, int]] = set()
        """Orders a chef has taken, as the kitchens said live: their failure is a hang-up."""
        self._records: list[OrderRecord] = []

    def _expect_own_work(self) -> None:
        """What each kitchen's own measured work adds to the ideal theory. Kitchens in the
        app share one interpreter, so in a race side by side each also waits for the
        others' work ("next door"); a kitchen in processes of its own has only its own."""
        customers = self.plan.arrivals.customers
        for kitchen in self.kitchens:
            per_order = kitchen.own_cost_per_order
            if per_order is not None:
                timeline = self.result.timelines[kitchen.name]
                timeline.own_cost_per_order = per_order
                timeline.own_work = kitchen.mode.own_work(customers, per_order, kitchen.settings)
        if self.plan.in_turn:
            return
        in_app = [self.result.timelines[k.name] for k in self.kitchens if k.in_app]
        for timeline in in_app:
            timeline.neighbours_work = sum(
                other.own_work or 0.0 for other in in_app if other is not timeline
            )

    def _emit(self, event: OrderEvent) -> None:
        if self.listener is not None:
            self.listener(event)

    def _relay_listener(self, race: str, event: OrderEvent) -> None:
        # A kitchen can accept an order before the customers' news of sending it reaches
        # us: hold its events until then. A kitchen in another process reports through a
        # pipe, so its last events can come after the dish; the record has them, drop those.
        if race != self.race_id:
            return
        key = (event.kitchen, event.order)
        with self._lock:
            if key in self._finished:
                return
            if event.phase is Phase.ACCEPTED:
                self._accepted.add(key)
            told = self._told.get(event.kitchen)
            if told is not None:
                told.apply(event)
            if key in self._sent:
                self._emit(event)
            else:
                self._held.setdefault(key, []).append(event)

    def brief(self) -> RaceBrief:
        """The race as the customers' process needs it."""
        plan, chat = self.plan, self.plan.chat
        fields: dict[str, object]
        if chat is None:
            fields = {**plan.recipe.as_query(), **plan.faults.as_query()}
        else:
            fields = {**chat.as_json(), **plan.faults.as_json()}
        doors = [
            KitchenDoor(k.name, k.chat_url if chat else k.cook_url, self.timeouts[k.name])
            if k.report is ReportSource.BODY
            else KitchenDoor(k.name, k.cook_url, self.timeouts[k.name], k.report, k.method, k.body)
            for k in self.kitchens
        ]
        return RaceBrief(self.race_id, doors, list(plan.arrivals.offsets), fields,
                         chat is not None, plan.in_turn, plan.arrivals.steady)  # fmt: skip

    async def run(self) -> RaceResult:
        self._main = asyncio.current_task()
        loop = asyncio.get_running_loop()
        over: asyncio.Future[str | None] = loop.create_future()

        def finish(why_not: str | None) -> None:
            if not over.done():
                over.set_result(why_not)

        def hear(news: list[Any]) -> None:
            what = self._hear(news)
            if what is not None and not loop.is_closed():
                with contextlib.suppress(RuntimeError):  # closed meanwhile: nobody waits
                    loop.call_soon_threadsafe(finish, what or None)

        own = self.customers is None
        customers = self.customers or CustomerProcess()
        for kitchen in self.kitchens:
            if kitchen.relay is not None:
                kitchen.relay.subscribe(self._relay_listener)
        try:
            await customers.until_ready()  # a window's is ready long before anyone serves
            self.meter.start()
            customers.start_race(self.brief(), hear)
            try:
                gone = await asyncio.shield(over)
            except asyncio.CancelledError:
                self.result.cancelled = True
                customers.cancel(self.race_id)
                gone = await asyncio.wait_for(over, CANCEL_PATIENCE_S)
            if gone and not self.result.cancelled:  # gone after a cancel: the app is closing
                raise CustomersGone(gone)
        except asyncio.CancelledError:  # before the customers were ready: nobody was sent
            self.result.cancelled = True
        finally:
            customers.forget(hear)
            for kitchen in self.kitchens:
                if kitchen.relay is not None:
                    kitchen.relay.unsubscribe(self._relay_listener)
            for name, cost in self.meter.stop().items():
                self.result.timelines[name].cost = cost
            if own:
                await asyncio.to_thread(customers.close)
        for record in sorted(self._records, key=lambda record: record.index):
            self.result.timelines[record.kitchen].add(record)  # in the order customers came
        if not self.result.cancelled:
            await self._hear_verdicts()
        return self.result

    async def _hear_verdicts(self) -> None:
        """Each of your app's kitchens says what it found, off the loop (it may ask its
        process: a block can outlast the race)."""
        for kitchen in self.kitchens:
            if kitchen.report is not ReportSource.RELAY:
                continue
            timeline = self.result.timelines[kitchen.name]
            verdict = await in_a_thread(partial(kitchen.verdict, self.race_id, timeline.start,
                                                 timeline.end))  # fmt: skip
            if verdict is not None:
                self.result.verdicts[kitchen.name] = verdict

    def cancel(self) -> None:
        self.result.cancelled = True  # first: the customers may be gone before the task hears
        if self._main is not None:
            self._main.cancel()

    def _hear(self, news: list[Any]) -> str | None:
        """One line of the customers' news (in the reader thread). Returns "" when the race
        is over, a sentence when the customers' process is gone, else None."""
        what = news[0]
        if what == CustomerNews.OVER:
            return ""
        if what == CustomerNews.GONE:
            return str(news[1])
        kitchen = self.kitchens[news[1]]
        key = (kitchen.name, int(news[2]))
        if what == CustomerNews.SENT:
            if self.meter.playing is not None:
                self.meter.playing.add(kitchen.name)  # its turn has come
            with self._lock:
                self._sent.add(key)
                self._emit(OrderEvent(kitchen.name, key[1], Phase.SENT, float(news[3])))
                for event in self._held.pop(key, []):
                    self._emit(event)
        elif what == CustomerNews.TOKEN:
            self._emit(OrderEvent(kitchen.name, key[1], Phase.TOKEN, float(news[3])))
        elif what == CustomerNews.SERVED:
            self._relay_caught_up(kitchen)
            record = OrderRecord.from_json(news[3])
            record.text = str(news[3].get("text", ""))
            with self._lock:
                taken = key in self._accepted
                told = self._told.get(kitchen.name)
                if told is not None and key[1] in told.orders:
                    _take_told(record, told.orders[key[1]])
            if taken and record.failure is Failure.NO_KITCHEN:
                # The customers cannot tell, but the kitchen said a chef had taken it.
                record.failure, record.error = Failure.HUNG_UP, hung_up()
            served = record.status is OrderStatus.SERVED
            event = OrderEvent(
                kitchen.name, key[1], Phase.RECEIVED if served else Phase.FAILED,
                record.received if record.received is not None else now(),
                http_status=record.http_status, failure=record.failure, detail=record.error,
            )  # fmt: skip
            with self._lock:
                self._finished.add(key)
                self._held.pop(key, None)
                self._emit(event)
            self._records.append(record)
            self.served[kitchen.name] += served
            self._back[kitchen.name] += 1
            everyone = self._back[kitchen.name] >= self.plan.arrivals.customers
            if everyone:  # what it held while cooking stays its figure
                self.meter.done.add(kitchen.name)
            if self.meter.playing is not None and everyone:
                self.meter.playing.discard(kitchen.name)  # its turn is over
        return None

    def _relay_caught_up(self, kitchen: RaceTarget) -> None:
        """Let the kitchen's live events overtake the reply's, so each story stays in order
        (a kitchen in another process reports through a pipe)."""
        deadline = now() + RELAY_PATIENCE_S
        while not kitchen.relay_caught_up() and now() < deadline:
            time.sleep(0.002)


def _take_told(record: OrderRecord, told: OrderRecord) -> None:
    """The kitchen's part of an order of your app, as its middleware said it live."""
    record.chef, record.chef_kind = told.chef, told.chef_kind
    record.accepted, record.done = told.accepted, told.done
    record.steps = sorted(told.steps, key=lambda step: step.start)  # said as they ended
