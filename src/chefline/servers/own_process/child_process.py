"""A kitchen in processes of its own (served by gevent or gunicorn), seen from the app.

The app binds the socket (so ports are chosen and refused as for every kitchen), starts
``chefline _kitchen-child`` with it, and reads the child's lines in this server's thread:
live events go onto the kitchen's relay as if it cooked here. Closing the child's stdin ends
it and its workers; so does the app dying, which is how no kitchen outlives the app.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import queue
import select
import signal
import socket
import subprocess
import sys
import threading
from dataclasses import asdict
from typing import Any

import psutil

from chefline.kitchen.clock import now
from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.errors import KitchenError
from chefline.kitchen.events import OrderEvent
from chefline.kitchen.modes.serving import ServerKind
from chefline.process import CHILD_COMMAND, chefline_command
from chefline.servers.llm.model_link import ModelLink, Supplier
from chefline.servers.own_process.stderr_tail import StderrTail
from chefline.servers.relay import EventRelay
from chefline.servers.runners.server_thread import ServerThread

MEMORY_EVERY_S = 0.5
CLOCK_PINGS = 5
CLOCK_TOLERANCE_S = 0.002
"""Largest offset between the child's clock and ours (beyond the ping's own uncertainty)
that we accept: both read the machine's monotonic clock, so it should be nil."""


def child_command(server: ServerKind, fd: int, workers: int, name: str) -> list[str]:
    """How to start the process of kitchen ``name`` served by ``server``, from a checkout, a
    wheel or the frozen app."""
    return chefline_command(
        CHILD_COMMAND, server.value, "--fd", str(fd), "--workers", str(workers), "--name", name
    )


