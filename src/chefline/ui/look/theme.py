"""The stylesheet and fonts: resources/styles/chefline.qss filled from the theme in use."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication

from chefline.assets import resource_path
from chefline.ui.look.palette import THEME, use_theme

MIN_FONT_SCALE = 0.8
MAX_FONT_SCALE = 2.5
TEXT_SCALE = "textScale"
"""The application's property holding the font scale (Ctrl+, Ctrl−), for what sizes in pixels."""


def stylesheet(scale: float = 1.0) -> str:
    """The app's stylesheet in the current theme, with every point size times ``scale``."""
    template = resource_path("styles", "chefline.qss").read_text(encoding="utf-8")

    def fill(match: re.Match[str]) -> str:
        key = match.group(1).strip()
        if key not in THEME:
            raise KeyError(f"chefline.qss uses {{{{{key}}}}}, which the theme does not define")
        return THEME.named(key)

    def grow(match: re.Match[str]) -> str:
        return f"{float(match.group(1)) * scale:.1f}pt"

    filled = re.sub(r"\{\{\s*(\w+)\s*\}\}", fill, template)
    return re.sub(r"(\d+(?:\.\d+)?)pt\b", grow, filled)


class Look:
    """The theme and font scale of the whole app; changing either restyles every window."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.base_point_size = app.font().pointSizeF()
        self.theme = "light"
        self.scale = 1.0

    def apply(self, theme: str | None = None, scale: float | None = None) -> None:
        self.theme = theme or self.theme
        if scale is not None:
            self.scale = min(max(scale, MIN_FONT_SCALE), MAX_FONT_SCALE)
        use_theme(self.theme)
        self.app.setProperty(TEXT_SCALE, self.scale)
        font = self.app.font()
        font.setPointSizeF(self.base_point_size * self.scale)
        self.app.setFont(font)
        self.app.setStyleSheet(stylesheet(self.scale))
        for widget in self.app.topLevelWidgets():
            widget.update()
