"""Colours and patterns of every phase, told apart by pattern as well as by colour.

Colours are from the Okabe–Ito palette, which stays distinct for colour-blind viewers.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from functools import cache
from typing import Literal, get_args

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from chefline.texts import QT_TRANSLATE_NOOP


class Look(StrEnum):
    QUEUED = "queued"
    WORKING = "working"
    BLOCKED = "blocked"
    ON_STOVE = "on_stove"
    DELIVERY = "delivery"
    SERVED = "served"
    FAILED = "failed"
    FREE = "free"
    FIRST_TOKEN = "first_token"


def T(text: str) -> str:
    """Marks a label for translation; the legend translates it (context "Palette")."""
    return QT_TRANSLATE_NOOP("Palette", text)


@dataclass(frozen=True)
class Swatch:
    colour: str
    pattern: Qt.BrushStyle
    pattern_colour: str
    label: str
    meaning: str

    def brushes(self) -> tuple[QBrush, QBrush | None]:
        """The fill, and a pattern drawn over it (None for a plain fill). A colour named
        after a theme key ("theme:free") follows the theme."""
        colour = self.colour
        if colour.startswith("theme:"):
            colour = THEME.named(colour.removeprefix("theme:"))
        fill = QBrush(QColor(colour))
        if self.pattern == Qt.BrushStyle.SolidPattern:
            return fill, None
        return fill, QBrush(QColor(self.pattern_colour), self.pattern)


SWATCHES: dict[Look, Swatch] = {
    Look.QUEUED: Swatch(
        "#d9d9d9",
        Qt.BrushStyle.BDiagPattern,
        "#8c8c8c",
        QT_TRANSLATE_NOOP("Palette", "waiting"),
        QT_TRANSLATE_NOOP("Palette", "waiting for a chef"),
    ),
    Look.WORKING: Swatch(
        "#E69F00",
        Qt.BrushStyle.SolidPattern,
        "#E69F00",
        QT_TRANSLATE_NOOP("Palette", "chef working"),
        QT_TRANSLATE_NOOP("Palette", "chef's hands busy (CPU)"),
    ),
    Look.BLOCKED: Swatch(
        "#D55E00",
        Qt.BrushStyle.DiagCrossPattern,
        "#7a2f00",
        QT_TRANSLATE_NOOP("Palette", "chef stuck at pot"),
        QT_TRANSLATE_NOOP("Palette", "waiting, and the chef cannot leave (blocking)"),
    ),
    Look.ON_STOVE: Swatch(
        "#56B4E9",
        Qt.BrushStyle.Dense6Pattern,
        "#1f6f9c",
        QT_TRANSLATE_NOOP("Palette", "on the stove"),
        QT_TRANSLATE_NOOP("Palette", "waiting, the chef is free (await)"),
    ),
    Look.DELIVERY: Swatch(
        "#0072B2",
        Qt.BrushStyle.SolidPattern,
        "#0072B2",
        QT_TRANSLATE_NOOP("Palette", "to the table"),
        QT_TRANSLATE_NOOP("Palette", "reply on its way"),
    ),
    Look.SERVED: Swatch(
        "#009E73",
        Qt.BrushStyle.SolidPattern,
        "#009E73",
        QT_TRANSLATE_NOOP("Palette", "served"),
        QT_TRANSLATE_NOOP("Palette", "the customer got the dish"),
    ),
    Look.FAILED: Swatch(
        "#CC79A7",
        Qt.BrushStyle.SolidPattern,
        "#CC79A7",
        QT_TRANSLATE_NOOP("Palette", "failed"),
        QT_TRANSLATE_NOOP("Palette", "no dish: error or timeout"),
    ),
    Look.FIRST_TOKEN: Swatch(
        "#F0E442",
        Qt.BrushStyle.SolidPattern,
        "#F0E442",
        QT_TRANSLATE_NOOP("Palette", "first token"),
        QT_TRANSLATE_NOOP(
            "Palette", "an LLM answer's first token reached the customer (short ticks: the next)"
        ),
    ),
    Look.FREE: Swatch(
        # Idle reads as quiet: a shade just off the panel in every theme, never a bright bar.
        "theme:free",
        Qt.BrushStyle.SolidPattern,
        "theme:free",
        QT_TRANSLATE_NOOP("Palette", "chef free"),
        QT_TRANSLATE_NOOP("Palette", "free to take an order"),
    ),
}

ThemeKey = Literal[
    "window", "panel", "card", "free", "border", "text", "muted", "accent", "accent_hover",
    "grid", "now", "banner", "banner_text", "code_string", "code_wait", "code_wait_bg",
]  # fmt: skip
"""The colours a theme names (and the stylesheet's ``{{ key }}`` placeholders)."""


@dataclass(frozen=True, slots=True)
class Theme:
    """The window's colours in one theme (CSS colours)."""

    window: str
    panel: str
    card: str
    free: str
    """A chef's free time: a shade just off the panel."""
    border: str
    text: str
    muted: str
    accent: str
    accent_hover: str
    grid: str
    now: str
    """The race's now line."""
    banner: str
    banner_text: str
    code_string: str
    code_wait: str
    """The route view's waiting line, and its background."""
    code_wait_bg: str

    def __getitem__(self, key: ThemeKey) -> str:
        colour: str = getattr(self, key)
        return colour

    def named(self, key: str) -> str:
        """The colour called ``key`` (a name read from a file); KeyError if there is none."""
        if key not in get_args(ThemeKey):
            raise KeyError(key)
        colour: str = getattr(self, key)
        return colour

    def values(self) -> tuple[str, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))


