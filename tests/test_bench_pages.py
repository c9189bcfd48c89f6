"""`make bench` writes its table into docs/performance.md and its headline rows into the
README, both from the same rows, and nothing else (``benchmarks/pages.py``).

Written here into copies of the pages, from the rows ``benchmarks/results.json`` holds: the
committed pages must be what those rows write (no figure edited by hand), and a new figure
must change only the marked sections.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import pages  # noqa: E402 - benchmarks/ is not a package

SECTIONS = {
    "README.md": (pages.HEADLINE_START, pages.HEADLINE_END),
    "docs/performance.md": (pages.TABLE_START, pages.TABLE_END),
}


@pytest.fixture
def copies(tmp_path, monkeypatch):
    """The README, the performance page and the results, copied; pages.py writes the copies."""
    for name in ("README.md", "docs/performance.md", "benchmarks/results.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(pages, "README", tmp_path / "README.md")
    monkeypatch.setattr(pages, "PERFORMANCE", tmp_path / "docs/performance.md")
    monkeypatch.setattr(pages, "RESULTS", tmp_path / "benchmarks/results.json")
    monkeypatch.setattr(pages, "ROOT", tmp_path)
    return tmp_path


def outside(text: str, start: str, end: str) -> str:
    return re.sub(re.escape(start) + ".*?" + re.escape(end), "", text, flags=re.S)


def test_the_committed_pages_are_what_the_results_write(copies):
    rows = pages.load_results()
    assert rows, "benchmarks/results.json holds no rows"
    machine = pages.machine_line_shown()
    assert machine is not None, "docs/performance.md names no machine"
    pages.write_pages(rows, machine)
    for name in SECTIONS:
        written = (copies / name).read_text(encoding="utf-8")
        assert written == (ROOT / name).read_text(encoding="utf-8"), (
            f"{name} is not what `python benchmarks/run.py --render-only` writes"
        )


def test_a_new_figure_changes_only_the_marked_sections_and_both_alike(copies):
    rows = pages.load_results()
    headline = pages.headline_rows(rows)[0][1]
    changed = [replace(r, figure="9.999") if r is headline else r for r in rows]
    before = {name: (copies / name).read_text(encoding="utf-8") for name in SECTIONS}
    pages.write_pages(changed, "Measured with `make bench` on a test machine.")
    for name, (start, end) in SECTIONS.items():
        after = (copies / name).read_text(encoding="utf-8")
        assert outside(after, start, end) == outside(before[name], start, end)
        assert "9.999" in after
    performance = (copies / "docs/performance.md").read_text(encoding="utf-8")
    assert "Measured with `make bench` on a test machine." in performance
    assert pages.load_results()[rows.index(headline)].figure == "9.999"


def test_every_headline_is_a_row_of_the_full_table():
    rows = pages.load_results()
    found = pages.headline_rows(rows)
    assert [h for h, _ in found] == list(pages.HEADLINES), "a headline row is missing"
    full = pages.table(rows)
    for _, row in found:
        assert f"| {row.figure} | {row.target} |" in full
    assert all(row.measured for row in rows), "a row does not say when it was measured"
