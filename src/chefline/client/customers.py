"""The customers: the race's HTTP load, run in a process of its own (``chefline _customers``).

Load tools never run inside the system they measure, and neither do Chefline's customers: at
the scale where async matters, a client sharing the kitchens' interpreter doubled their
times. The app sends one ``RaceBrief`` per race as a JSON line on this process's stdin and
reads what happens as JSON lines on its stdout (``CustomerNews``); closing stdin ends it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, TextIO

import httpx

from chefline.client.customer_news import (
    CustomerNews,
    KitchenDoor,
    RaceBrief,
    encode_news,
)
from chefline.client.failures import SendOnceTransport, describe_failure
from chefline.kitchen.clock import now
from chefline.kitchen.error_body import ErrorBody, ErrorKind
from chefline.kitchen.order import Failure, KitchenReport, OrderRecord, OrderStatus
from chefline.kitchen.your_app import ORDER_HEADER, RACE_HEADER, ReportSource
from chefline.process import race_collections

LAUNCH_BATCH = 5
"""Orders started per event-loop turn in a burst, so that one turn never holds them all."""


Say = Callable[[list[Any]], None]


class Customers:
    """Runs one race's orders against the kitchens and says what happens through ``say``."""

    def __init__(self, brief: RaceBrief, say: Say) -> None:
        self.brief = brief
        self.say = say
        self._tasks: list[asyncio.Task[None]] = []

    async def run(self) -> bool:
        """Serve every order; True when the race was cancelled before it ended."""
        brief = self.brief
        total = len(brief.kitchens) * len(brief.offsets)
        # Sized for the race: a default pool of 100 would queue orders on the client side
        # and make a concurrent kitchen look slow.
        limits = httpx.Limits(max_connections=total + 8, max_keepalive_connections=total + 8)
        # Plain HTTP on loopback: no proxy from the environment, and no CA bundle to load.
        transport = SendOnceTransport(limits=limits, verify=False)  # each order once
        async with httpx.AsyncClient(transport=transport, trust_env=False, verify=False) as client:
            orders = self._write_orders(client)
            turns = [[k] for k in range(len(brief.kitchens))] if brief.in_turn else [None]
            try:
                for turn in turns:
                    await self._launch(client, orders, turn)
                    await asyncio.gather(*self._tasks, return_exceptions=True)
            except asyncio.CancelledError:
                for task in self._tasks:
                    task.cancel()
                await asyncio.gather(*self._tasks, return_exceptions=True)
                return True
        return False

    def _write_orders(self, client: httpx.AsyncClient) -> list[list[httpx.Request]]:
        """Every request of the race, built before the start: a customer writes the order
        before walking in, and building it is client work that the race should not time."""
        brief = self.brief

        def write(door: KitchenDoor, index: int) -> httpx.Request:
            if door.report is ReportSource.RELAY:
                named = {RACE_HEADER: brief.race, ORDER_HEADER: str(index)}
                return client.build_request(door.method, door.url, headers=named,
                                            json=door.body, timeout=door.timeout)  # fmt: skip
            content = {**brief.fields, "race": brief.race, "order": index}
            if brief.chat:
                return client.build_request("POST", door.url, json=content, timeout=door.timeout)
            return client.build_request("GET", door.url, params=content, timeout=door.timeout)

        return [[write(door, i) for door in brief.kitchens] for i in range(len(brief.offsets))]

    async def _launch(
        self, client: httpx.AsyncClient, orders: list[list[httpx.Request]], turn: list[int] | None
    ) -> None:
        """Send the kitchens of this turn (all when None) their orders at the arrival times.

        Open loop, as real customers are: each order is sent at its own moment whether or
        not earlier ones were served. Should this process fall behind (its loop busy, the
        machine busy), the orders due go at once, and at a steady rate each remembers the
        moment it was meant for."""
        start = now()
        for index, offset in enumerate(self.brief.offsets):
            meant = start + offset
            delay = meant - now()
            if delay > 0:
                await asyncio.sleep(delay)
            elif index % LAUNCH_BATCH == 0:
                await asyncio.sleep(0)
            for k, request in enumerate(orders[index]):
                if turn is None or k in turn:
                    order = self._order(client, k, index, request, meant)
                    self._tasks.append(asyncio.create_task(order))

    async def _order(
        self, client: httpx.AsyncClient, k: int, index: int, request: httpx.Request, meant: float
    ) -> None:
        door = self.brief.kitchens[k]
        intended = meant if self.brief.intended else None
        record = OrderRecord(door.name, index, sent=now(), intended=intended)
        self.say([CustomerNews.SENT, k, index, record.sent])
        try:
            # The whole order, streamed or not, within the customer's patience.
            async with asyncio.timeout(door.timeout):
                if door.report is ReportSource.RELAY:
                    _take_own(record, await client.send(request))
                elif self.brief.chat:
                    await self._take_stream(k, record, await client.send(request, stream=True))
                else:
                    _take(record, await client.send(request))
        except asyncio.CancelledError:
            record.received = now()
            record.status, record.failure = OrderStatus.FAILED, Failure.STOPPED
            record.error = "the race was stopped before this dish was served"
            raise
        except (httpx.HTTPError, TimeoutError, ValueError, KeyError) as error:
            record.received = now()
            record.status = OrderStatus.FAILED
            record.failure, record.error = describe_failure(
                error, door.url, record.received - record.sent
            )
        finally:
            if record.received is None:
                record.received = now()
            self.say([CustomerNews.SERVED, k, index, {**record.to_json(), "text": record.text}])

    async def _take_stream(self, k: int, record: OrderRecord, response: httpx.Response) -> None:
        """An LLM dish: each token as it arrives (timed, and said at once), then the record."""
        try:
            if response.status_code != 200:
                await response.aread()
                _take(record, response)
                return
            record.http_status = 200
            async for line in response.aiter_lines():
                if line:
                    self._take_line(k, record, json.loads(line))
        finally:
            await response.aclose()
        record.received = now()
        if record.status is OrderStatus.PENDING:
            record.status, record.failure = OrderStatus.FAILED, Failure.HUNG_UP
            record.error = "the kitchen's stream ended before the dish was finished"

    def _take_line(self, k: int, record: OrderRecord, item: dict[str, Any]) -> None:
        if "token" in item:
            t = now()
            record.tokens.append(t)
            record.text += str(item["token"])
            self.say([CustomerNews.TOKEN, k, record.index, t])
        elif "report" in item:
            record.apply_kitchen_report(KitchenReport.from_json(item["report"]))
            record.status = OrderStatus.SERVED
        elif "error" in item:
            record.status, record.failure = OrderStatus.FAILED, Failure.MODEL
            record.error = f"the model failed mid-answer: {item.get('detail', item['error'])}"
            failed = ErrorBody.from_json(item)
            if failed is not None and failed.kitchen_report is not None:
                record.apply_kitchen_report(failed.kitchen_report)


