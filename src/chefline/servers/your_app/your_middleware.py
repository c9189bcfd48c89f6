"""Middleware that tells a kitchen's relay what your app does with each order, with no change
to your code: accepted, the chef (thread or event loop), the route's time and done.

Orders are recognised by the headers the customers send (``x-chefline-race``,
``x-chefline-order``); any other request passes through untouched.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from typing import Any, Protocol

from chefline.kitchen.clock import now
from chefline.kitchen.events import OrderEvent, Phase
from chefline.kitchen.order import StepKind
from chefline.kitchen.your_app import ORDER_HEADER, RACE_HEADER, ROUTE_STEP, STUCK_STEP
from chefline.servers.apps.cooking import current_chef
from chefline.servers.relay import EventRelay
from chefline.servers.your_app.route_errors import RouteErrors
from chefline.servers.your_app.thread_sampler import ThreadSampler

OrderTag = tuple[str, int]
"""(race, order)."""

BUSY_SHARE = 0.5
"""A thread chef that ran Python (its own CPU time) for at least this share of its time in the
route was working; less, and it stood at the pot (sleep, socket, lock)."""

SHORTEST_STEP_S = 0.001
"""An awaited stretch shorter than this (between the order's start and its first block, say)
is not drawn: it is the loop reaching the next line, not a wait."""

_RACE_KEY = RACE_HEADER.encode()
_ORDER_KEY = ORDER_HEADER.encode()
_ACCEPTED, _DONE = Phase.ACCEPTED, Phase.DONE
"""Read once: an enum member looked up on its class costs 0.14 µs each time (Python 3.11)."""


class OrderNews:
    """Publishes one kitchen's order events; shared by both middlewares.

    The WSGI middleware's orders pass here two or three times each, on the chef's time, and a
    plain route runs only a few hundred Python calls: so the relay's listeners are called from
    here directly, one call fewer per event than ``EventRelay.publish``. (The ASGI middleware
    writes ACCEPTED and DONE out itself.)"""

    def __init__(self, kitchen: str, relay: EventRelay, chef_kind: str) -> None:
        self.kitchen = kitchen
        self.relay = relay
        self.chef_kind = chef_kind

    def say(self, tag: OrderTag, phase: Phase, t: float, **step: Any) -> None:
        event = OrderEvent(self.kitchen, tag[1], phase, t, **step)
        self.relay.publish(tag[0], event)

    def accepted(self, tag: OrderTag, chef: str, t: float | None = None) -> None:
        event = OrderEvent(self.kitchen, tag[1], _ACCEPTED, now() if t is None else t,
                           chef, self.chef_kind)  # fmt: skip
        for hear in self.relay.listeners:
            hear(tag[0], event)

    def done(self, tag: OrderTag, t: float) -> None:
        event = OrderEvent(self.kitchen, tag[1], _DONE, t)
        for hear in self.relay.listeners:
            hear(tag[0], event)

    def step(self, tag: OrderTag, name: str, kind: StepKind, start: float, end: float,
             holds_chef: bool) -> None:  # fmt: skip
        # One event for a step that is over: a start and an end told together would cost the
        # chef two events' work for what the timeline draws from one.
        event = OrderEvent(self.kitchen, tag[1], Phase.STEP, start, step=name, kind=kind,
                           holds_chef=holds_chef, end=end)  # fmt: skip
        self.relay.publish(tag[0], event)


def _tag(race: str | None, order: str | None) -> OrderTag | None:
    # ASCII digits only: "²" is a digit to str.isdigit but not to int().
    if not race or order is None or not (order.isascii() and order.isdigit()):
        return None
    return race, int(order)


class LoopWatch(Protocol):
    """What the middleware tells the loop watchdog, as plain attributes: the loop writes them
    for every order, where a method call would cost as much as the rest of its watching."""

    last_beat: float
    """When the loop last turned: a beat, or an order that began or replied."""

    @property
    def open_block(self) -> object | None:
        """The block the watchdog saw begin and has not yet closed."""

    spans: dict[OrderTag, list[tuple[float, float]]]
    """Each order's closed blocks, taken by the middleware as the order replies."""

    def settle(self) -> None:
        """Close the open block: the loop turns again."""


class AsgiOrders:
    """Wraps an ASGI app. Its ``__call__`` is the frame the loop watchdog looks for in a
    blocked loop's stack, to read which order (``tag``) holds the loop."""

    def __init__(self, app: Any, news: OrderNews) -> None:
        self.app = app
        self.news = news
        self.startup_failure: str | None = None
        """What your app said when its start-up failed (the last line of its traceback)."""
        self.watch: LoopWatch | None = None
        """The loop watchdog, told as each order begins and before its reply goes out (a
        block before is over then) and asked for the order's blocks."""
        self._chefs: dict[int, str] = {}
        self.errors = RouteErrors()
        """What your route raised, per race."""

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        # The path of an order is written out here, not split in helpers: it runs for every
        # order, and each Python call costs about 0.2 % of a plain route (counted with
        # valgrind: benchmarks/NOTES.md).
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                send = self._lifespan_send(send)
            await self.app(scope, receive, send)
            return
        race = order = None
        for key, value in scope.get("headers") or ():
            if key == _RACE_KEY:
                race = value
            elif key == _ORDER_KEY:
                order = value
        if not race or order is None or not order.isdigit():  # bytes: ASCII digits only
            await self.app(scope, receive, send)
            return
        tag = (race.decode("latin-1"), int(order))
        accepted = now()
        watch = self.watch
        if watch is not None:  # the loop turned to a new order: a block before it is over
            if watch.open_block is None:
                watch.last_beat = accepted
            else:
                watch.settle()
        news = self.news
        chef = self._chefs.get(threading.get_ident()) or self._name_chef()
        event = OrderEvent(news.kitchen, tag[1], _ACCEPTED, accepted, chef, news.chef_kind)
        for hear in news.relay.listeners:
            hear(tag[0], event)
        done = started = False

        def reply(message: dict[str, Any]) -> Awaitable[None]:
            # A plain function that hands back the server's own ``send``: the app awaits
            # that, with no coroutine of ours made and stepped through for each message.
            # So DONE is told when the body is handed to ``send``, not when it is awaited
            # (the same moment for an app that awaits it at once, as ASGI apps do); and
            # asgiref's async_to_sync warns that it is not marked async.
            nonlocal done, started
            started = True
            if (
                not done
                and message["type"] == "http.response.body"
                and (not message.get("more_body"))
            ):
                done = True
                self._replied(tag, accepted)
            return send(message)  # type: ignore[no-any-return]

        try:
            await self.app(scope, receive, reply)
        except Exception as error:
            self.errors.note(tag[0], error)
            if not started:  # no answer yet: the server sends its 500 (and logs it)
                raise
            # Answered already (FastAPI's 500): one sentence in the race, not a traceback.
        finally:
            if not done and watch is not None and watch.spans:
                watch.spans.pop(tag, None)  # it raised or was cancelled: its blocks go too

    def _name_chef(self) -> str:
        """The loop's thread, named once (every order of the kitchen has the same chef)."""
        chef = self._chefs[threading.get_ident()] = current_chef()
        return chef

    def _replied(self, tag: OrderTag, accepted: float) -> None:
        """Before the reply goes out: the order's time in your route outside its blocks was
        awaited (the chef was free, the dish on the stove); then DONE."""
        done = now()
        blocks = None
        watch = self.watch
        if watch is not None:
            if watch.open_block is None:
                watch.last_beat = done
            else:
                watch.settle()
            if watch.spans:  # most orders have no block
                blocks = watch.spans.pop(tag, None)
        news = self.news
        cursor = accepted
        if blocks:
            for start, end in sorted(blocks):
                if start - cursor > SHORTEST_STEP_S:
                    news.step(tag, ROUTE_STEP, StepKind.IO, cursor, start, holds_chef=False)
                cursor = max(cursor, end)
        if done - cursor > SHORTEST_STEP_S:
            news.step(tag, ROUTE_STEP, StepKind.IO, cursor, done, holds_chef=False)
        event = OrderEvent(news.kitchen, tag[1], _DONE, done)  # news.done, written out
        for hear in news.relay.listeners:
            hear(tag[0], event)

    def _lifespan_send(self, send: Any) -> Any:
        async def lifespan_send(message: dict[str, Any]) -> None:
            if message.get("type") == "lifespan.startup.failed":
                lines = [line for line in str(message.get("message", "")).splitlines() if line]
                self.startup_failure = lines[-1].strip() if lines else "start-up failed"
            await send(message)

        return lifespan_send


class WsgiOrders:
    """Wraps a WSGI app. The chef is the thread that serves the order; whether it worked or
    stood at the pot is told from the thread's own CPU time over the route."""

    def __init__(
        self,
        app: Any,
        news: OrderNews,
        *,
        chef_of: Callable[[], str] = current_chef,
        shared: bool = False,
        sampler: ThreadSampler | None = None,
    ) -> None:
        self.app = app
        self.news = news
        self.chef_of = chef_of
        self.sampler = sampler if sampler is not None and sampler.usable else None
        """Splits a thread chef's time in the route into working and stuck segments."""
        """Names the chef (a forked worker's main thread has the same name in every worker)."""
        self.errors = RouteErrors()
        """What your route raised, per race (Flask's are caught by Flask: see your_kitchen)."""
        self.shared = shared
        """True when the chefs take turns on one thread (gevent's greenlets): a wait there
        is awaited, and the thread's CPU time is everyone's."""

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        tag = _tag(environ.get("HTTP_X_CHEFLINE_RACE"), environ.get("HTTP_X_CHEFLINE_ORDER"))
        if tag is None:
            return self.app(environ, start_response)  # type: ignore[no-any-return]
        self.news.accepted(tag, self.chef_of())
        start, cpu = now(), time.thread_time()
        if self.sampler is not None:
            self.sampler.enter()
        try:
            body = self.app(environ, start_response)
        except Exception as error:
            self.errors.note(tag[0], error)
            raise  # the server answers 500
        finally:
            end = now()
            if self.sampler is not None:
                self._said_sampled(tag, self.sampler.leave())
            else:
                busy = (time.thread_time() - cpu) >= BUSY_SHARE * (end - start)
                kind = StepKind.CPU if busy else StepKind.IO
                holds = not (self.shared and kind is StepKind.IO)
                self.news.step(tag, ROUTE_STEP, kind, start, end, holds_chef=holds)
        return self._served(tag, body)

    def _said_sampled(self, tag: OrderTag, segments: list[tuple[float, float, bool]]) -> None:
        """The sampler's segments as steps: working (hands on it) or stuck at the pot."""
        for start, end, working in segments:
            if working:
                self.news.step(tag, ROUTE_STEP, StepKind.CPU, start, end, holds_chef=True)
            else:
                self.news.step(tag, STUCK_STEP, StepKind.IO, start, end, holds_chef=True)

    def _served(self, tag: OrderTag, body: Iterable[bytes]) -> Iterator[bytes]:
        """The body as it was, with DONE said before its last piece goes out (so the news
        is on the relay before the customer has the dish)."""
        pieces = iter(body)
        try:
            piece = next(pieces, None)
            if piece is None:  # an empty body: done now
                self.news.done(tag, now())
            while piece is not None:
                following = next(pieces, None)
                if following is None:
                    self.news.done(tag, now())
                yield piece
                piece = following
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
