"""Set-up on a fresh machine: `make run` installs what Qt needs, and the window's commands
say in one sentence why they cannot open a window instead of letting Qt abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chefline.cli.display_check import (
    DisplayProblem,
    check_display,
    missing_libraries,
    missing_libraries_sentence,
    platform_plugin,
)

ROOT = Path(__file__).parents[1]
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="X11/Wayland and ldd are Linux's")


def test_make_run_installs_qt_system_libraries_before_it_launches():
    """`make -n run` lists the Qt system-library step, and lists it before the app starts."""
    steps = subprocess.run(
        ["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    installs = [i for i, step in enumerate(steps) if "qt-system-libs.sh" in step]
    launches = [i for i, step in enumerate(steps) if step.strip().endswith("/chefline")]
    assert installs and launches, steps
    assert installs[0] < launches[0]


@linux_only
@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="needs a Debian-style system")
def test_without_root_a_missing_package_prints_the_install_line_and_stops(tmp_path):
    """Not root: the install line with the missing packages, and a failure that stops make."""
    command = ["sh", str(ROOT / "packaging" / "apt-missing.sh"), "--required", "Qt",
               "libc6", "chefline-no-such-package"]  # fmt: skip
    if os.getuid() == 0:  # as the developer who is not root would run it
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    done = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=30)
    assert done.returncode != 0
    assert "sudo apt-get install chefline-no-such-package" in done.stderr
    assert "libc6" not in done.stderr  # installed packages are not asked for


def chefline(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chefline", *args],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def environment_without_a_screen() -> dict[str, str]:
    return {
        name: value
        for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    } | {"LANG": "C.UTF-8", "LANGUAGE": ""}


@linux_only
def test_no_display_is_one_sentence_and_exit_2():
    """`chefline` in an SSH session or a container: no abort, one sentence, exit code 2."""
    done = chefline(environment_without_a_screen())
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "no display" in lines[0] and "chefline race" in lines[0]
    assert "xcb-cursor" not in done.stderr


@linux_only
def test_no_display_is_said_in_chinese_too():
    done = chefline(environment_without_a_screen() | {"LANGUAGE": "zh_CN"})
    assert done.returncode == 2
    assert "chefline race" in done.stderr and "DISPLAY" in done.stderr
    assert "there is no display" not in done.stderr


@linux_only
def test_a_display_that_does_not_answer_is_one_sentence():
    """DISPLAY names an X server that is not running: said so, instead of Qt's abort."""
    taken = {p.name for p in Path("/tmp/.X11-unix").glob("X*")}
    free = next(n for n in range(790, 900) if f"X{n}" not in taken)
    done = chefline(environment_without_a_screen() | {"DISPLAY": f":{free}"})
    assert done.returncode == 2, done.stderr
    assert f":{free} does not answer" in done.stderr


@linux_only
def test_snapshot_needs_no_display():
    """snapshot and --self-test draw offscreen by default, so a missing screen is no problem."""
    check_display({"QT_QPA_PLATFORM": "offscreen"})
    with pytest.raises(DisplayProblem):
        check_display({})


@linux_only
@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd")
def test_a_plugin_whose_libraries_are_missing_names_them(tmp_path):
    """A real plugin that cannot load: copied away from Qt's own libraries, ldd finds
    them missing, and the sentence names them and says what to do."""
    plugin = platform_plugin("xcb")
    assert plugin is not None
    assert missing_libraries(plugin) == []  # as installed, everything is there
    stray = tmp_path / plugin.name
    shutil.copy(plugin, stray)
    missing = missing_libraries(stray)
    assert "libQt6XcbQpa.so.6" in missing
    assert "reinstall PySide6" in missing_libraries_sentence("xcb", missing)


def test_missing_system_libraries_become_one_install_line():
    sentence = missing_libraries_sentence("xcb", ["libxcb-cursor.so.0", "libxcb-icccm.so.4"])
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4" in sentence
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in sentence
