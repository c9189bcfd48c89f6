"""The common life of a server running in a background thread: bind, start, wait ready, stop."""

from __future__ import annotations

import errno
import socket
import threading
import time
from abc import ABC, abstractmethod

from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.errors import KitchenError
from chefline.texts import translate

LOOPBACK = "127.0.0.1"

BACKLOG = 2048
"""Listen backlog. At 128 (werkzeug's default) a burst of orders gets SYN-retry stalls of 1 s
and 3 s that look like slow cooking but are the kernel's."""


def bind_loopback(port: int = 0) -> socket.socket:
    """A listening TCP socket on 127.0.0.1 (``port`` 0: any free port)."""
    if not 0 <= port <= 65535:
        raise KitchenError(
            translate("Errors", "port must be between 0 and 65535, not {0}").format(port)
        )
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY on accepted connections only when the
    # listener says TCP. Without it keep-alive replies stall ~40 ms on delayed ACKs (Nagle).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Set on the listener too: accepted connections inherit it, whatever server accepts
    # them (werkzeug, waitress, and the gevent and gunicorn children the socket is handed to).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((LOOPBACK, port))
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            text = translate("Errors", "port {0} on {1} is already in use")
            raise KitchenError(text.format(port, LOOPBACK)) from None
        text = translate("Errors", "cannot listen on {0}:{1}: {2}")
        raise KitchenError(text.format(LOOPBACK, port, error.strerror)) from None
    sock.listen(BACKLOG)
    return sock


class ServerThread(ABC):
    """A server in a daemon thread. Subclasses say how to serve and how to ask it to stop."""

    start_timeout = 5.0
    stop_timeout = 0.5
    """Seconds stop() waits for the thread. A one-chef server holding a long dish cannot stop
    before the dish is done; stop() then closes its socket and leaves the daemon thread to end
    by itself, so that closing the app never waits for a dish."""

    in_app = True
    """True when the server runs in the app's own process (its threads are the app's)."""

    def __init__(self, name: str, port: int = 0) -> None:
        self.name = name
        self.requested_port = port
        self.port = 0
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def thread_ident(self) -> int | None:
        return None if self._thread is None else self._thread.ident

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Bind and serve; returns when the server accepts connections, or raises."""
        sock = bind_loopback(self.requested_port)
        self.port = sock.getsockname()[1]
        self._prepare(sock)
        self._thread = threading.Thread(
            target=self._run_guarded, name=f"kitchen-{self.name}", daemon=True
        )
        self._thread.start()
        self._wait_ready()

    def _run_guarded(self) -> None:
        try:
            self._serve()
        except BaseException as error:  # a server dying in its thread must not vanish silently
            self._failure = error

    def _wait_ready(self) -> None:
        if not self._ready(self.start_timeout) or not self.running:
            reason = f": {self._failure!r}" if self._failure else ""
            self.stop()
            text = translate("Errors", "kitchen {0} did not start{1}")
            raise KitchenError(text.format(self.name, reason))

    def stop(self) -> None:
        """Ask the server to stop and wait a little; daemon threads never block exit."""
        if self._thread is None:
            return
        self._request_stop()
        self._thread.join(self.stop_timeout)
        self._close()
        self._thread = None

    @abstractmethod
    def _prepare(self, sock: socket.socket) -> None:
        """Build the server around the bound socket (in the caller's thread)."""

    @abstractmethod
    def _serve(self) -> None:
        """Serve until asked to stop (in the server thread)."""

    @abstractmethod
    def _ready(self, timeout: float) -> bool:
        """Wait up to ``timeout`` for the server to accept connections."""

    @abstractmethod
    def _request_stop(self) -> None:
        """Tell the server to stop serving (from any thread)."""

    def caught_up(self) -> bool:
        """Whether every live event the server sent has been published: at once here, where
        publishing is a call in the cooking thread."""
        return True

    def own_cost(self) -> KitchenCost:
        """What the server's own processes hold (only for a server outside the app)."""
        raise NotImplementedError(f"{self.name} runs in the app's process")

    def cpu_seconds(self) -> float:
        """CPU seconds the server's process has used: the app's own, for a server in it."""
        return time.process_time()

    def _close(self) -> None:  # noqa: B027 - optional hook: most servers clean up themselves
        """Release what is left after the thread ended or timed out."""
