"""Saved races from the command line and the window (issue 29): a replay opens the kitchens it
raced (the shipped llm-100 replay showed one of its four), ``chefline window --open`` and
``chefline snapshot --open`` take a saved race, and a bad one is one sentence, exit 2."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtGui import QImage

from chefline.assets import resource_path

LLM_100 = resource_path("talk", "replays", "llm-100.json.gz")
FOUR = ["flask-threaded", "flask-gevent", "fastapi-async", "flask-processes"]


def test_a_replay_opens_the_kitchens_it_raced(qtbot, qloop, open_window):
    window = open_window(["flask-one-chef"])
    files = window.files

    async def open_it() -> bool:  # as Ctrl+O does, on the window's loop
        assert files.open_race(LLM_100)
        assert files.opened is not None
        return await files.opened

    assert qloop.run_until_complete(open_it())  # every one of them opened
    assert window.session.mode_names == FOUR
    assert sorted(window.panels) == sorted(FOUR)
    player = window.session.replay
    assert player.active and player.recorded
    assert sorted(player.result.timelines) == sorted(FOUR)


def test_a_replay_of_open_kitchens_starts_at_once(qtbot, open_window):
    window = open_window(["flask-one-chef"])
    assert window.files.open_race(resource_path("talk", "replays", "one-chef.json.gz"))
    assert window.files.opened is None and window.session.replay.active


def chefline(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "chefline", *argv], capture_output=True,
                          text=True, timeout=180)  # fmt: skip


def test_snapshot_open_saves_a_saved_race_whole(tmp_path):
    out = tmp_path / "race.png"
    run = chefline("snapshot", "--open", str(LLM_100), "--out", str(out), "--size", "1280x720")
    assert run.returncode == 0, run.stderr
    picture = QImage(str(out))
    assert (picture.width(), picture.height()) == (1280, 720)
    assert run.stdout.startswith(f"saved {out} (1280x720)")
    for name in FOUR:  # the figures the picture shows, every kitchen's
        assert f"  {name}: " in run.stdout


def test_snapshot_open_refuses_a_broken_file_in_one_sentence(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "chefline-race/1", "customers": "many"}', encoding="utf-8")
    run = chefline("snapshot", "--open", str(broken), "--out", str(tmp_path / "x.png"))
    assert run.returncode == 2
    assert run.stderr.startswith("chefline: broken.json is damaged: customers is not a whole")
    assert run.stderr.count("\n") == 1 and not (tmp_path / "x.png").exists()
