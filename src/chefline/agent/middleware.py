"""Middleware that tells Chefline what your app does with each order, with no change to your
code: accepted, the chef (the event loop, or a thread), the route's time and done.

Orders are recognised by the headers the customers send (``x-chefline-race``,
``x-chefline-order``); any other request passes through untouched. The path of an order is
written out in ``__call__``, not split into helpers: it runs for every order, and each
Python call costs about 0.2 % of a plain route (counted with valgrind: docs/performance.md).
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any, Callable

from .channel import Channel, now, race_id
from .findings import Findings
from .sampler import ThreadSampler

OrderTag = tuple[str, int]
"""(race, order)."""

ORDER: contextvars.ContextVar[OrderTag | None] = contextvars.ContextVar(
    "chefline_order", default=None
)
"""The order whose code runs now. Set for each order on its own task; the tasks its code
starts inherit it (Starlette's ``BaseHTTPMiddleware`` runs the rest of the app in one), so
the watchdog finds the order of a blocked task that is not the request's own."""

ROUTE_STEP = "your route"
"""The step drawn for a stretch of your route: awaited (the chef free), or a thread chef's."""
STUCK_STEP = "stuck at the pot"
"""A span in which your route held its chef waiting without yielding (sleep, socket, lock)."""
WORKING_STEP = "chef working"
"""A span in which your route held its chef computing (its CPU clock ran)."""

BUSY_SHARE = 0.5
"""A chef that ran Python (its own CPU time) for at least this share of a span was working;
less, and it stood at the pot."""
SHORTEST_STEP_S = 0.001
"""An awaited stretch shorter than this (between the order's start and its first block, say)
is not drawn: it is the loop reaching the next line, not a wait."""

_RACE_KEY, _ORDER_KEY = b"x-chefline-race", b"x-chefline-order"
_AWAITED = '["s","%s",%d,"your route","io",%r,%r,false]\n'
_DONE = '["d","%s",%d,%r]\n'


def as_json_text(text: str) -> str:
    """A JSON string of ``text``, quickly when it needs no escaping (a thread's name)."""
    if text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    import json

    return json.dumps(text)


def current_chef() -> str:
    """A key for the thread doing the work, unique among live threads."""
    thread = threading.current_thread()
    return f"{thread.name}#{thread.ident}"


class LoopWatch:
    """What the middleware tells the loop watchdog, as plain attributes: the loop writes them
    for every order, where a method call would cost as much as the rest of its watching."""

    last_beat: float
    open_block: object | None
    spans: dict[OrderTag, list[tuple[float, float]]]

    def settle(self) -> None:
        raise NotImplementedError


def _content_length(head: dict[str, Any] | None) -> int:
    """The Content-Length a response began with; huge when it has none (a stream ends with
    its last piece)."""
    for key, value in (head or {}).get("headers") or ():
        if key.lower() == b"content-length" and value.isdigit():
            return int(value)
    return 1 << 62


class AsgiOrders:
    """Wraps an ASGI app. Its ``__call__`` is the frame the loop watchdog looks for first in
    a blocked loop's stack, to read which order (``tag``) holds the loop."""

    def __init__(self, app: Any, channel: Channel, findings: Findings) -> None:
        self.app = app
        self.fd = channel.fd
        self.findings = findings
        self.startup_failure: str | None = None
        """What your app said when its start-up failed (the last line of its traceback)."""
        self.watch: LoopWatch | None = None
        """The loop watchdog, told as each order begins and before its reply goes out (a
        block before is over then) and asked for the order's blocks."""
        self._accepted: str | None = None
        """The ACCEPTED line with the loop's chef in it (every order has the same chef)."""
        self.moved: dict[OrderTag, float] = {}
        """Orders a thread of the pool took over (``threads.ThreadChefs``), and when."""
        self.waiting: dict[OrderTag, tuple[float, str]] = {}
        """Each order's ACCEPTED line, not yet written: a quick order's goes out with its
        DONE, in one write (each write to the pipe costs its order about 5 µs of CPU); the
        watchdog's thread writes those older than a few ms (``tell_late``), and any line
        about an order is written after it (``tell``)."""
        self.lock = threading.Lock()
        """Held while a waiting ACCEPTED line is taken and written: nothing about an order
        can reach Chefline before it."""

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
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
        # bytes: ASCII letters and digits only; the race is written into the lines as it is
        if not race or order is None or not order.isdigit() or not race.isalnum():
            await self.app(scope, receive, send)
            return
        tag = (race.decode("ascii"), int(order))
        accepted = now()
        watch = self.watch
        if watch is not None:  # the loop turned to a new order: a block before it is over
            if watch.open_block is None:
                watch.last_beat = accepted
            else:
                watch.settle()
                accepted = now()
        told = self._accepted or self._name_chef()
        self.waiting[tag] = (accepted, told % (tag[0], tag[1], accepted))
        token = ORDER.set(tag)
        done = False
        head: dict[str, Any] | None = None
        left = -1

        def reply(message: dict[str, Any]) -> Any:
            # A plain function that hands back the server's own ``send``: the app awaits
            # that, with no coroutine of ours made and stepped through for each message.
            # So DONE is told when the body is handed to ``send``, not when it is awaited
            # (the same moment for an app that awaits it at once, as ASGI apps do): with
            # its last piece, or with the piece that completes its Content-Length (the
            # customer has the dish then, though a middleware may end the body later).
            nonlocal done, head, left
            if not done:
                if message["type"] != "http.response.body":
                    head = message
                elif not message.get("more_body"):
                    done = True
                    self._replied(tag, accepted)
                else:
                    if left < 0:
                        left = _content_length(head)
                    left -= len(message.get("body", b""))
                    if left <= 0:
                        done = True
                        self._replied(tag, accepted)
            return send(message)

        try:
            await self.app(scope, receive, reply)
        except Exception as error:
            self.findings.note_raise(tag[0], error)
            if head is None:  # no answer yet: the server sends its 500 (and logs it)
                raise
            # Answered already (FastAPI's 500): one sentence in the race, not a traceback.
        finally:
            ORDER.reset(token)
            if not done:  # it raised or was cancelled: its blocks go too, its chef is told
                if watch is not None and watch.spans:
                    watch.spans.pop(tag, None)
                if self.moved:
                    self.moved.pop(tag, None)
                self.tell(tag, "")

    def _name_chef(self) -> str:
        """The loop's thread, named once (every order of the kitchen has the same chef)."""
        chef = as_json_text(current_chef()).replace("%", "%%")
        self._accepted = '["a","%s",%d,%r,' + chef + ',"event-loop"]\n'
        return self._accepted

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
                done = now()  # after the block's end
            if watch.spans:  # most orders have no block
                blocks = watch.spans.pop(tag, None)
        race, order = tag
        told = ""
        cursor = accepted
        if self.moved:  # a pool thread took it: its time before that was a queue
            cursor = self.moved.pop(tag, accepted)
        if blocks:
            for start, end in sorted(blocks):
                if start - cursor > SHORTEST_STEP_S:
                    told += _AWAITED % (race, order, cursor, start)
                cursor = max(cursor, end)
        if done - cursor > SHORTEST_STEP_S:
            told += _AWAITED % (race, order, cursor, done)
        lock = self.lock
        lock.acquire()  # (not `with`: two more calls an order)
        accepted_line = self.waiting.pop(tag, None)
        told += _DONE % (race, order, done)
        try:  # noqa: SIM105 - not contextlib.suppress: two more calls an order
            os.write(self.fd, (told if accepted_line is None else accepted_line[1] + told).encode())
        except OSError:  # Chefline is gone; the lifeline ends this process in a moment
            pass
        lock.release()

    def tell(self, tag: OrderTag, text: str) -> None:
        """Write ``text`` about order ``tag``, after its ACCEPTED line if that still waits
        (any thread)."""
        with self.lock:
            waiting = self.waiting.pop(tag, None)
            if waiting is not None or text:
                with contextlib.suppress(OSError):
                    os.write(self.fd, ((waiting[1] if waiting else "") + text).encode())

    def tell_late(self, before: float) -> None:
        """Write the ACCEPTED lines of orders taken before ``before`` and still cooking
        (the watchdog's thread, every few ms): a slow order is seen taken while it cooks."""
        if not self.waiting:
            return
        late = [tag for tag, (t, _) in list(self.waiting.items()) if t < before]
        if late:
            with self.lock:
                told = [self.waiting.pop(tag, (0.0, ""))[1] for tag in late]
                with contextlib.suppress(OSError):
                    os.write(self.fd, "".join(told).encode())

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
        channel: Channel,
        findings: Findings,
        *,
        chef_kind: str = "thread",
        chef_of: Callable[[], str] = current_chef,
        shared: bool = False,
        sampler: ThreadSampler | None = None,
    ) -> None:
        self.app = app
        self.channel = channel
        self.findings = findings
        self.chef_kind = chef_kind
        self.chef_of = chef_of
        """Names the chef (a forked worker's main thread has the same name in every worker)."""
        self.sampler = sampler if sampler is not None and sampler.usable else None
        """Splits a thread chef's time in the route into working and stuck segments."""
        self.shared = shared
        """True when the chefs take turns on one thread (gevent's greenlets): a wait there
        is awaited, and the thread's CPU time is everyone's."""

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        race = race_id(environ.get("HTTP_X_CHEFLINE_RACE"))
        order = environ.get("HTTP_X_CHEFLINE_ORDER")
        # ASCII digits only: "²" is a digit to str.isdigit but not to int().
        if race is None or order is None or not (order.isascii() and order.isdigit()):
            return self.app(environ, start_response)  # type: ignore[no-any-return]
        number = int(order)
        chef = as_json_text(self.chef_of())
        self.channel.write(f'["a","{race}",{number},{now()!r},{chef},"{self.chef_kind}"]\n')
        start, cpu = now(), time.thread_time()
        if self.sampler is not None:
            self.sampler.enter()
        steps, raised = "", False
        try:
            body = self.app(environ, start_response)
        except Exception as error:
            raised = True
            self.findings.note_raise(race, error)
            raise  # the server answers 500
        finally:
            end = now()
            if self.sampler is not None:
                steps = self._sampled(race, number, self.sampler.leave())
            else:
                busy = (time.thread_time() - cpu) >= BUSY_SHARE * (end - start)
                if busy:
                    name, kind, holds = WORKING_STEP, "cpu", "true"
                elif self.shared:  # a patched wait: the greenlet waits, the chef is free
                    name, kind, holds = ROUTE_STEP, "io", "false"
                else:
                    name, kind, holds = STUCK_STEP, "io", "true"
                steps = f'["s","{race}",{number},"{name}","{kind}",{start!r},{end!r},{holds}]\n'
            if raised:
                self.channel.write(steps)
        return self._served(race, number, steps, body)

    @staticmethod
    def _sampled(race: str, number: int, segments: list[tuple[float, float, bool]]) -> str:
        """The sampler's segments as steps: working (hands on it) or stuck at the pot."""
        told = ""
        for start, end, working in segments:
            name, kind = (WORKING_STEP, "cpu") if working else (STUCK_STEP, "io")
            told += f'["s","{race}",{number},"{name}","{kind}",{start!r},{end!r},true]\n'
        return told

    def _served(self, race: str, number: int, steps: str, body: Iterable[bytes]) -> Iterator[bytes]:
        """The body as it was, with the steps and DONE told before its last piece goes out
        (so the news is on its way before the customer has the dish)."""
        pieces = iter(body)
        try:
            piece = next(pieces, None)
            if piece is None:  # an empty body: done now
                self.channel.write(steps + _DONE % (race, number, now()))
            while piece is not None:
                following = next(pieces, None)
                if following is None:
                    self.channel.write(steps + _DONE % (race, number, now()))
                yield piece
                piece = following
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
