"""Plain-text tables for the terminal."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from chefline.client.race import RaceResult
from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.modes import MODES
from chefline.kitchen.own_work import own_work_text
from chefline.kitchen.timeline_summary import TimelineSummary
from chefline.texts import QT_TRANSLATE_NOOP, translate


def render(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    widths = [max(width_of(str(c)) for c in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            pad(cell, width, index in right)
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def width_of(text: str) -> int:
    """Columns ``text`` takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - width_of(text))
    return space + text if right else text + space


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} s"


COST_NOTE = QT_TRANSLATE_NOOP(
    "Cli",
    "processes, threads, memory: the most each kitchen held at once, sampled during the race. "
    '"in app": the kitchen runs in this\nprocess, so it has no memory of its own to show; '
    "its threads are those that took its orders. Memory is PSS on Linux.",
)


OWN_WORK_NOTE = QT_TRANSLATE_NOOP(
    "Cli",
    "Beside the ideal theory, each kitchen's own work (measured when it opened: its CPU "
    "time for an empty order), which runs in\nseries in one interpreter, also that of the "
    "kitchens next door:",
)


def own_work_line(s: TimelineSummary) -> str | None:
    """ "  fastapi-async: ideal 1.00 s + … = 1.39 s (took ×1.05)"."""
    text = own_work_text(s, s.customers)
    return None if text is None else f"  {s.kitchen}: {text}"


def cost_cells(cost: KitchenCost | None) -> list[str]:
    if cost is None:
        return ["-", "-", "-"]
    processes = translate("Cli", "in app") if cost.in_app else str(cost.processes)
    return [processes, str(cost.threads), cost.memory_text().replace("–", "-")]


def modes_table() -> str:
    rows = [[m.name, m.framework, m.route, translate("Modes", m.summary)] for m in MODES.values()]
    headers = [translate("Cli", "mode"), translate("Cli", "framework"), translate("Cli", "route"),
               translate("Cli", "what you will see")]  # fmt: skip
    return render(headers, rows, right=set())


NO_RATIO_NOTE = QT_TRANSLATE_NOOP(
    "Cli",
    "No ×theory for {0}: a ratio is shown only for a kitchen that served every order.",
)
DOWN_NOTE = QT_TRANSLATE_NOOP("Cli", "The {0} kitchen died during the race.")


def race_table(
    result: RaceResult, your_route: str | None = None, builtin: bool = True,
    down: Sequence[str] = (),
) -> str:  # fmt: skip
    """``your_route``: what your app's customers order (``GET /wait``), when it races;
    ``builtin``: whether any built-in kitchen races (their dish is in the title); ``down``:
    the kitchens found dead after it."""
    headers = [
        translate("Cli", "kitchen"), translate("Cli", "served"), translate("Cli", "makespan"),
        translate("Cli", "theory"), translate("Cli", "×theory"), "p50", "p95", "p99",
        translate("Cli", "queue p95"), translate("Cli", "queue p99"), translate("Cli", "peak"),
        translate("Cli", "chefs"),
        translate("Cli", "errors"),
    ]  # fmt: skip
    chat = result.plan.chat is not None
    if chat:
        headers += ["TTFT p50", "TTFT p95", "TTFT p99", translate("Cli", "tokens/s")]
    headers += [translate("Cli", "processes"), translate("Cli", "threads"),
                translate("Cli", "memory")]  # fmt: skip
    rows = []
    notes = []
    own_work = []
    unfinished = []
    for timeline in result.timelines.values():
        s = timeline.summary()
        if (line := own_work_line(s)) is not None:
            own_work.append(line)
        ratio = s.ratio_to_theory
        if not s.finished:
            unfinished.append(s.kitchen)
        rows.append([
            s.kitchen,
            f"{s.served}/{s.planned or s.customers}",
            seconds(s.makespan),
            seconds(s.expected_makespan),
            "-" if ratio is None else f"{ratio:.2f}",
            seconds(s.latency_p50),
            seconds(s.latency_p95),
            seconds(s.latency_p99),
            seconds(s.queue_wait_p95),
            seconds(s.queue_wait_p99),
            str(s.peak_concurrency),
            str(s.chefs),
            str(s.failed),
            *([seconds(s.ttft_p50), seconds(s.ttft_p95), seconds(s.ttft_p99),
               "-" if s.tokens_per_s is None else f"{s.tokens_per_s:.0f}"] if chat else []),
            *cost_cells(timeline.cost),
        ])  # fmt: skip
        if s.failures:
            kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(s.failures.items()))
            first_error = next((o.error for o in timeline.failed if o.error), "")
            notes.append(translate("Cli", "  {0}: {1} (first: {2})").format(
                s.kitchen, kinds, first_error))  # fmt: skip
    plan = result.plan
    title = translate("Cli", "{0} customers per kitchen, {1}, ").format(
        plan.arrivals.customers, plan.arrivals.pattern
    ) + (
        translate(
            "Cli",
            "LLM dish: {0} tokens streamed, one call ≈{1:.2f} s (first token {2:g} s, "
            "{3:g} tokens/s)",
        ).format(plan.chat.max_tokens, plan.recipe.wait, plan.speed.ttft, plan.speed.tokens_per_s)
        if plan.chat and plan.speed
        else translate("Cli", "{0} dish with a {1:g} s wait").format(
            plan.recipe.dish.value, plan.recipe.wait
        )
    )
    if your_route is not None:
        if not builtin:
            title = translate("Cli", "{0} customers per kitchen, {1}, ").format(
                plan.arrivals.customers, plan.arrivals.pattern
            )
        title += (
            translate("Cli", "your app: {0}").format(your_route)
            if not builtin
            else (translate("Cli", "; your app: {0}").format(your_route))
        )
    if plan.faults.active:
        title += f", {plan.faults.describe()}"
    if plan.in_turn:
        title += translate("Cli", ", one kitchen at a time")
    if plan.patience is not None:
        title += translate("Cli", ", customers wait at most {0:g} s").format(plan.patience)
    for verdict in result.verdicts.values():  # which Python each of your apps ran on
        title += "\n" + translate("YourApp", "{0} ran on {1}").format(
            verdict.kitchen, verdict.python.describe())  # fmt: skip
    body = render(headers, rows, right=set(range(1, len(headers))))
    body += "\n\n" + translate("Cli", COST_NOTE)
    if own_work:
        body += "\n\n" + translate("Cli", OWN_WORK_NOTE) + "\n" + "\n".join(own_work)
    stopped = (
        ["", translate("Cli", "The race was stopped before every dish was served.")]
        if result.cancelled
        else []
    )
    errors = ["", translate("Cli", "Errors:"), *notes] if notes else []
    died = [translate("Cli", DOWN_NOTE).format(name) for name in down]
    no_ratio = [translate("Cli", NO_RATIO_NOTE).format(", ".join(unfinished))] if unfinished else []
    ends = [*died, *no_ratio]
    if result.cancelled:
        title = translate("Cli", "STOPPED: ") + title
    return "\n".join([title, "", body, *errors, *stopped, *(["", *ends] if ends else [])])
