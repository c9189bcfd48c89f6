"""One kitchen's figures at this frame: the one source the scoreboard, the status line and the
talk's headline read, so that no two of them disagree about the same race.

Computed once per frame per kitchen (the session clears its ``figure_cache`` each frame and
whenever the race on screen changes) from the kitchen's own clock: a kitchen's time runs from
its own first order to its last dish (or to now while it cooks), so its makespan never jumps
when its last dish comes out; what it holds is the most it held so far, frozen once its last
dish is out; a kitchen that did not serve every order it was sent is "stopped" or "failed"
and has no ratio to theory.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.timeline_summary import TimelineSummary
from chefline.ui.race import kitchen_clock
from chefline.ui.session import RaceSession


class KitchenState(StrEnum):
    WAITING_TURN = "waiting turn"
    """Kitchens take turns and this one's has not come."""
    COOKING = "cooking"
    FINISHED = "finished"
    """Every order it was sent was served."""
    FAILED = "failed"
    """Every order is back, some failed."""
    STOPPED = "stopped"
    """The race or the kitchen was stopped before every order was back."""


@dataclass(frozen=True)
class KitchenFigures:
    kitchen: str
    planned: int
    """The orders the race sends this kitchen."""
    summary: TimelineSummary
    """Its figures at its own clock (at its end once it has finished)."""
    makespan: float | None
    """Seconds on its own clock: cooking so far, or its makespan once its last dish is out."""
    state: KitchenState
    cost: KitchenCost | None
    """The most it held so far (processes, threads, memory)."""

    @property
    def ratio(self) -> float | None:
        """Its time against theory: live while it cooks, final once it served every order;
        none for a kitchen that was stopped or failed orders (there is nothing to compare)."""
        expected = self.summary.expected_makespan
        if self.state is KitchenState.COOKING and self.makespan and expected:
            return self.makespan / expected
        return self.summary.ratio_to_theory if self.state is KitchenState.FINISHED else None

    @property
    def served_text(self) -> str:
        return f"{self.summary.served}/{self.planned}"


def figures_of(session: RaceSession, kitchen: str) -> KitchenFigures | None:
    """``kitchen``'s figures at this frame (None with no race on screen)."""
    cached = session.figure_cache.get(kitchen)
    if isinstance(cached, KitchenFigures):
        return cached
    timeline = session.timelines.get(kitchen)
    plan = session.plan
    if timeline is None or plan is None:
        return None
    planned = plan.arrivals.customers
    done = kitchen_clock.finished(session, timeline)
    cooking = session.live and not done
    summary = timeline.summary(session.clock() if cooking else None)
    closed = any(k.name == kitchen and not k.server.running for k in session.kitchens)
    if kitchen_clock.waiting_turn(session, kitchen):
        state = KitchenState.WAITING_TURN
    elif cooking and not closed:
        state = KitchenState.COOKING
    elif summary.finished and summary.served >= planned:
        state = KitchenState.FINISHED
    elif done and not closed:
        state = KitchenState.FAILED
    else:  # closed mid-race (Stop), or the race stopped before every order was back
        state = KitchenState.STOPPED
    figures = KitchenFigures(
        kitchen, planned, summary, kitchen_clock.cooking_for(session, kitchen), state,
        session.cost_of(kitchen),
    )  # fmt: skip
    session.figure_cache[kitchen] = figures
    return figures