class ThemeInUse:
    """The theme the window paints with now; ``use_theme`` swaps it for every painter."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme

    def __getitem__(self, key: ThemeKey) -> str:
        return self.theme[key]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in get_args(ThemeKey)

    def named(self, key: str) -> str:
        return self.theme.named(key)

    def values(self) -> tuple[str, ...]:
        return self.theme.values()


THEMES: dict[str, Theme] = {
    "light": Theme(
        window="#f4f5f7",
        panel="#ffffff",
        card="#f7f8fa",
        free="#eef3ee",
        border="#d0d4da",
        text="#1d2430",
        muted="#5b6573",
        accent="#0072B2",
        accent_hover="#005f94",
        grid="#e3e6ea",
        now="#1d2430",
        banner="#1d2430",
        banner_text="#ffffff",
        code_string="#009E73",
        code_wait="#7a2f00",
        code_wait_bg="#fde2c8",
    ),
    "dark": Theme(
        window="#14171c",
        panel="#1d2129",
        card="#252a33",
        free="#262c35",
        border="#3a414d",
        text="#e8ebf0",
        muted="#a3acb9",
        accent="#56B4E9",
        accent_hover="#7cc6ef",
        grid="#313743",
        now="#e8ebf0",
        banner="#0b0d10",
        banner_text="#ffffff",
        code_string="#7fd6b4",
        code_wait="#ffd2a8",
        code_wait_bg="#5a2a08",
    ),
    # For projectors that wash colours out: black on white, strong borders, no greys.
    "contrast": Theme(
        window="#ffffff",
        panel="#ffffff",
        card="#ffffff",
        free="#f2f2f2",
        border="#000000",
        text="#000000",
        muted="#000000",
        accent="#003f6b",
        accent_hover="#002a47",
        grid="#8c8c8c",
        now="#000000",
        banner="#000000",
        banner_text="#ffffff",
        code_string="#004d36",
        code_wait="#000000",
        code_wait_bg="#ffd400",
    ),
}
THEME_NAMES = tuple(THEMES)

THEME = ThemeInUse(THEMES["light"])
"""The colours in use; painters read it at each paint, so ``use_theme`` takes effect at the
next repaint."""


def use_theme(name: str) -> None:
    THEME.theme = THEMES[name]


def brushes(look: Look) -> tuple[QBrush, QBrush | None]:
    """The look's brushes, made once per theme: painting asks for them thousands of times
    a frame."""
    return _brushes(look, THEME["free"])


@cache
def _brushes(look: Look, _theme_free: str) -> tuple[QBrush, QBrush | None]:
    return SWATCHES[look].brushes()
