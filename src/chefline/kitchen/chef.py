"""A chef's identity in one race, as people read it: "chef 3", the third chef to pick up an
order. The kitchen knows a chef by its thread, loop, greenlet or process; the timeline
numbers them in the order they started, and every view shows that number."""

from __future__ import annotations


class ChefLabel(str):
    """The label "chef N" as a string (what traces, CSV files and saved figures write) that
    carries its number, so that a view that says it in another language never parses it."""

    number: int

    def __new__(cls, number: int) -> ChefLabel:
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise ValueError(f"a chef's number is a whole number from 1, not {number!r}")
        label = super().__new__(cls, f"chef {number}")
        label.number = number
        return label

    def __getnewargs__(self) -> tuple[int]:  # type: ignore[override]  # made from its number
        return (self.number,)
