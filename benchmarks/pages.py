# ruff: noqa: E501 - the headline rows read best one to a line
"""Where `make bench` writes its figures: the whole table in docs/performance.md, and a few
headline rows of the same table in the README. Nothing else is written.

Each page keeps everything outside its markers (the prose around the table is written by
hand); ``results.json`` keeps the rows, each with the day it was measured, so that a run of
one benchmark keeps the others' figures and dates, and ``run.py --render-only`` can write the
pages again from it without measuring.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from common import README, RESULTS, ROOT, Row, table, verdict

PERFORMANCE = ROOT / "docs" / "performance.md"
TABLE_START, TABLE_END = "<!-- bench:start -->", "<!-- bench:end -->"
HEADLINE_START, HEADLINE_END = "<!-- bench-headline:start -->", "<!-- bench-headline:end -->"
MACHINE_LINE = re.compile(r"^Measured with `make bench` on .*$", re.M)


@dataclass(frozen=True)
class Headline:
    """A row of the full table shown in the README, under a shorter name."""

    benchmark: str
    measure: str
    """A regular expression the row's ``measure`` starts with (the wording a benchmark has
    given the row, now or in results.json), enough to tell it from its group's other rows."""
    name: str


HEADLINES = (
    Headline("fidelity", r"flask-one-chef: ×theory", "one chef (Flask): makespan ÷ theory at 10, 100, 200 orders of 1 s"),
    Headline("fidelity", r"fastapi-async: ×theory", "async (FastAPI), raced alone: the same"),
    Headline("head to head", r"fastapi-async(, 2 kitchens [^:]*)?: × the (theory with|gap explained)", "async beside threaded Flask, 200 orders each: makespan ÷ (theory + the kitchens' own work)"),
    Headline("llm", r"fastapi-async, 100 users", "async, 100 users ask the model at once: makespan ÷ one answer"),
    Headline("capacity", r"fastapi-async, 1000 orders of 2 s: makespan", "async in the window, 1000 orders of 2 s: makespan"),
    Headline("your app", r"ASGI plain route", "watching your FastAPI app: extra instructions per order"),
    Headline("start", r"launch to (window shown|the window's first paint)", "launch to the window"),
    Headline("package", r"one-folder app size", "the packaged app (one folder)"),
)  # fmt: skip


def load_results() -> list[Row]:
    if not RESULTS.exists():
        return []
    return [Row(**row) for row in json.loads(RESULTS.read_text(encoding="utf-8"))]


def save_results(rows: Sequence[Row]) -> None:
    RESULTS.write_text(json.dumps([asdict(r) for r in rows], indent=2) + "\n", encoding="utf-8")


def headline_rows(rows: Sequence[Row]) -> list[tuple[Headline, Row]]:
    """The README's rows, in ``HEADLINES`` order; a headline with no row yet is left out."""
    found = []
    for headline in HEADLINES:
        row = next((r for r in rows if r.benchmark == headline.benchmark
                    and re.match(headline.measure, r.measure)), None)  # fmt: skip
        if row is not None:
            found.append((headline, row))
    return found


def headline_table(rows: Sequence[Row]) -> str:
    lines = ["| what | figure | target | |", "|---|---|---|---|"]
    lines += [f"| {h.name} | {r.figure} | {r.target} | {verdict(r.met)} |"
              for h, r in headline_rows(rows)]  # fmt: skip
    return "\n".join(lines)


def when_measured(rows: Sequence[Row]) -> str:
    """One line: which benchmarks were measured on which day, in the table's order."""
    days: dict[str, list[str]] = {}
    for row in rows:
        names = days.setdefault(row.measured or "a day not recorded", [])
        if row.benchmark not in names:
            names.append(row.benchmark)
    parts = [f"{', '.join(names)} on {day}" for day, names in sorted(days.items())]
    return "Measured: " + "; ".join(parts) + "."


def _fill(path: Path, start: str, end: str, body: str) -> None:
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        raise RuntimeError(f"{path.relative_to(ROOT)} has no {start} … {end} section to fill")
    path.write_text(pattern.sub(lambda _: f"{start}\n{body}\n{end}", text), encoding="utf-8")


def machine_line_shown() -> str | None:
    """The machine line the performance page shows now (that of the last measuring run)."""
    if not PERFORMANCE.exists():
        return None
    found = MACHINE_LINE.search(PERFORMANCE.read_text(encoding="utf-8"))
    return None if found is None else found.group(0)


def write_pages(rows: Sequence[Row], machine_line: str) -> None:
    """The full table into docs/performance.md, the headline rows into the README, the rows
    into results.json."""
    _fill(PERFORMANCE, TABLE_START, TABLE_END,
          "\n".join([machine_line, "", table(list(rows)), "", when_measured(rows)]))  # fmt: skip
    _fill(README, HEADLINE_START, HEADLINE_END, headline_table(rows))
    save_results(rows)