class ChildProcessServer(ServerThread):
    in_app = False
    start_timeout = 20.0
    """A fresh interpreter imports Flask (and gevent or gunicorn) first: about a second here."""
    stop_timeout = 2.0

    def __init__(
        self,
        name: str,
        relay: EventRelay,
        supplier: Supplier,
        *,
        server: ServerKind,
        workers: int = 1,
        port: int = 0,
    ) -> None:
        super().__init__(name, port)
        self.relay = relay
        self.supplier = supplier
        self.workers = workers
        self.server = server
        """How the child serves: gevent or gunicorn."""
        self.expected_workers = workers if server is ServerKind.GUNICORN else 0
        self.clock_offset: float | None = None
        """The child's clock minus ours, measured at start (seconds)."""
        self._process: subprocess.Popen[bytes] | None = None
        # The last lines the child said on stderr, for the message when it cannot start.
        self._errors = StderrTail(name)
        self._ready_event = threading.Event()
        self._workers_seen: set[int] = set()
        self._clock_replies: queue.Queue[float] = queue.Queue()
        self._stdin_lock = threading.Lock()
        self._reading = False
        self._memory, self._memory_read_at, self._memory_of = 0, -math.inf, 0

    # -- life ------------------------------------------------------------------------------

    def _prepare(self, sock: socket.socket) -> None:
        if not hasattr(os, "fork"):
            sock.close()
            raise KitchenError(
                f"{self.name} needs Linux or macOS (it hands its socket to a child process, "
                "and gunicorn forks); on Windows race flask-pool and fastapi-async instead"
            )
        try:
            self._process = subprocess.Popen(
                self._child_command(sock.fileno()),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._errors.write_fd,
                pass_fds=(sock.fileno(),),
                # Its own process group: it can end its workers with itself, and a Ctrl+C in
                # the terminal reaches the app, which stops it in order.
                start_new_session=True,
                **self._popen_options(),
            )
        except OSError as error:
            message = f"kitchen {self.name} could not start a process: {error}"
            raise KitchenError(message) from None
        finally:
            sock.close()  # the child listens on it now; our copy would keep the port open
            self._errors.handed_over()
        self.supplier.watch(self._post_link)

    def _popen_options(self) -> dict[str, Any]:
        """More of ``subprocess.Popen``'s options (your app's child: its environment)."""
        return {}

    def _child_command(self, fd: int) -> list[str]:
        return child_command(self.server, fd, self.workers, self.name)

    def _serve(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        fd = self._process.stdout.fileno()
        pending = b""
        while True:
            select.select([fd], [], [])
            # Set before the read takes the bytes out of the pipe: see caught_up().
            self._reading = True
            try:
                chunk = os.read(fd, 65536)
                if not chunk:
                    return
                *lines, pending = (pending + chunk).split(b"\n")
                for line in lines:
                    self._take_line(line)
            finally:
                self._reading = False

    def caught_up(self) -> bool:
        """True when every line the child wrote so far has been published here.

        The child writes an order's events before its reply, so once the customer has the
        reply and this is true, the order's live story is complete and in order.
        """
        process = self._process
        if process is None or process.stdout is None or not self.running:
            return True
        if self._reading:
            return False
        with contextlib.suppress(OSError, ValueError):
            readable, _, _ = select.select([process.stdout.fileno()], [], [], 0)
            return not readable
        return True

    def _take_line(self, line: bytes) -> None:
        try:
            message = json.loads(line)
        except ValueError:
            return  # not one of ours; the protocol is line by line, so carry on
        if "event" in message:
            self.relay.publish(message["race"], OrderEvent.from_json(message["event"]))
        elif "clock" in message:
            self._clock_replies.put(message["clock"])
        elif "worker" in message:
            self._workers_seen.add(message["worker"])
            if len(self._workers_seen) >= self.expected_workers:
                self._ready_event.set()
        elif "ready" in message:
            self._ready_event.set()

    def _ready(self, timeout: float) -> bool:
        deadline = now() + timeout
        while not self._ready_event.wait(0.05):
            if not self.running or now() > deadline:  # the child died, or never got going
                return False
        self.clock_offset = self._measure_clock()
        return True

    def _wait_ready(self) -> None:
        try:
            super()._wait_ready()
        except KitchenError as error:
            detail = self._last_error_line()
            raise KitchenError(f"{error}: {detail}" if detail else str(error)) from None

    def _request_stop(self) -> None:
        self.supplier.unwatch(self._post_link)
        process = self._process
        if process is not None and process.stdin is not None:
            with self._stdin_lock, contextlib.suppress(OSError):
                process.stdin.close()  # the lifeline: the child ends itself and its workers

    def _close(self) -> None:
        process = self._process
        if process is None:
            self._errors.close()
            return
        try:
            process.wait(self.stop_timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                if hasattr(os, "killpg"):
                    os.killpg(process.pid, signal.SIGKILL)
                else:
                    process.kill()
            process.wait(self.stop_timeout)
        if process.stdout is not None:
            process.stdout.close()
        self._errors.close()
        self._process = None

    # -- talking to the child --------------------------------------------------------------

    def _command(self, line: str) -> None:
        process = self._process
        if process is None or process.stdin is None:
            return
        with self._stdin_lock, contextlib.suppress(OSError, ValueError):
            process.stdin.write(line.encode() + b"\n")
            process.stdin.flush()

    def _post_link(self, link: ModelLink | None) -> None:
        self._command("link " + json.dumps(None if link is None else asdict(link)))

    def _measure_clock(self) -> float:
        """The child's clock minus ours, from the ping with the shortest round trip."""
        best: tuple[float, float] | None = None
        for _ in range(CLOCK_PINGS):
            sent = now()
            self._command("clock")
            try:
                theirs = self._clock_replies.get(timeout=2.0)
            except queue.Empty:
                message = f"kitchen {self.name} did not answer a clock ping"
                raise KitchenError(message) from None
            back = now()
            trip = back - sent
            if best is None or trip < best[0]:
                best = (trip, theirs - (sent + back) / 2)
        assert best is not None
        trip, offset = best
        if abs(offset) > trip / 2 + CLOCK_TOLERANCE_S:
            raise KitchenError(
                f"kitchen {self.name}'s clock is {offset * 1000:.1f} ms off the app's; its "
                "timelines could not be compared with the others"
            )
        return offset

    def _last_error_line(self) -> str:
        return self._errors.last_line(wait=0.5)

    # -- cost ------------------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    def processes(self) -> list[psutil.Process]:
        """The kitchen's process and every process it started (gunicorn's workers)."""
        if self._process is None:
            return []
        try:
            root = psutil.Process(self._process.pid)
            return [root, *root.children(recursive=True)]
        except psutil.Error:
            return []

    def cpu_seconds(self) -> float:
        """CPU seconds of the kitchen's processes (gunicorn's workers included)."""
        total = 0.0
        for process in self.processes():
            with contextlib.suppress(psutil.Error):
                times = process.cpu_times()
                total += times.user + times.system
        return total

    def own_cost(self) -> KitchenCost:
        processes = threads = 0
        running = self.processes()
        for process in running:
            with contextlib.suppress(psutil.Error):
                threads += process.num_threads()
                processes += 1
        if now() - self._memory_read_at > MEMORY_EVERY_S or processes != self._memory_of:
            # Reading a process's memory map costs about a millisecond: not at every sample.
            self._memory = sum(_memory_of(process) for process in running)
            self._memory_read_at, self._memory_of = now(), processes
        return KitchenCost(processes, threads, self._memory)


def _memory_of(process: psutil.Process) -> int:
    # PSS splits the pages forked workers share between them; RSS would count them k times.
    try:
        if sys.platform.startswith("linux"):
            return int(process.memory_full_info().pss)
        return int(process.memory_info().rss)
    except psutil.Error:
        return 0  # it ended between the listing and now
