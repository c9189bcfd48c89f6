"""What a race found in your app, said once: who held its chef, where, for how long, computing
or waiting; what its routes raised; and the Python it ran on. The race carries it in its
result (``RaceResult.verdicts``); the command line prints its ``lines``, ``--json`` its
``to_json``, the window its ``sentence`` and its ``marks`` in the code panel."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from chefline.kitchen.order import StepKind
from chefline.kitchen.your_app import LoopBlock, PythonUsed, blocked_seconds
from chefline.texts import QT_TRANSLATE_NOOP, translate

BLOCKS_SHOWN = 5
"""Blocks listed one by one under the table (the JSON has all of them)."""

HELD = {
    (StepKind.IO, True): QT_TRANSLATE_NOOP(
        "YourApp", "order {0} held the chef at the pot for {1} at {2}"
    ),
    (StepKind.CPU, True): QT_TRANSLATE_NOOP(
        "YourApp", "order {0} kept the chef working for {1} at {2}"
    ),
    (StepKind.IO, False): QT_TRANSLATE_NOOP(
        "YourApp", "code outside any order held the chef at the pot for {0} at {1}"
    ),
    (StepKind.CPU, False): QT_TRANSLATE_NOOP(
        "YourApp", "code outside any order kept the chef working for {0} at {1}"
    ),
}  # fmt: skip


@dataclass(frozen=True)
class RaisedError:
    """One kind of error your route raised, and how many orders it burnt."""

    error: str
    """Its last line: ``RuntimeError: the oven is off``."""
    file: str | None
    """The innermost file of yours it went through."""
    line: int | None
    function: str | None
    orders: int

    def sentence(self) -> str:
        """'RuntimeError: the oven is off (at app.py:5 in `boom`)'."""
        if self.file is None:
            return self.error
        text = translate("YourApp", "{0} (at {1}:{2} in `{3}`)")
        return text.format(self.error, os.path.basename(self.file), self.line, self.function)

    def to_json(self) -> dict[str, Any]:
        return {"error": self.sentence(), "orders": self.orders}


def describe_block(block: LoopBlock) -> str:
    """'order 3 held the chef at the pot for 0.30 s at app.py:12 in `slow` (time.sleep(0.3))'."""
    seconds = f"{block.seconds:.2f} s"
    if block.still_running:
        seconds = translate("YourApp", "{0} so far (it still held it when the race ended)").format(
            seconds)  # fmt: skip
    place = f"{block.where} in `{block.function}`" + (f" ({block.code})" if block.code else "")
    if not block.mine:
        place += translate("YourApp", ", in library code (no line of your app's files was on "
                                      "the stack)")  # fmt: skip
    text = translate("YourApp", HELD[(block.kind, block.order is not None)])
    if block.order is None:
        return text.format(seconds, place)
    return text.format(block.order + 1, seconds, place)


@dataclass(frozen=True)
class AppVerdict:
    """One race at your app's kitchen, as the watching saw it."""

    kitchen: str
    python: PythonUsed
    watched: bool
    """True when an event loop was watched (an ASGI app): then ``blocks`` says who held it.
    A thread chef's time is drawn as working or stuck; it has no blocks."""
    threshold: float
    start: float | None
    """The race's first order sent and last reply at this kitchen (None: no order)."""
    end: float | None
    blocks: tuple[LoopBlock, ...] = ()
    raised: tuple[RaisedError, ...] = ()

    @property
    def span(self) -> float:
        return (self.end - self.start) if self.start is not None and self.end is not None else 0.0

    def held(self, kind: StepKind | None = None) -> float:
        """Seconds the loop was held during the race (by blocks of ``kind``, or any)."""
        if self.start is None or self.end is None:
            return 0.0
        chosen = [b for b in self.blocks if kind is None or b.kind is kind]
        return blocked_seconds(chosen, self.start, self.end)

    def raised_lines(self) -> list[str]:
        text = translate("YourApp", "{0}: your route raised {1} ({2} orders)")
        return [text.format(self.kitchen, error.sentence(), error.orders) for error in self.raised]

    def block_lines(self) -> list[str]:
        """The watchdog's verdict for the terminal: a summary, then the first blocks."""
        if not self.watched or self.start is None:
            return []
        if not self.blocks:
            text = translate(
                "YourApp", "{0}: the event loop never stood still for more than {1:g} ms"
            )
            return [text.format(self.kitchen, 1000 * self.threshold)]
        text = translate(
            "YourApp", "{0}: the chef was held {1:.2f} s of the {2:.2f} s race ({3:.0f} %), in {4} "
            "blocks: stuck at the pot {5:.2f} s, working {6:.2f} s"
        )  # fmt: skip
        held, span = self.held(), self.span
        share = 100 * held / span if span else 0
        lines = [text.format(self.kitchen, held, span, share, len(self.blocks),
                             self.held(StepKind.IO), self.held(StepKind.CPU))]  # fmt: skip
        lines += ["  " + describe_block(block) for block in self.blocks[:BLOCKS_SHOWN]]
        if len(self.blocks) > BLOCKS_SHOWN:
            more = translate("YourApp", "  … and {0} more (--json lists every one)")
            lines.append(more.format(len(self.blocks) - BLOCKS_SHOWN))
        return lines

    def lines(self) -> list[str]:
        """Everything the command line says under the table."""
        return self.raised_lines() + self.block_lines()

    def sentence(self) -> str | None:
        """One sentence for the window's status line (None: nothing to say)."""
        if not self.watched or self.start is None:
            return self.raised_lines()[0] if self.raised else None
        if not self.blocks:
            return translate("YourApp", "{0}: the event loop never stood still.").format(
                self.kitchen)  # fmt: skip
        worst = max(self.blocks, key=lambda block: block.seconds)
        text = translate("YourApp", "{0}: the chef was held {1:.2f} s of {2:.2f} s, in {3} "
                                    "blocks; the longest: {4}")  # fmt: skip
        return text.format(self.kitchen, self.held(), self.span, len(self.blocks),
                           describe_block(worst))  # fmt: skip

    def marks(self) -> dict[tuple[str, int], str]:
        """Each line of your files that held the chef, and a note for it in the code panel."""
        held: dict[tuple[str, int], float] = {}
        for block in self.blocks:
            if block.mine and block.file is not None and block.line is not None:
                key = (block.file, block.line)
                held[key] = held.get(key, 0.0) + block.seconds
        text = translate("YourApp", "held the chef {0:.2f} s")
        return {key: text.format(seconds) for key, seconds in held.items()}

    def to_json(self) -> dict[str, Any]:
        """The kitchen's part of ``--json``: merged into its entry."""
        data: dict[str, Any] = {"python": self.python.to_json(),
                                "raised": [error.to_json() for error in self.raised]}  # fmt: skip
        if self.watched:
            data["blocks"] = [block.to_json() for block in self.blocks]
            data["blocked_s"] = round(self.held(), 4)
            data["threshold_ms"] = 1000 * self.threshold
        return data
