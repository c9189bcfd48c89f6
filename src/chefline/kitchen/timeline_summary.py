"""What a scoreboard, the CLI's table and the exports say of one kitchen's race: one summary,
read by all of them, so their figures never disagree."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class TimelineSummary:
    """The figures a scoreboard or the CLI table shows; times in seconds."""

    kitchen: str
    customers: int
    served: int
    failed: int
    makespan: float | None
    throughput: float | None
    latency_p50: float | None
    latency_p95: float | None
    latency_p99: float | None
    queue_wait_mean: float | None
    queue_wait_p95: float | None
    queue_wait_p99: float | None
    queue_wait_max: float | None
    peak_concurrency: int
    chefs: int
    expected_makespan: float | None
    failures: dict[str, int] = field(default_factory=dict)
    """How many orders failed, by reason (``Failure`` values)."""
    ttft_p50: float | None = None
    """LLM dishes: time to the first token, as customers saw it."""
    ttft_p95: float | None = None
    ttft_p99: float | None = None
    tokens: int = 0
    """LLM dishes: tokens that reached customers."""
    tokens_per_s: float | None = None
    """LLM dishes: tokens delivered per second over the whole race, across the kitchen."""
    own_cost_per_order: float | None = None
    """The kitchen's own work for one empty order (measured when it opened), seconds."""
    own_work: float | None = None
    """What that work adds to this race: ``customers × own_cost_per_order`` over the
    interpreters that share it."""
    neighbours_work: float = 0.0
    """The own work of the other kitchens racing in the same interpreter at the same time:
    it runs in series with this kitchen's (one GIL)."""
    planned: int | None = None
    """The orders the race planned for this kitchen (None: as many as it has)."""

    @property
    def finished(self) -> bool:
        """Every order the race planned was served. Only then does a makespan measure the
        kitchen's work: a kitchen that died, refused or was stopped has none to compare."""
        planned = self.customers if self.planned is None else self.planned
        return self.failed == 0 and self.served == planned > 0

    @property
    def ratio_to_theory(self) -> float | None:
        """Makespan ÷ theory, for a kitchen that finished its orders (else None)."""
        if not self.finished or not self.makespan or not self.expected_makespan:
            return None
        return self.makespan / self.expected_makespan

    @property
    def expected_with_own_work(self) -> float | None:
        """The ideal theory plus the kitchen's own measured work."""
        if self.expected_makespan is None or self.own_work is None:
            return None
        return self.expected_makespan + self.own_work + self.neighbours_work

    @property
    def ratio_to_own_work(self) -> float | None:
        """Makespan ÷ (theory + own work), for a kitchen that finished its orders."""
        expected = self.expected_with_own_work
        if not self.finished or not self.makespan or not expected:
            return None
        return self.makespan / expected

    def to_json(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data["ratio_to_theory"] = self.ratio_to_theory
        data["expected_with_own_work"] = self.expected_with_own_work
        return data
