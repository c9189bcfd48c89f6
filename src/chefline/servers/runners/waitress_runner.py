"""waitress, a production WSGI server, in a thread with a fixed brigade of k chef threads."""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from typing import TYPE_CHECKING

from waitress import wasyncore
from waitress.server import BaseWSGIServer, create_server

from chefline.servers.apps.request_heads import MAX_BODY_BYTES, MAX_HEADER_BYTES
from chefline.servers.apps.slow_clients import KEEP_ALIVE_S
from chefline.servers.runners.server_thread import BACKLOG, ServerThread
from chefline.servers.runners.waitress_edges import EdgeChannel, watch_unfinished

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

# waitress warns "Task queue depth is N" whenever orders wait for a chef (the lesson of this
# kitchen), and "N thread(s) still running" when it stops mid-race (daemon threads, harmless).
logging.getLogger("waitress").setLevel(logging.ERROR)


class WaitressThread(ServerThread):
    def __init__(self, name: str, app: WSGIApplication, *, threads: int, port: int = 0) -> None:
        super().__init__(name, port)
        self.app = app
        self.threads = threads
        self._server: BaseWSGIServer | None = None
        self._stopping = threading.Event()

    def _prepare(self, sock: socket.socket) -> None:
        server = create_server(
            self.app,
            sockets=[sock],
            threads=self.threads,
            backlog=BACKLOG,
            # The default limit of 100 connections would quietly stop accepting customers.
            connection_limit=BACKLOG,
            asyncore_use_poll=True,
            ident="chefline",
            # waitress's own limits apply before the app's: by default it buffers a body of
            # up to 1 GB (to a temporary file) and a head of 256 kB before anyone looks.
            max_request_body_size=MAX_BODY_BYTES,
            max_request_header_size=MAX_HEADER_BYTES,
            channel_timeout=int(KEEP_ALIVE_S),  # an idle connection closes after this
            cleanup_interval=1,  # and is looked at every second, not every 30
        )
        assert isinstance(server, BaseWSGIServer)
        server.channel_class = EdgeChannel  # this server's, not every waitress's
        watch_unfinished(server)
        self._server = server

    def _serve(self) -> None:
        server = self._server
        assert server is not None
        # Our own loop instead of server.run(), so that stopping is a flag checked in this
        # thread and every socket is closed here, after the chef threads have finished.
        sockets = server._map  # type: ignore[attr-defined]  # private, so not in waitress's stubs
        while not self._stopping.is_set():
            wasyncore.loop(timeout=0.05, map=sockets, use_poll=True, count=1)
        # The stubs say a whole number of seconds; waitress compares times, so a float works.
        server.task_dispatcher.shutdown(timeout=0.05)  # type: ignore[arg-type]
        wasyncore.close_all(sockets)

    def _ready(self, timeout: float) -> bool:
        # The socket listens before the thread starts, so connections queue until it serves.
        return True

    def _request_stop(self) -> None:
        self._stopping.set()
        if self._server is not None and self.running:
            # Wakes the poll at once instead of after 50 ms; the pipe may close under us.
            with contextlib.suppress(OSError):
                self._server.pull_trigger()
