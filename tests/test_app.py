"""The app as launched from a shell: snapshot to an image, and a clean exit on Ctrl+C."""

import os
import signal
import subprocess
import sys
import time

import psutil
from PySide6.QtGui import QImage

from chefline.cli import main

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}


def chefline(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "chefline", *args], env=ENV, capture_output=True, text=True,
        timeout=60, **kwargs,
    )  # fmt: skip


def test_snapshot_saves_a_real_race_at_the_asked_size(tmp_path):
    out = tmp_path / "race.png"
    done = chefline("snapshot", "--out", str(out), "-n", "4", "-d", "0.2", "--size", "1280x720")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)


def test_window_commands_refuse_bad_input_before_opening_a_window(capsys):
    # The checks run before Qt starts: the window runner is never called.
    never = []
    for argv, message in (
        (["snapshot", "--size", "huge"], "size must look like 1920x1080"),
        (["snapshot", "--size", "10x10"], "between 320x240"),
        (["snapshot", "--out", "race.gif"], ".png or .jpg"),
        (["window", "-n", "0"], "customers must be between 1 and 1000"),
        (["window", "-m", "nope"], "unknown kitchen mode"),
    ):
        assert main(argv, window=never.append) == 2
        assert message in capsys.readouterr().err
    assert never == []


def qt_noise(line: str) -> bool:
    """Lines the offscreen Qt platform prints for any window, not Chefline's output."""
    return "propagateSizeHints" in line


def ctrl_c_as_in_a_terminal() -> None:
    """A suite started in the background ignores SIGINT, and so would the app."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_window_closes_cleanly_on_ctrl_c_mid_race():
    # Ctrl+C with the one chef mid-dish and 50 async dishes on the stove, in three kitchens
    # (50: at 200 the one chef's 1000 s would be refused, and no race would run at all):
    # exit 0 long before the dishes on the stove are done (the app does not wait for them),
    # and nothing at all on stderr (no traceback, no warning).
    dish = 5.0
    kitchens = ["-m", "flask-one-chef", "-m", "fastapi-async", "-m", "flask-pool"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "chefline", "window", "--serve", "-n", "50", "-d", str(dish),
         *kitchens],
        env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=ctrl_c_as_in_a_terminal,
    )  # fmt: skip
    try:
        # Mid-race: until the kitchens hold the race's orders (however long a busy machine
        # takes to start the app), then a moment more.
        app = psutil.Process(proc.pid)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            held = [c for c in app.net_connections("tcp") if c.status == psutil.CONN_ESTABLISHED]
            if len(held) >= 100:  # fastapi-async's 50 and flask-pool's 50 (waitress takes all)
                break
            time.sleep(0.1)
        time.sleep(0.5)
        assert proc.poll() is None, proc.stderr.read()
        began = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=10)
        assert time.monotonic() - began < dish / 5
        assert proc.returncode == 0
        assert [line for line in err.splitlines() if not qt_noise(line)] == []
    finally:
        proc.kill()


def test_self_test_runs_a_real_race_and_passes():
    done = chefline("--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout


def test_the_app_logs_to_a_file_in_the_users_data_folder(tmp_path):
    # Warnings and errors reach chefline.log (a windowed, frozen app has no stderr).
    code = (
        "import logging; from chefline.app import start_qt; start_qt();"
        "logging.getLogger('chefline').error('the soufflé fell')"
    )
    env = {**ENV, "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    log = (tmp_path / "Chefline" / "chefline.log").read_text(encoding="utf-8")
    assert "ERROR chefline: the soufflé fell" in log
