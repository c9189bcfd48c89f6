"""The cost meter: what each kitchen holds (processes, threads, memory), sampled in a race."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping

from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.events import OrderEvent, Phase

SAMPLE_EVERY_S = 0.1
"""Often enough to catch the peak of a burst of short orders; what is slow to read (the
memory of a process) is read less often by its probe."""

CostProbe = Callable[[], KitchenCost]


class AppThreads:
    """The app threads a kitchen inside the app holds: its server's thread and every thread
    that has taken one of its orders and is still alive (idle pool threads count once used).

    A relay listener: it learns the threads from the chef named in each ACCEPTED event.
    """

    def __init__(self, server_thread: Callable[[], int | None]) -> None:
        self._server_thread = server_thread
        self._chefs: set[int] = set()

    def note(self, race: str, event: OrderEvent) -> None:
        if event.phase is Phase.ACCEPTED and event.chef:
            ident = event.chef.rpartition("#")[2]
            if ident.isdigit():
                self._chefs.add(int(ident))

    def cost(self) -> KitchenCost:
        alive = {thread.ident for thread in threading.enumerate()}
        self._chefs &= alive  # a thread id may be reused by a new thread once the old ends
        held = set(self._chefs)
        server = self._server_thread()
        if server is not None and server in alive:
            held.add(server)
        return KitchenCost(processes=0, threads=len(held))


class CostMeter:
    """Samples every kitchen's cost in a thread of its own until stopped; keeps the peak of
    each figure."""

    def __init__(self, probes: Mapping[str, CostProbe], every: float = SAMPLE_EVERY_S) -> None:
        self.probes = dict(probes)
        self.every = every
        self.peak: dict[str, KitchenCost] = {}
        self.playing: set[str] | None = None
        """Kitchens to sample between the first and last samples (None: all). Kitchens that
        take turns are sampled in their own turn: reading the others' processes would only
        take the GIL from the one cooking."""
        self.done: set[str] = set()
        """Kitchens whose every order is back: no longer sampled, so their peak is what
        they held while cooking (203 threads held, not the 16 left once they finished)."""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def sample(self, every_kitchen: bool = True) -> None:
        playing = None if every_kitchen else self.playing
        for name, probe in self.probes.items():
            if (playing is not None and name not in playing) or name in self.done:
                continue
            cost = probe()
            previous = self.peak.get(name)
            self.peak[name] = cost if previous is None else previous.peak(cost)

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.sample(every_kitchen=False)

    def start(self) -> CostMeter:
        self.sample()
        self._thread = threading.Thread(target=self._run, name="cost-meter", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> dict[str, KitchenCost]:
        """Stop sampling (after one last sample) and return the peaks."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.sample()
        return self.peak
