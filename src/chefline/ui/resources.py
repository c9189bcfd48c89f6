"""Find Chefline's art, styles and translations from a checkout, a wheel or a frozen app."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve()
    candidates = [
        Path(getattr(sys, "_MEIPASS", "")) / "resources",  # PyInstaller bundle
        here.parents[1] / "resources",  # wheel: chefline/resources
        here.parents[3] / "resources",  # checkout: src/chefline/ui → repo/resources
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
