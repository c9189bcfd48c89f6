"""Find Chefline's art, styles, translations and talk from a checkout, a wheel or a frozen app.

No Qt here: the command line reads the talk and the translations too."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve()
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [
        *([Path(frozen) / "resources"] if frozen else []),  # PyInstaller bundle
        here.parent / "resources",  # wheel: chefline/resources
        here.parents[2] / "resources",  # checkout: src/chefline → repo/resources
    ]
    for candidate in candidates:
        if (candidate / "art").is_dir():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"Chefline's resources folder is missing (looked in {searched})")


def resource_path(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {path}")
    return path
