"""What a kitchen costs the machine while it cooks: processes, OS threads and memory."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class KitchenCost:
    """One sample, or the peak of several, of what a kitchen holds.

    A kitchen inside the app's own process has no processes or memory of its own to measure
    (``processes`` 0, ``memory`` None): its cost is the threads it holds.
    """

    processes: int
    """Processes of the kitchen's own (0: it runs inside the app)."""
    threads: int
    """OS threads: all of its processes', or the app threads that cook for it."""
    memory: int | None = None
    """Bytes of memory of its processes (proportional set size where the system has it, so
    that pages forked workers share are not counted twice; else resident set size)."""

    @property
    def in_app(self) -> bool:
        return self.processes == 0

    def peak(self, other: KitchenCost) -> KitchenCost:
        """The larger of each figure of two samples."""
        memories = [m for m in (self.memory, other.memory) if m is not None]
        return KitchenCost(
            max(self.processes, other.processes),
            max(self.threads, other.threads),
            max(memories) if memories else None,
        )

    def memory_text(self) -> str:
        return "–" if self.memory is None else f"{self.memory / MIB:.0f} MB"

    def describe(self) -> str:
        threads = f"{self.threads} thread{'s' if self.threads != 1 else ''}"
        if self.in_app:
            return f"in the app's process, {threads}"
        processes = f"{self.processes} process{'es' if self.processes != 1 else ''}"
        return f"{processes}, {threads}, {self.memory_text()}"

    def to_json(self) -> dict[str, Any]:
        return {"processes": self.processes, "threads": self.threads, "memory": self.memory}
