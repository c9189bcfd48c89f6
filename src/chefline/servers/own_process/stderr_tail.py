"""A child kitchen's stderr, read as it comes and kept only as its last lines.

It used to go to an unnamed temporary file that grew for as long as the kitchen ran: a
chatty child (a traceback per bad request) could fill a disk nobody could see. Now a thread
reads the pipe, keeps the last ``MAX_LINES`` lines of at most ``MAX_LINE_BYTES`` each (the
message when the kitchen cannot start needs only the last one) and lets the rest go.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
from collections import deque
from collections.abc import Callable

MAX_LINES = 50
MAX_LINE_BYTES = 2000


class StderrTail:
    def __init__(self, name: str) -> None:
        self._read_fd, self.write_fd = os.pipe()
        self._lines: deque[bytes] = deque(maxlen=MAX_LINES)
        self.on_line: Callable[[str], None] | None = None
        """Called with each line as it is read (your app's output, shown as its own)."""
        self._stop = threading.Event()
        self._ended = threading.Event()
        self._thread = threading.Thread(target=self._read, name=f"stderr-{name}", daemon=True)
        self._thread.start()

    def handed_over(self) -> None:
        """The child has its copy of the write end; ours must go, or the pipe never ends."""
        if self.write_fd >= 0:  # only once: the number may belong to another file after
            with contextlib.suppress(OSError):
                os.close(self.write_fd)
            self.write_fd = -1

    def _read(self) -> None:
        pending = b""
        try:
            while True:
                readable, _, _ = select.select([self._read_fd], [], [], 0.2)
                if not readable:
                    if self._stop.is_set():
                        return
                    continue
                chunk = os.read(self._read_fd, 65536)
                if not chunk:
                    return
                *lines, pending = (pending + chunk).split(b"\n")
                kept = [line[-MAX_LINE_BYTES:] for line in lines if line.strip()]
                self._lines.extend(kept)
                if self.on_line is not None:
                    for line in kept:
                        self.on_line(line.decode(errors="replace").rstrip())
                pending = pending[-MAX_LINE_BYTES:]
        finally:
            if pending.strip():
                self._lines.append(pending)
                if self.on_line is not None:
                    self.on_line(pending.decode(errors="replace").rstrip())
            os.close(self._read_fd)
            self._ended.set()

    def last_line(self, wait: float = 0.0) -> str:
        """The last line said; ``wait`` seconds at most for the child's last words to be read
        (a child that failed to start may still have them in the pipe)."""
        self._ended.wait(wait)
        lines = list(self._lines)
        return lines[-1].decode(errors="replace").strip() if lines else ""

    def kept_bytes(self) -> int:
        return sum(len(line) for line in list(self._lines))

    def close(self, timeout: float = 1.0) -> None:
        """Read what is left (the child has gone), then stop."""
        self.handed_over()
        self._stop.set()
        self._thread.join(timeout)