def _take(record: OrderRecord, response: httpx.Response) -> None:
    """A whole reply: the dish and the kitchen's record, or why there is none."""
    record.received = now()
    record.http_status = response.status_code
    if response.status_code == 200:
        record.apply_kitchen_report(KitchenReport.from_json(response.json()))
        record.status = OrderStatus.SERVED
        return
    record.status = OrderStatus.FAILED
    body = _body(response)
    failed = ErrorBody.from_json(body)
    record.failure = _failure_of(response.status_code, failed)
    record.error = f"the kitchen answered {response.status_code}: {_detail(body, response)}"
    if failed is not None and failed.kitchen_report is not None:
        # what a failing kitchen did before the failure
        record.apply_kitchen_report(failed.kitchen_report)


_TAG = re.compile(r"<[^>]*>")


def _take_own(record: OrderRecord, response: httpx.Response) -> None:
    """Your app's reply: any 2xx is served (its kitchen part comes from the relay); anything
    else fails with its status and the first line of its body."""
    record.received = now()
    record.http_status = response.status_code
    if 200 <= response.status_code < 300:
        record.status = OrderStatus.SERVED
        return
    record.status = OrderStatus.FAILED
    status = response.status_code
    record.failure = (
        Failure.BURNT if status >= 500 else Failure.NOT_FOUND if status == 404 else Failure.REFUSED
    )
    text = _TAG.sub("", response.text)  # an HTML error page: its words, not its markup
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    record.error = (
        f"the kitchen answered {response.status_code}: {first[:200] or response.reason_phrase}"
    )


def _failure_of(status: int, failed: ErrorBody | None) -> Failure:
    if status == 502 and failed is not None and failed.kind is ErrorKind.MODEL_FAILED:
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


# -- the process ---------------------------------------------------------------------------


def main(stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Races, one at a time, as the app sends them; ``{"cancel": race}`` stops the one
    running; end of input (the app closed it, or died) ends the process at once."""
    loop = _fastest_loop()
    asyncio.set_event_loop(loop)
    write_lock = threading.Lock()

    def say(news: list[Any]) -> None:
        line = encode_news(news)
        with write_lock:
            stdout.write(line + "\n")
            stdout.flush()

    running: dict[str, asyncio.Task[bool]] = {}
    stopped: set[str] = set()  # cancelled while waiting their turn: they never start
    briefs: asyncio.Queue[RaceBrief] = asyncio.Queue()
    # Ctrl+C in a terminal reaches the whole process group: the app decides what stops (it
    # cancels the race, and the customers hand back their open orders), not a traceback here.
    with contextlib.suppress(ValueError):  # not the main thread (a test): nothing to ignore
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    def on_line(line: str) -> None:
        message = json.loads(line)
        if "cancel" in message:
            task = running.get(str(message["cancel"]))
            if task is not None:
                task.cancel()
            else:
                stopped.add(str(message["cancel"]))
        else:
            briefs.put_nowait(RaceBrief.from_json(message))

    def read_input() -> None:
        for line in stdin:
            if line.strip():
                loop.call_soon_threadsafe(on_line, line)
        os._exit(0)  # the app is gone: so are its customers, whatever they were doing

    threading.Thread(target=read_input, name="customers-input", daemon=True).start()
    loop.run_until_complete(_warm_up())
    say([CustomerNews.READY])

    async def serve_races() -> None:
        while True:
            brief = await briefs.get()
            if brief.race in stopped:
                stopped.discard(brief.race)
                say([CustomerNews.OVER, True])
                continue
            task = asyncio.ensure_future(Customers(brief, say).run())
            running[brief.race] = task
            try:
                with race_collections():
                    cancelled = await task
            except asyncio.CancelledError:
                cancelled = True
            running.pop(brief.race, None)
            say([CustomerNews.OVER, cancelled])

    loop.run_until_complete(serve_races())
    return 0


async def _warm_up() -> None:
    """Build and close a client once before saying ready: what httpx and aiohttp load on
    first use would otherwise be loaded while the first race's orders go out."""
    transport = SendOnceTransport(limits=httpx.Limits(max_connections=8), verify=False)
    async with httpx.AsyncClient(transport=transport, trust_env=False, verify=False) as client:
        client.build_request("GET", "http://127.0.0.1:9/", params={"warm": "up"})
    json.dumps(OrderRecord("warm-up", 0, sent=now()).to_json())


def _fastest_loop() -> asyncio.AbstractEventLoop:
    """uvloop where it is installed (it is not required), else asyncio's own."""
    try:
        import uvloop  # type: ignore[import-not-found]
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()  # type: ignore[no-any-return]
