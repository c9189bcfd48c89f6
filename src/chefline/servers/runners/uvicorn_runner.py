"""uvicorn in a thread with its own event loop: the FastAPI kitchens' server."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
from collections.abc import Awaitable, Callable
from typing import Literal

import uvicorn

from chefline.servers.apps.slow_clients import KEEP_ALIVE_S
from chefline.servers.runners.server_thread import BACKLOG, ServerThread
from chefline.servers.runners.uvicorn_edges import EdgeHttpToolsProtocol


class _QuietStopFilter(logging.Filter):
    """uvicorn logs every dish it cancels at stop as an error with a traceback, and then a
    summary; that is the stop doing its job (the window closed mid-race), not a fault."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], asyncio.CancelledError):
            return False
        message = record.getMessage()
        return "timeout graceful shutdown exceeded" not in message and (
            "CancelledError" not in message
        )


logging.getLogger("uvicorn.error").addFilter(_QuietStopFilter())


def _forget_stopped_apps() -> None:
    """FastAPI memoizes facts about each route's function in module-level caches keyed by
    the function itself (up to 4096 of them), and a route function of FastAPI's own (the
    OpenAPI page) refers to its app: every stopped kitchen's app stayed alive, about 0.9 MB
    per start and stop. The caches only save time; emptied when a kitchen stops, the old
    apps go, and the running ones fill them again on their next order."""
    from fastapi import routing
    from fastapi.dependencies import models

    for name in dir(models):
        cache = getattr(models, name)
        if name.endswith("_callable_cached") and hasattr(cache, "cache_clear"):
            cache.cache_clear()
    contexts = getattr(routing, "_endpoint_context_cache", None)
    if isinstance(contexts, dict):
        contexts.clear()  # keyed by id(): a stopped app's ids would be reused by new ones


class _PromptServer(uvicorn.Server):
    """uvicorn looks at ``should_exit`` every 0.1 s; this server can also be woken at once."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def main_loop(self) -> None:
        # The same ticks as uvicorn's own main loop, but the wait ends early when woken.
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        counter = 0
        should_exit = await self.on_tick(counter)
        while not should_exit:
            counter = (counter + 1) % 864000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), 0.1)
            should_exit = await self.on_tick(counter)

    def stop_soon(self) -> None:
        """Ask to stop, from any thread."""
        self.should_exit = True
        if self._loop is not None and self._wake is not None:
            with contextlib.suppress(RuntimeError):  # the loop may have closed meanwhile
                self._loop.call_soon_threadsafe(self._wake.set)


class UvicornThread(ServerThread):
    graceful_timeout = 0.05
    """Seconds in-flight orders get at stop; without a bound, stop waits for every dish."""

    def __init__(
        self,
        name: str,
        app: Callable[..., Awaitable[None]],
        *,
        port: int = 0,
        lifespan: Literal["auto", "on", "off"] = "on",
        on_loop: Callable[[asyncio.AbstractEventLoop], None] | None = None,
    ) -> None:
        super().__init__(name, port)
        self.app = app
        self.lifespan = lifespan
        """"auto" for an app that may not speak the lifespan protocol (your own)."""
        self._server: _PromptServer | None = None
        self._sock: socket.socket | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.on_loop = on_loop
        """Called once on the server's loop, in its thread, as it begins to serve (your app's
        loop watchdog starts there, rather than in a wrapper every request would pass)."""

    def _prepare(self, sock: socket.socket) -> None:
        config = uvicorn.Config(
            self.app,
            http=EdgeHttpToolsProtocol,  # httptools, with limits on heads and deadlines
            loop="none",
            lifespan=self.lifespan,
            log_config=None,
            access_log=False,
            backlog=BACKLOG,
            timeout_keep_alive=int(KEEP_ALIVE_S),
            # uvicorn's annotation says int; it is an asyncio timeout, so a float works.
            timeout_graceful_shutdown=self.graceful_timeout,  # type: ignore[arg-type]
        )
        self._server = _PromptServer(config)
        self._sock = sock

    def _serve(self) -> None:
        assert self._server is not None and self._sock is not None
        # An explicit selector loop: under qasync, new_event_loop() in a thread returns a Qt loop.
        self.loop = asyncio.SelectorEventLoop()
        asyncio.set_event_loop(self.loop)
        if self.on_loop is not None:
            self.loop.call_soon(self.on_loop, self.loop)
        try:
            self.loop.run_until_complete(self._server.serve(sockets=[self._sock]))
        finally:
            # As asyncio.run does: tasks a hurried stop left behind end here, not at exit.
            pending = asyncio.all_tasks(self.loop)
            for task in pending:
                task.cancel()
            self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            self.loop.run_until_complete(self.loop.shutdown_asyncgens())
            self.loop.close()

    def _ready(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._server is not None and self._server.started:
                return True
            if not self.running:
                return False
            time.sleep(0.002)
        return False

    def _request_stop(self) -> None:
        if self._server is not None:
            self._server.stop_soon()

    def _close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        _forget_stopped_apps()
