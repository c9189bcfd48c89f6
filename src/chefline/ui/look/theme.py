"""The stylesheet and fonts: resources/styles/chefline.qss filled from the theme in use."""

from __future__ import annotations

import re
from typing import Literal

from PySide6.QtWidgets import QApplication

from chefline.assets import resource_path
from chefline.ui.look.palette import THEME, use_theme
from chefline.ui.look.talk_sizes import MAX_TALK_SCALE, MIN_TALK_SCALE, TalkSizes, talk_stylesheet

MIN_FONT_SCALE = 0.8
MAX_FONT_SCALE = 2.5


def stylesheet(scale: float = 1.0, talk: TalkSizes | None = None) -> str:
    """The app's stylesheet in the current theme, with every point size times ``scale``;
    in a talk, with the sizes a room reads (``talk``) over it."""
    template = resource_path("styles", "chefline.qss").read_text(encoding="utf-8")

    def fill(match: re.Match[str]) -> str:
        key = match.group(1).strip()
        if key not in THEME:
            raise KeyError(f"chefline.qss uses {{{{{key}}}}}, which the theme does not define")
        return THEME.named(key)

    def grow(match: re.Match[str]) -> str:
        return f"{float(match.group(1)) * scale:.1f}pt"

    filled = re.sub(r"\{\{\s*(\w+)\s*\}\}", fill, template)
    sheet = re.sub(r"(\d+(?:\.\d+)?)pt\b", grow, filled)
    return sheet if talk is None else f"{sheet}\n{talk_stylesheet(talk)}\n"


class Look:
    """The theme and font scale of the whole app; changing either restyles every window.
    In a talk (``talk_lines``: the height of the window's screen) the talk's sizes, which
    follow the screen and the font scale, go over the stylesheet."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.base_point_size = app.font().pointSizeF()
        self.theme = "light"
        self.scale = 1.0
        self.talk_lines: int | None = None

    @property
    def talk(self) -> TalkSizes | None:
        """The talk's sizes while a talk is on screen (None: the developer view)."""
        return None if self.talk_lines is None else TalkSizes(self.talk_lines, self.scale)

    def apply(self, theme: str | None = None, scale: float | None = None,
              talk_lines: int | Literal["kept"] | None = "kept") -> None:  # fmt: skip
        """Restyle every window: ``theme``, text ``scale``, and the talk (the screen's
        height; None: out of the talk; "kept": as it is)."""
        self.theme = theme or self.theme
        if talk_lines != "kept":
            self.talk_lines = talk_lines
        least, most = ((MIN_TALK_SCALE, MAX_TALK_SCALE) if self.talk_lines
                       else (MIN_FONT_SCALE, MAX_FONT_SCALE))  # fmt: skip
        self.scale = min(max(self.scale if scale is None else scale, least), most)
        use_theme(self.theme)
        font = self.app.font()
        font.setPointSizeF(self.base_point_size * self.scale)
        self.app.setFont(font)
        self.app.setStyleSheet(stylesheet(self.scale, self.talk))
        for widget in self.app.topLevelWidgets():
            widget.update()
