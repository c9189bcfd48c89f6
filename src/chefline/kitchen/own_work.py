"""The own-work line: what a kitchen's own Python work adds to the ideal theory, in words.

One text for the window's scoreboard and the command line's table ("ideal 1.00 s + 200 ×
0.65 ms own work + 0.26 s next door = 1.39 s (took ×1.05)").
"""

from __future__ import annotations

from chefline.kitchen.timeline_summary import TimelineSummary
from chefline.texts import translate


def own_work_text(s: TimelineSummary, customers: int, *, with_ratio: bool = True) -> str | None:
    """The line for ``s`` with ``customers`` orders; None before its own work is measured.
    ``with_ratio``: end with what the race took against it (not while it runs)."""
    with_work = s.expected_with_own_work
    if with_work is None or s.expected_makespan is None or s.own_cost_per_order is None:
        return None
    text = translate("OwnWork", "ideal {0:.2f} s + {1} × {2:.2f} ms own work").format(
        s.expected_makespan, customers, 1000 * s.own_cost_per_order
    )
    if s.neighbours_work:
        text += translate("OwnWork", " + {0:.2f} s next door").format(s.neighbours_work)
    text += f" = {with_work:.2f} s"
    if with_ratio and s.ratio_to_own_work is not None:
        text += translate("OwnWork", " (took ×{0:.2f})").format(s.ratio_to_own_work)
    return text
