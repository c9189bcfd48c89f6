"""Plain-text tables for the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from chefline.client.race import RaceResult
from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.modes import MODES


def render(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(width) if index in right else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} s"


COST_NOTE = (
    "processes, threads, memory: the most each kitchen held at once, sampled during the race. "
    '"in app": the kitchen runs in this\nprocess, so it has no memory of its own to show; '
    "its threads are those that took its orders. Memory is PSS on Linux."
)


def cost_cells(cost: KitchenCost | None) -> list[str]:
    if cost is None:
        return ["-", "-", "-"]
    return [cost.processes_text(), str(cost.threads), cost.memory_text().replace("–", "-")]


def modes_table() -> str:
    rows = [[m.name, m.framework, m.route, m.summary] for m in MODES.values()]
    return render(["mode", "framework", "route", "what you will see"], rows, right=set())


def race_table(result: RaceResult) -> str:
    headers = [
        "kitchen", "served", "makespan", "theory", "×theory",
        "p50", "p95", "queue p95", "peak", "chefs", "errors",
    ]  # fmt: skip
    chat = result.plan.chat is not None
    if chat:
        headers += ["TTFT p50", "TTFT p95", "tokens/s"]
    headers += ["processes", "threads", "memory"]
    rows = []
    notes = []
    for timeline in result.timelines.values():
        s = timeline.summary()
        ratio = s.ratio_to_theory
        rows.append([
            s.kitchen,
            f"{s.served}/{s.customers}",
            seconds(s.makespan),
            seconds(s.expected_makespan),
            "-" if ratio is None else f"{ratio:.2f}",
            seconds(s.latency_p50),
            seconds(s.latency_p95),
            seconds(s.queue_wait_p95),
            str(s.peak_concurrency),
            str(s.chefs),
            str(s.failed),
            *([seconds(s.ttft_p50), seconds(s.ttft_p95),
               "-" if s.tokens_per_s is None else f"{s.tokens_per_s:.0f}"] if chat else []),
            *cost_cells(timeline.cost),
        ])  # fmt: skip
        if s.failures:
            kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(s.failures.items()))
            first_error = next((o.error for o in timeline.failed if o.error), "")
            notes.append(f"  {s.kitchen}: {kinds} (first: {first_error})")
    plan = result.plan
    title = f"{plan.arrivals.customers} customers per kitchen, {plan.arrivals.pattern}, " + (
        f"LLM dish: {plan.chat.max_tokens} tokens streamed, one call ≈{plan.recipe.wait:.2f} s "
        f"(first token {plan.speed.ttft:g} s, {plan.speed.tokens_per_s:g} tokens/s)"
        if plan.chat and plan.speed
        else f"{plan.recipe.dish.value} dish with a {plan.recipe.wait:g} s wait"
    )
    if plan.faults.active:
        title += f", {plan.faults.describe()}"
    if plan.patience is not None:
        title += f", customers wait at most {plan.patience:g} s"
    body = render(headers, rows, right=set(range(1, len(headers))))
    body += "\n\n" + COST_NOTE
    stopped = ["", "The race was stopped before every dish was served."] if result.cancelled else []
    return "\n".join([title, "", body, *(["", "Errors:", *notes] if notes else []), *stopped])
