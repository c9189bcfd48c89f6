"""Every relative link and anchor in the README, the changelog and docs/ leads somewhere.

A link is ``[text](target)`` or ``![alt](target)`` outside code; a target with a scheme
(https:, mailto:) is left alone. The file must exist, relative to the page; an anchor
(``page.md#a-heading``, or ``#a-heading`` on the same page) must be a heading of that page,
slugged as GitHub does.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]

FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def prose(text: str) -> str:
    """The page without its code: fenced blocks and inline code spans."""
    return INLINE_CODE.sub("", FENCE.sub("", text))


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: its text (links reduced to theirs), lower case, with
    everything but letters, digits, spaces, hyphens and underscores dropped, spaces as
    hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading).lower()
    kept = "".join(ch for ch in text if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    seen: dict[str, int] = {}
    found = set()
    for heading in HEADING.findall(FENCE.sub("", page.read_text(encoding="utf-8"))):
        base = slug(heading)
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def broken_links(page: Path) -> list[str]:
    problems = []
    for target in LINK.findall(prose(page.read_text(encoding="utf-8"))):
        if SCHEME.match(target):
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists():
            problems.append(f"{target}: no such file")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            problems.append(f"{target}: no heading #{anchor} in {linked.name}")
    return problems


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_every_relative_link_and_anchor_resolves(page):
    assert page.exists()
    assert broken_links(page) == []


def test_the_checker_finds_a_missing_file_a_missing_anchor_and_ignores_code(tmp_path):
    (tmp_path / "other.md").write_text("# Other page\n\n## Exit codes: 0 · 2\n", encoding="utf-8")
    (tmp_path / "shot.png").write_bytes(b"")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\nSee [the other](other.md#exit-codes-0--2), [the top](#page), "
        "![a shot\nover two lines](shot.png), [the web](https://example.com/x#y).\n\n"
        "Broken: [gone](gone.md), [no heading](other.md#nowhere), [here](#nowhere-here).\n\n"
        "```\n[in code](also-gone.md)\n```\n`[inline](gone-too.md)`\n",
        encoding="utf-8",
    )
    assert broken_links(page) == [
        "gone.md: no such file",
        "other.md#nowhere: no heading #nowhere in other.md",
        "#nowhere-here: no heading #nowhere-here in page.md",
    ]


def test_slugs_follow_githubs_rule():
    assert slug("Your app: the count and the CPU time") == "your-app-the-count-and-the-cpu-time"
    assert slug("The theory, and what ×theory means") == "the-theory-and-what-theory-means"
    assert slug("Layers (`chefline.ui` → below)") == "layers-cheflineui--below"


def test_the_readme_reads_in_five_minutes():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 250, f"README.md has {len(lines)} lines: the depth belongs in docs/"
