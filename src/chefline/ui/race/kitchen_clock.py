"""One kitchen's own clock in a race: where its time axis starts and how long it has cooked.

Kitchens that race side by side share the race's start. Kitchens that take turns (the
CPU-bound scene: each has the machine to itself) are each drawn and timed from their own
first order, so a kitchen that waited its turn does not look slow for it; until its turn
comes it is "waiting its turn", not cooking. A kitchen whose last dish is out stops its clock
there: its figures freeze while the others go on.
"""

from __future__ import annotations

from chefline.kitchen.timeline import RaceTimeline
from chefline.ui.session import RaceSession


def in_turn(session: RaceSession) -> bool:
    return session.plan is not None and session.plan.in_turn


def origin(session: RaceSession, kitchen: str) -> float | None:
    """The moment this kitchen's time axis starts (None before any race)."""
    start = session.race_start
    timeline = session.timelines.get(kitchen)
    if start is None or timeline is None or not in_turn(session):
        return start
    own = timeline.start
    return start if own is None else own


def waiting_turn(session: RaceSession, kitchen: str) -> bool:
    """True while kitchens take turns and this one has not had its first order yet."""
    timeline = session.timelines.get(kitchen)
    return session.live and in_turn(session) and (timeline is None or timeline.start is None)


def finished(session: RaceSession, timeline: RaceTimeline) -> bool:
    """Every order of the race is back from this kitchen (served or failed)."""
    plan = session.plan
    if plan is None:
        return False
    return timeline.back >= plan.arrivals.customers


def cooking_for(session: RaceSession, kitchen: str) -> float | None:
    """Seconds since this kitchen's start: now during the race, its makespan once its last
    dish is out (or after the race); None while it waits its turn."""
    timeline = session.timelines.get(kitchen)
    if timeline is None or waiting_turn(session, kitchen):
        return None
    if not session.live or finished(session, timeline):
        return timeline.makespan
    # From its own first order, as its makespan counts once it is done: the figure then
    # never jumps when the last dish comes out (0.60 → 0.12 s when a burst of 800 orders
    # reached this kitchen half a second after the race's first).
    start = timeline.start if timeline.start is not None else origin(session, kitchen)
    return None if start is None else max(0.0, session.clock() - start)


def drawn_so_far(session: RaceSession) -> float:
    """How much of the time axis the race has used so far: since its start, or, when the
    kitchens take turns (each drawn from its own start), the longest of their own clocks."""
    if not in_turn(session):
        return session.elapsed()
    return max((cooking_for(session, name) or 0.0 for name in session.timelines), default=0.0)


INSET_FROM = 10.0
"""A kitchen that finished this many times sooner than the slowest gets its own axis too."""


def inset_span(session: RaceSession, kitchen: str) -> float | None:
    """This kitchen's makespan when it finished at least ``INSET_FROM`` times sooner than
    the slowest kitchen has cooked so far (on the shared axis its lanes are a sliver, so they
    also get an inset with their own axis); else None."""
    timeline = session.timelines.get(kitchen)
    if timeline is None or not finished(session, timeline) or not timeline.makespan:
        return None
    own = timeline.makespan
    slowest = max((cooking_for(session, other) or 0.0) for other in session.timelines)
    return own if slowest >= INSET_FROM * own else None


def rest_key(session: RaceSession, kitchen: str) -> tuple[object, ...] | None:
    """What this kitchen's picture shows when nothing in it can move (it waits its turn, or
    its last dish is out), None while it cooks. Two equal keys mean the same picture."""
    timeline = session.timelines.get(kitchen)
    waiting = waiting_turn(session, kitchen)
    if timeline is not None and not waiting and not finished(session, timeline):
        return None
    count = 0 if timeline is None else len(timeline)
    return (id(session.plan), session.race_start, id(timeline), count, waiting, session.live)


class RestWatch:
    """Lets a view skip the frames of a kitchen at rest: in a race taken in turn, or when
    one kitchen finishes long before another, repainting a still picture 40 times a second
    took the GIL from the kitchen that is cooking (scene 7 lost a fifth of its speed)."""

    def __init__(self, session: RaceSession, kitchen: str) -> None:
        self.session = session
        self.kitchen = kitchen
        self._shown: tuple[object, ...] | None = None

    def unchanged(self) -> bool:
        """True if this frame would paint what the last one did."""
        key = rest_key(self.session, self.kitchen)
        if key is not None and key == self._shown:
            return True
        self._shown = key
        return False

    @property
    def resting(self) -> bool:
        """As of the last ``unchanged``: the kitchen is at rest (draw its final picture now)."""
        return self._shown is not None
