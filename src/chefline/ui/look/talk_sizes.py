"""How large the talk's text is: in pixels of the screen, for a room reading it from the back.

A projector's 720 lines and a monitor's 1080 show the same talk to the same room, so every
size is a share of the screen's height (larger on 1080 lines), times the speaker's text size
(Ctrl+, Ctrl−). The least sizes at 720 lines come from slide guidance (24–28 pt at 96 dpi):
figures a room must read ≥ 32 px, title and caption ≥ 24 px, code ≥ 16 px, lane labels ≥ 14 px.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

BASE_LINES = 720
"""The screen height the sizes below are given for (a projector)."""


class TalkText(StrEnum):
    """The kinds of text the talk shows, each with its size at 720 lines."""

    TITLE = "title"
    CAPTION = "caption"
    COUNTER = "counter"
    """The scene's number and what → does next, beside the title."""
    MESSAGE = "message"
    """A sentence for the speaker inside the window (there are no message boxes in a talk)."""
    KITCHEN = "kitchen"
    """A kitchen's name above its column."""
    FIGURE = "figure"
    """The figures the caption speaks of: makespan, × theory, threads held, most at once."""
    FIGURE_CAPTION = "figure_caption"
    CODE = "code"
    LANES = "lanes"
    """Lane labels and the time axis of the timelines; the kitchen picture's captions."""
    LEGEND = "legend"
    OVERLAY = "overlay"
    """The help and the bad order's replies drawn over the window."""
    TABLE = "table"
    """The comparison table: eight rows of two lines must fit a projector's height."""


PX_AT_720: dict[TalkText, int] = {
    TalkText.TITLE: 30,
    TalkText.CAPTION: 24,
    TalkText.COUNTER: 18,
    TalkText.MESSAGE: 18,
    TalkText.KITCHEN: 22,
    TalkText.FIGURE: 36,
    TalkText.FIGURE_CAPTION: 16,
    TalkText.CODE: 17,
    TalkText.LANES: 15,
    TalkText.LEGEND: 16,
    TalkText.OVERLAY: 20,
    TalkText.TABLE: 18,
}

LEAST_PX_AT_720: dict[TalkText, int] = {
    TalkText.TITLE: 24,
    TalkText.CAPTION: 24,
    TalkText.FIGURE: 32,
    TalkText.CODE: 16,
    TalkText.LANES: 14,
}
"""What the back row needs, at 720 lines and the normal text size (tests hold the talk to it)."""

MIN_TALK_SCALE = 0.9
MAX_TALK_SCALE = 1.15
"""Ctrl+ and Ctrl− in a talk: the sizes already follow the screen; a little either way keeps
every scene within the screen (beyond it the lanes would be squeezed to nothing)."""


def talk_px(kind: TalkText, screen_lines: int, text_scale: float = 1.0) -> int:
    """The pixel size of ``kind`` on a screen ``screen_lines`` high, at this text size."""
    scale = min(max(text_scale, MIN_TALK_SCALE), MAX_TALK_SCALE)
    lines = max(screen_lines, BASE_LINES // 2)
    return round(PX_AT_720[kind] * lines / BASE_LINES * scale)


@dataclass(frozen=True)
class TalkSizes:
    """The talk's sizes on one screen at one text size, for what sizes text itself (the
    code, which shrinks to fit only down to what the back row still reads)."""

    screen_lines: int = BASE_LINES
    text_scale: float = 1.0

    def px(self, kind: TalkText) -> int:
        return talk_px(kind, self.screen_lines, self.text_scale)

    def least_px(self, kind: TalkText) -> int:
        least = LEAST_PX_AT_720.get(kind, PX_AT_720[kind])
        return round(least * max(self.screen_lines, BASE_LINES // 2) / BASE_LINES)


def talk_stylesheet(sizes: TalkSizes) -> str:
    """The rules that size the talk's text, appended to the app's stylesheet in a talk."""

    def px(kind: TalkText) -> str:
        return f"font-size: {sizes.px(kind)}px;"

    return "\n".join(
        (
            f"QLabel#sceneTitle {{ {px(TalkText.TITLE)} }}",
            f"QLabel#sceneCaption {{ {px(TalkText.CAPTION)} }}",
            f"QLabel#sceneCounter, QLabel#talkHint {{ {px(TalkText.COUNTER)} }}",
            f"QLabel#replayBadge {{ {px(TalkText.COUNTER)} }}",
            f"QLabel#talkMessage {{ {px(TalkText.MESSAGE)} font-weight: 400; }}",
            f"QLabel#kitchenTitle {{ {px(TalkText.KITCHEN)} }}",
            f'QLabel#codeLine {{ {px(TalkText.CODE)} font-family: "DejaVu Sans Mono"; }}',
            f"QLabel#openingKitchens {{ {px(TalkText.CAPTION)} }}",
            f'QLabel[role="headline"] {{ {px(TalkText.FIGURE)} }}',
            f'QFrame[role="scoreboard"] QLabel[role="caption"] {{ {px(TalkText.FIGURE_CAPTION)} }}',
            f"QLabel#verdict {{ {px(TalkText.FIGURE_CAPTION)} }}",
            f'QWidget[role="lanes"] {{ {px(TalkText.LANES)} }}',
            f"QWidget#legend QLabel {{ {px(TalkText.LEGEND)} }}",
            f"QFrame#helpOverlay QLabel {{ {px(TalkText.OVERLAY)} }}",
            f"QFrame#comparisonOverlay QLabel {{ {px(TalkText.OVERLAY)} }}",
            f"QTableWidget#comparisonTable {{ {px(TalkText.TABLE)} }}",
            f"QTableWidget#comparisonTable QHeaderView::section {{ {px(TalkText.TABLE)} }}",
            f"QFrame#badOrderOverlay QLabel {{ {px(TalkText.OVERLAY)} }}",
            f'QFrame#badOrderOverlay QLabel[role="replyStatus"] {{ {px(TalkText.FIGURE)} }}',
            f"QFrame#helpOverlay QLabel#overlayTitle, QFrame#comparisonOverlay QLabel#overlayTitle,"
            f" QFrame#badOrderOverlay QLabel#overlayTitle {{ {px(TalkText.TITLE)} }}",
        )
    )
