"""A span in which your app's event loop did not turn, as the watchdog keeps it while it
looks, and as Chefline reads it once it is over: the line of your code seen most often, the
library frame it was in, and whether the chef computed or waited."""

from __future__ import annotations

import collections
import linecache
import re
from collections import Counter
from typing import Any, Optional

from .middleware import BUSY_SHARE, STUCK_STEP, WORKING_STEP, OrderTag

LONGEST_TEXT = 200
"""Characters kept of a source line or a frame: a block's line stays under a pipe's atomic
size."""

Library = tuple[str, str, int, str]
"""(label, file, line, function) of a library frame: ``("urllib3 connection.py", …)``."""
Sighting = Optional[tuple[Optional[tuple[str, int, str]], Optional[Library]]]
"""What one look at the blocked stack saw: (your innermost frame, the library frame it was
in); None when the loop was running the agent's own code or its own machinery."""

_COMMENT = re.compile(r"\s+#[^'\"]*$")
"""A comment at the end of a line (one without quotes after its #)."""


class Block:
    """A span in which the loop did not turn."""

    __slots__ = ("cpu_end", "cpu_opened", "end", "frames", "kind", "looks", "opened", "running",
                 "seen", "seen_at", "start", "tag")  # fmt: skip

    def __init__(self, tag: OrderTag | None, start: float, opened: float) -> None:
        self.tag = tag
        self.start = start
        """The loop's last turn before it (the block began after it)."""
        self.opened = opened
        """When the watchdog saw it."""
        self.seen_at = opened
        """When the watchdog last looked at it."""
        self.cpu_opened: float | None = None
        self.end = start
        self.cpu_end: float | None = None
        self.seen: Counter[Sighting] = collections.Counter()
        self.frames: dict[Sighting, list[str]] = {}
        """The top of the stack, the first time each sighting was seen."""
        self.kind = "io"
        """What Chefline was last told it is: "io" (stuck at the pot) or "cpu" (working)."""
        self.looks = 0
        self.running = 0
        """Looks at the loop's thread, and those that found it running (or runnable)."""


def step_of(kind: str) -> str:
    return WORKING_STEP if kind == "cpu" else STUCK_STEP


def kind_of(block: Block, cpu_to: float | None, t_to: float) -> str:
    """ "cpu" when the loop's thread computed through the block: its CPU clock ran for most of
    it, or the kernel had it running (or waiting for a core, on a busy machine) at most looks;
    "io" when it waited in a blocking call (asleep in the kernel); else what it was thought."""
    if block.looks and 2 * block.running > block.looks:
        return "cpu"
    if block.cpu_opened is None or cpu_to is None or t_to - block.opened < 0.002:
        return block.kind if not block.looks else "io"
    return "cpu" if cpu_to - block.cpu_opened >= BUSY_SHARE * (t_to - block.opened) else "io"


def tag_of(headers: Any) -> OrderTag | None:
    race = order = None
    for pair in headers or ():
        if len(pair) == 2 and pair[0] == b"x-chefline-race":
            race = pair[1]
        elif len(pair) == 2 and pair[0] == b"x-chefline-order":
            order = pair[1]
    if not isinstance(race, bytes) or not race.isalnum() or not isinstance(order, bytes):
        return None
    return (race.decode("ascii"), int(order)) if order.isdigit() else None


def told(block: Block, *, still_running: bool) -> dict[str, Any] | None:
    """The block as Chefline reads it: the line of your code seen most often while it was
    blocked (the first look may have caught the start of something shorter), and the
    library frame it was in most often there."""
    sightings = [(seen, n) for seen, n in block.seen.items() if seen is not None]
    if not sightings:
        return None  # only the agent's own work was seen: never blamed
    owns: Counter[Any] = collections.Counter()
    for (own, _), n in sightings:
        if own is not None:
            owns[own] += n
    own = owns.most_common(1)[0][0] if owns else None
    libraries: Counter[Any] = collections.Counter()
    for (mine, lib), n in sightings:
        if mine == own and lib is not None:
            libraries[lib] += n
    library = libraries.most_common(1)[0][0] if libraries else None
    shown = own or (library[1:] if library else None)
    frames = block.frames.get((own, library)) or next(iter(block.frames.values()), [])
    race, order = block.tag if block.tag is not None else (None, None)
    told: dict[str, Any] = {
        "race": race, "order": order, "start": block.start, "end": block.end,
        "kind": block.kind, "still_running": still_running,
        "file": None, "line": None, "function": None, "code": "", "library": None,
        "mine": False, "frames": frames,
    }  # fmt: skip
    if shown is not None:
        file, line, function = shown
        code = _COMMENT.sub("", linecache.getline(file, line)).strip()
        told.update(file=file, line=line, function=function, code=code[:LONGEST_TEXT],
                    mine=own is not None)  # fmt: skip
    if library is not None:
        told["library"] = dict(zip(("label", "file", "line", "function"), library))
    return told
