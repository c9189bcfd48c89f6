"""The stylesheet: resources/styles/*.qss with {{placeholders}} filled from the palette."""

from __future__ import annotations

import re

from chefline.ui.palette import THEME
from chefline.ui.resources import resource_path


def stylesheet(name: str = "light") -> str:
    template = resource_path("styles", f"{name}.qss").read_text(encoding="utf-8")

    def fill(match: re.Match[str]) -> str:
        key = match.group(1).strip()
        if key not in THEME:
            raise KeyError(f"{name}.qss uses {{{{{key}}}}}, which the theme does not define")
        return THEME[key]

    return re.sub(r"\{\{\s*(\w+)\s*\}\}", fill, template)
