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
    done = len(timeline.served) + len(timeline.failed)
    return done >= plan.arrivals.customers


def cooking_for(session: RaceSession, kitchen: str) -> float | None:
    """Seconds since this kitchen's start: now during the race, its makespan once its last
    dish is out (or after the race); None while it waits its turn."""
    timeline = session.timelines.get(kitchen)
    if timeline is None or waiting_turn(session, kitchen):
        return None
    if not session.live or finished(session, timeline):
        return timeline.makespan
    start = origin(session, kitchen)
    return None if start is None else max(0.0, session.clock() - start)
