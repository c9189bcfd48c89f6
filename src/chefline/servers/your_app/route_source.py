"""Your route's source for the code panel, read from its file (the agent says where it is),
each line that held the chef marked with its note."""

from __future__ import annotations

import linecache
import os
import re

from chefline.kitchen.your_app import AppRoute

_COMMENT = re.compile(r"\s+#[^'\"]*$")
"""A comment at the end of a line (one without quotes after its #)."""
MOST_LINES = 200


def route_source(route: AppRoute | None, marks: dict[tuple[str, int], str] | None = None
                 ) -> str | None:  # fmt: skip
    """The source of the route's function, headed by its file:line; each line of ``marks``
    ((file, line) → a note) shows the note in place of its comment, as ``# ◀ note``. None
    when there is no source."""
    if route is None or route.source is None:
        return None
    filename, first, last = route.source
    linecache.checkcache(filename)
    lines = [linecache.getline(filename, n).rstrip("\n") for n in range(first, last + 1)]
    if not any(line.strip() for line in lines):
        return None
    real = os.path.realpath(filename)
    notes = {line: note for (file, line), note in (marks or {}).items()
             if os.path.realpath(file) == real}  # fmt: skip
    shown = [
        f"{_COMMENT.sub('', line.rstrip())}  # ◀ {notes[first + i]}"
        if first + i in notes
        else line.rstrip()
        for i, line in enumerate(lines[:MOST_LINES])
    ]
    return "\n".join([f"# {os.path.basename(filename)}:{first}", *shown])
