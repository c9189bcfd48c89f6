"""The frozen app built by `make package`: it starts, passes its own self-test, and fits."""

import os
import subprocess
import sys
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


def test_the_frozen_app_starts_kitchens_in_processes_of_their_own(built):
    # The frozen app is its own child: `chefline _kitchen-child` must work with no Python.
    done = subprocess.run([str(built), "race", "-m", "flask-gevent", "-m", "flask-processes",
                           "-n", "4", "-d", "0.2", "--workers", "2"],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("flask-")]
    assert len(rows) == 2 and all("4/4" in row and "MB" in row for row in rows)


def test_the_frozen_app_fits_its_size_budget(built):
    assert size(FOLDER) <= 150 * MB, f"one folder is {size(FOLDER) / MB:.0f} MB"
    assert size(ONE_FILE) <= 90 * MB, f"one file is {size(ONE_FILE) / MB:.0f} MB"


def test_the_frozen_app_knows_its_version(built):
    from chefline import __version__

    done = subprocess.run([str(built), "--version"], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == f"chefline {__version__}"


def test_a_wheel_installs_a_working_chefline_with_its_resources(tmp_path):
    # `pip install .` into a fresh environment: the command works and finds its art.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                          str(ROOT)], capture_output=True, text=True, timeout=600)  # fmt: skip
    assert pip.returncode == 0, pip.stderr[-2000:]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([str(venv / "bin" / "chefline"), "--self-test"], env=env,
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c",
         "from chefline.assets import resources_dir; print(resources_dir())"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    ).stdout  # fmt: skip
    assert "site-packages" in where


def test_install_desktop_puts_a_launcher_in_the_menu(tmp_path):
    done = subprocess.run(["make", "install-desktop", f"HOME={tmp_path}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr
    entry = (tmp_path / ".local/share/applications/chefline.desktop").read_text()
    assert "Exec=" in entry and "@CHEFLINE@" not in entry and "Icon=chefline" in entry
    assert (tmp_path / ".local/share/icons/hicolor/scalable/apps/chefline.svg").exists()
