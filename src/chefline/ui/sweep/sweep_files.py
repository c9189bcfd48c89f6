"""A sweep as files: the recording that ships, and an export like a race's."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from chefline.assets import resource_path
from chefline.client.sweep_file import load_sweep, save_sweep, save_sweep_csv
from chefline.kitchen.capacity import Sweep
from chefline.kitchen.errors import BadInput
from chefline.ui.sweep.curve_pictures import save_curve_picture

EXPORT_SIZE = (1920, 1080)
RECORDED = ("sweeps", "four-kitchens-1-to-1000-users.json")
"""Shown when the capacity window first opens: the sweep of ``make bench``
(``benchmarks/sweep.py --record``)."""

log = logging.getLogger(__name__)


def recorded_sweep() -> Sweep | None:
    """The sweep that ships with Chefline, or None (logged) if the install lost it."""
    try:
        return load_sweep(resource_path(*RECORDED))
    except (FileNotFoundError, BadInput) as error:
        log.warning("the recorded sweep could not be shown: %s", error)
        return None


def export_sweep_files(sweep: Sweep, folder: Path) -> list[Path]:
    """The sweep as JSON (to open again), CSV, and the curve as PNG and SVG, in ``folder``;
    ChefError or OSError if one cannot be written."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / f"chefline-sweep-{time.strftime('%Y%m%d-%H%M%S')}"
    return [save_sweep(sweep, stem.with_suffix(".json")),
            save_sweep_csv(sweep, stem.with_suffix(".csv")),
            save_curve_picture(sweep, stem.with_suffix(".png"), EXPORT_SIZE),
            save_curve_picture(sweep, stem.with_suffix(".svg"), EXPORT_SIZE)]  # fmt: skip
