"""Sizes and launch times of the frozen app in dist/ (build it with `make package`)."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from common import ROOT, Row, median

MB = 1_000_000


def size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def launch_seconds(executable: Path) -> float:
    """Launch → window shown with its kitchens → one order served → image saved → exit: an
    upper bound of launch-to-window (median of three)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(3):
            began = time.perf_counter()
            subprocess.run(
                [str(executable), "snapshot", "-n", "1", "-d", "0", "--out", f"{folder}/x.png"],
                env=env, check=True, capture_output=True, timeout=120,
            )  # fmt: skip
            times.append(time.perf_counter() - began)
    return median(times)


def package() -> list[Row]:
    folder, one_file = ROOT / "dist" / "chefline", ROOT / "dist" / "chefline-onefile"
    if not (folder / "chefline").exists() or not one_file.exists():
        raise RuntimeError("no frozen app in dist/: run `make package` first")
    folder_mb, file_mb = size(folder) / MB, size(one_file) / MB
    folder_s, file_s = launch_seconds(folder / "chefline"), launch_seconds(one_file)
    return [
        Row("package", "one-folder app size", f"{folder_mb:.0f} MB", "≤ 150 MB", folder_mb <= 150),
        Row("package", "one-file executable size", f"{file_mb:.0f} MB", "≤ 90 MB", file_mb <= 90),
        Row("package", "one-folder launch → window → one order → exit (median of 3)",
            f"{folder_s:.2f} s", "≤ 2 s", folder_s <= 2.0),
        Row("package", "one-file launch (unpacks first) → window → one order → exit",
            f"{file_s:.2f} s", "", None),
    ]  # fmt: skip
