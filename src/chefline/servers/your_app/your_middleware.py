"""Middleware that tells a kitchen's relay what your app does with each order, with no change
to your code: accepted, the chef (thread or event loop), the route's time and done.

Orders are recognised by the headers the customers send (``x-chefline-race``,
``x-chefline-order``); any other request passes through untouched.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

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


class OrderNews:
    """Publishes one kitchen's order events; shared by both middlewares."""

    def __init__(self, kitchen: str, relay: EventRelay, chef_kind: str) -> None:
        self.kitchen = kitchen
        self.relay = relay
        self.chef_kind = chef_kind

    def say(self, tag: OrderTag, phase: Phase, t: float, **step: Any) -> None:
        event = OrderEvent(self.kitchen, tag[1], phase, t, **step)
        self.relay.publish(tag[0], event)

    def accepted(self, tag: OrderTag, chef: str, t: float | None = None) -> None:
        at = now() if t is None else t
        self.relay.publish(tag[0], OrderEvent(self.kitchen, tag[1], Phase.ACCEPTED, at, chef,
                                              self.chef_kind))  # fmt: skip

    def done(self, tag: OrderTag, t: float) -> None:
        self.relay.publish(tag[0], OrderEvent(self.kitchen, tag[1], Phase.DONE, t))

    def step(self, tag: OrderTag, name: str, kind: StepKind, start: float, end: float,
             holds_chef: bool) -> None:  # fmt: skip
        # One event for a step that is over: a start and an end told together would cost the
        # chef two events' work for what the timeline draws from one.
        event = OrderEvent(self.kitchen, tag[1], Phase.STEP, start, step=name, kind=kind,
                           holds_chef=holds_chef, end=end)  # fmt: skip
        self.relay.publish(tag[0], event)


def _asgi_tag(scope: dict[str, Any]) -> OrderTag | None:
    race: str | None = None
    order: bytes | None = None
    for key, value in scope.get("headers") or ():
        if key == _RACE_KEY:
            race = value.decode("latin-1")
        elif key == _ORDER_KEY:
            order = value  # its digits are read as they are: int() takes bytes
    return _tag(race, order)


def _tag(race: str | None, order: str | bytes | None) -> OrderTag | None:
    # ASCII digits only: "²" is a digit to str.isdigit but not to int().
    if not race or order is None or not (order.isascii() and order.isdigit()):
        return None
    return race, int(order)


class AsgiOrders:
    """Wraps an ASGI app. Keeps which task serves which order, for the loop watchdog."""

    def __init__(self, app: Any, news: OrderNews) -> None:
        self.app = app
        self.news = news
        self.running: dict[asyncio.Task[Any], OrderTag] = {}
        self.startup_failure: str | None = None
        """What your app said when its start-up failed (the last line of its traceback)."""
        self.before_reply: Callable[[], None] = lambda: None
        """Called on the loop as each order begins and before its reply goes out (the
        watchdog closes a block there)."""
        self.blocks_of: Callable[[OrderTag], list[tuple[float, float]]] = lambda tag: []
        """The spans in which an order held the loop (the watchdog forgets them here)."""
        self._chefs: dict[int, str] = {}
        self.errors = RouteErrors()
        """What your route raised, per race."""

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, self._lifespan_send(send))
            return
        tag = _asgi_tag(scope) if scope["type"] == "http" else None
        if tag is None:
            await self.app(scope, receive, send)
            return
        task = asyncio.current_task()
        assert task is not None
        self.running[task] = tag
        accepted = now()
        self.news.accepted(tag, self._chef(), accepted)
        self.before_reply()  # the loop turned to a new order: a block before it is over
        done = started = False

        async def reply(message: dict[str, Any]) -> None:
            nonlocal done, started
            started = True
            if (
                not done
                and message["type"] == "http.response.body"
                and (not message.get("more_body"))
            ):
                done = True
                self.before_reply()
                self._awaited(tag, accepted, now())
            await send(message)

        try:
            await self.app(scope, receive, reply)
        except Exception as error:
            self.errors.note(tag[0], error)
            if not started:  # no answer yet: the server sends its 500 (and logs it)
                raise
            # Answered already (FastAPI's 500): one sentence in the race, not a traceback.
        finally:
            self.running.pop(task, None)

    def _chef(self) -> str:
        """The loop's thread, named once (every order of the kitchen has the same chef)."""
        ident = threading.get_ident()
        chef = self._chefs.get(ident)
        if chef is None:
            chef = self._chefs[ident] = current_chef()
        return chef

    def _awaited(self, tag: OrderTag, accepted: float, done: float) -> None:
        """The order's time in your route outside its blocks: the chef was free then (the
        dish was awaited, on the stove); then DONE."""
        cursor = accepted
        if blocks := self.blocks_of(tag):  # most orders have none
            for start, end in sorted(blocks):
                if start - cursor > SHORTEST_STEP_S:
                    self.news.step(tag, ROUTE_STEP, StepKind.IO, cursor, start, holds_chef=False)
                cursor = max(cursor, end)
        if done - cursor > SHORTEST_STEP_S:
            self.news.step(tag, ROUTE_STEP, StepKind.IO, cursor, done, holds_chef=False)
        self.news.done(tag, done)

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
