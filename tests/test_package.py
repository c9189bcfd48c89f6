"""The frozen app built by `make package`: it starts, passes its own self-test, and fits."""

import os
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "dist" / "chefline"
ONE_FILE = ROOT / "dist" / "chefline-onefile"
MB = 1_000_000

pytestmark = pytest.mark.package


def size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    # Shared libraries appear twice, once as a symlink: count each file once, as du does.
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture(scope="module")
def built():
    if not (FOLDER / "chefline").exists():
        pytest.fail("no frozen app in dist/: run `make package` (make test-package does)")
    return FOLDER / "chefline"


def test_the_frozen_app_passes_its_self_test(built):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    began = time.monotonic()
    done = subprocess.run([str(built), "--self-test"], env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
    assert time.monotonic() - began < 30


def test_the_frozen_app_fits_its_size_budget(built):
    assert size(FOLDER) <= 150 * MB, f"one folder is {size(FOLDER) / MB:.0f} MB"
    assert size(ONE_FILE) <= 90 * MB, f"one file is {size(ONE_FILE) / MB:.0f} MB"


def test_the_frozen_app_knows_its_version(built):
    from chefline import __version__

    done = subprocess.run([str(built), "--version"], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == f"chefline {__version__}"
