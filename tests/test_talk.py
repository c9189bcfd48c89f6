"""The talk's keys and what they show: code, theme, text size, notes, help, the comparison
table, translations, replays and recordings. (The whole talk by → alone, each caption's claims
checked, is tests/test_talk_clicker.py.)"""

import asyncio

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPlainTextEdit

from chefline.texts import LANGUAGES
from chefline.ui.look.palette import THEME, THEMES
from chefline.ui.talk.presenter import load_default_talk

TALK = load_default_talk()


@pytest.fixture
def speaker(qtbot, open_window):
    """The window as a speaker has it: active (it gets the keys), in English at the start;
    language, theme and font size are put back afterwards."""
    window = open_window([])
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    window.presenter.language.use("en")
    window.presenter.look.apply(theme="light", scale=1.0, talk_lines=None)


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window, key, modifier)


def short_race(qtbot, qloop, window, wait_for_signal, scene_id, customers, wait):
    """Scene ``scene_id`` with a smaller race, served by Space; the race's result."""
    qloop.run_until_complete(window.presenter.go(TALK.index_of(scene_id)))
    window.controls.customers.setValue(customers)
    window.controls.wait.setValue(wait)

    async def race():
        qtbot.keyClick(window, Qt.Key.Key_Space)
        return (await wait_for_signal(window.session.sig_race_finished, 30))[0]

    return qloop.run_until_complete(race())


def test_the_talk_has_every_scene_in_both_languages():
    ids = [scene.id for scene in TALK.scenes]
    assert ids == ["one-chef", "juggler", "head-to-head", "the-mistake", "thread-pool",
                   "cpu-bound", "llm-100", "validation"]  # fmt: skip
    for scene in TALK.scenes:
        for language in LANGUAGES:
            assert scene.text("title", language) and scene.text("notes", language)
    # Every row of the reference's table opens a scene that exists.
    assert len(TALK.table) == 8 and {row.scene for row in TALK.table} <= set(ids)


def test_the_route_that_runs_is_shown_beside_its_kitchen(qtbot, qloop, speaker, wait_for_signal):
    window = speaker
    qloop.run_until_complete(window.presenter.go(TALK.index_of("the-mistake")))
    codes = {name: panel.code.toPlainText() for name, panel in window.panels.items()}
    assert all(panel.code.isVisible() for panel in window.panels.values())
    # The blocking kitchen's route is async def, and the step it calls is time.sleep.
    assert "async def cook_blocking" in codes["fastapi-blocking"]
    assert "time.sleep(seconds)" in codes["fastapi-blocking"]
    assert "await asyncio.sleep(seconds)" in codes["fastapi-async"]
    assert isinstance(window.panels["fastapi-async"].code, QPlainTextEdit)


def test_theme_font_notes_help_and_table_keys(qtbot, qloop, speaker, wait_for_signal):
    window = speaker
    qloop.run_until_complete(window.presenter.go(0))
    panel_colour = THEME["panel"]
    press(qtbot, window, Qt.Key.Key_T)
    assert window.presenter.look.theme == "dark" and THEME["panel"] == THEMES["dark"]["panel"]
    assert THEMES["dark"]["panel"] in QApplication.instance().styleSheet()
    press(qtbot, window, Qt.Key.Key_T)
    assert window.presenter.look.theme == "contrast"
    press(qtbot, window, Qt.Key.Key_T)
    assert THEME["panel"] == panel_colour
    size = QApplication.font().pointSizeF()
    press(qtbot, window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() > size * 1.1
    press(qtbot, window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == pytest.approx(size, rel=0.01)
    press(qtbot, window, Qt.Key.Key_N)
    assert window.notes.isVisible() and TALK.scenes[0].notes["en"] in window.notes.text.toHtml()
    press(qtbot, window, Qt.Key.Key_N)
    assert not window.notes.isVisible()
    qtbot.keyClick(window, "?")
    assert window.help_overlay.isVisible()
    qtbot.keyClick(window.help_overlay, Qt.Key.Key_Escape)
    assert not window.help_overlay.isVisible()
    # The comparison table: Enter on a row opens the scene that shows it.
    press(qtbot, window, Qt.Key.Key_C)
    assert window.comparison.isVisible()
    row = next(i for i, r in enumerate(TALK.table) if r.scene == "cpu-bound")
    window.comparison.table.selectRow(row)

    async def enter():
        qtbot.keyClick(window.comparison.table, Qt.Key.Key_Return)
        return await wait_for_signal(window.presenter.sig_scene_changed, 30)

    (index,) = qloop.run_until_complete(enter())
    assert TALK.scenes[index].id == "cpu-bound" and not window.comparison.isVisible()


def test_no_visible_string_is_left_untranslated_in_either_language(qtbot, qloop, speaker):
    """Every text on screen (labels, buttons, menus, tooltips) is Chinese in Chinese and has
    no Chinese in English: a string that skipped Qt's translation shows up here."""
    from chefline.ui.race.kitchen_scene import KitchenScene

    window = speaker
    qloop.run_until_complete(window.presenter.go(TALK.index_of("head-to-head")))
    for language in LANGUAGES:
        window.presenter.language.use(language)
        qtbot.wait(100)  # Qt posts the LanguageChange events; widgets re-read their texts then
        texts = _visible_texts(window)
        if language == "en":
            leaks = [t for t in texts if _has_chinese(t) and "中文" not in t]
        else:
            leaks = [t for t in texts if _english_words(t)]
        assert leaks == [], (language, leaks[:10])
        # Painted texts too: the kitchen picture's captions.
        scene = window.findChild(KitchenScene)
        state = window.session.timelines.get(scene.kitchen)
        caption = scene.chef_caption(state.kitchen_now()) if state else scene.tr("chef free")
        assert _has_chinese(caption) == (language == "zh_CN")


# Words that stay as they are in Chinese: names, code, units and protocol terms.
KEEP = {
    "flask",
    "fastapi",
    "chefline",
    "pydantic",
    "ttft",
    "token",
    "tokens",
    "api",
    "llm",
    "http",
    "post",
    "get",
    "chat",
    "cook",
    "docs",
    "json",
    "ctrl",
    "space",
    "pgdn",
    "pgup",
    "esc",
    "english",
    "openai",
    "ollama",
    "vllm",
    "lm",
    "studio",
    "max",
    "id",
    "wait",
    "io",
    "cpu",
    "pss",
    "linux",
    "mit",
    "qt",
    "ms",
    "mb",
    "s",
    "k",
    "p",
    "f",
    "n",
    "t",
    "l",
    "c",
    "r",
    "gevent",
    "async",
    "def",
    "await",
    "sleep",
    "time",
    "asyncio",
    "uvicorn",
    "werkzeug",
    "waitress",
    "gunicorn",
    "perfetto",
    "python",
    "threaded",
    "false",
    "true",
    "httpx",
    "client",
    "stream",
    "asyncclient",
    "sync",
    "workers",
    "monkey",
    "patching",
    "thread",
    "pool",
    "anyio",
    "view",
    "asgiref",
    "with",
    "processes",
    "e",
    "q",
    "o",
    "b",
    "d",
    "m",
    "a",
    "h",
    "v",
    "x",
    "del",
    "wsgi",
    "png",
    "gif",
    "i",
    "socket",
}


def _english_words(text: str) -> list[str]:
    import re

    if text.startswith(("def ", "async def", "# ")) or "://" in text or "@app" in text:
        return []  # route code and addresses are code
    words = re.findall(r"[A-Za-z]+", text.replace("flask-", "").replace("fastapi-", ""))
    # Single letters are keys and menu mnemonics (&G), not words.
    return [w for w in words if len(w) > 1 and w.lower() not in KEEP]


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _visible_texts(window) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QMenu

    texts = [window.windowTitle()]
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window) and label.objectName() not in ("kitchenRoute", "codeLine"):
            texts += [label.text(), label.toolTip()]
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window):
            texts += [button.text(), button.toolTip()]
    for combo in window.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())] + [combo.toolTip()]
    for menu in window.findChildren(QMenu):
        texts.append(menu.title())
        texts += [action.text() for action in menu.actions() if not action.isSeparator()]
    texts += [action.text() for action in window.menus.kitchen_actions.values()]
    kitchens = set(window.menus.kitchen_actions)
    # A kitchen's menu entry is its name and route (code); its tooltip is translated.
    texts = [t for t in texts if t and t.partition(" — ")[0] not in kitchens]
    texts += [action.toolTip() for action in window.menus.kitchen_actions.values()]
    return [t for t in texts if t.strip() and not t.strip().startswith("<")]


def test_the_cli_speaks_the_locale(monkeypatch, capsys):
    from chefline import texts
    from chefline.cli.main import main

    monkeypatch.setattr(texts._Language, "current", "zh_CN")
    assert main(["modes"]) == 0
    out = capsys.readouterr().out
    assert "你会看到" in out and "一个厨师一次只做一道菜" in out
    assert main(["race", "-m", "fastapi-async", "-n", "3", "-d", "0.1"]) == 0
    out = capsys.readouterr().out
    assert "总用时" in out and "每个厨房 3 位客人" in out
    monkeypatch.setattr(texts._Language, "current", "en")
    assert main(["modes"]) == 0
    assert "what you will see" in capsys.readouterr().out
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert texts.language_from_environment() == "zh_CN"


def test_every_translatable_string_has_its_chinese():
    """The .ts holds every string the sources mark (pyside6-lupdate finds none new) and each
    has a finished Chinese translation."""
    import shutil
    import subprocess
    import sys
    import tempfile
    import xml.etree.ElementTree as ElementTree
    from pathlib import Path

    root = Path(__file__).parents[1]
    committed = root / "resources" / "translations" / "chefline_zh_CN.ts"

    def messages(path):
        found = {}
        for context in ElementTree.parse(path).getroot().iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                found[(context.findtext("name"), message.findtext("source"))] = translation
        return found

    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = [str(p) for p in sorted((root / "src" / "chefline").rglob("*.py"))]  # as make ts
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        shutil.copy(committed, fresh)
        subprocess.run([str(lupdate), "-no-obsolete", *sources, "-ts", str(fresh)], check=True,
                       capture_output=True)  # fmt: skip
        marked = set(messages(fresh))
    known = messages(committed)
    assert marked - set(known) == set(), "run `make ts` and translate the new strings"
    unfinished = [key for key in marked
                  if known[key] is None or known[key].get("type") == "unfinished"
                  or not (known[key].text or "").strip()]  # fmt: skip
    assert unfinished == []


def test_replay_plays_steps_and_scrubs_a_recorded_race(qtbot, qloop, speaker, wait_for_signal):
    window = speaker
    result = short_race(qtbot, qloop, window, wait_for_signal, "head-to-head", 4, 0.3)
    player = window.session.replay
    press(qtbot, window, Qt.Key.Key_P)
    assert player.active and player.playing and window.replay_bar.isVisible()
    assert "REPLAY" in window.replay_bar.badge.text()
    press(qtbot, window, Qt.Key.Key_Space)  # pause
    assert not player.playing
    press(qtbot, window, Qt.Key.Key_BracketLeft)
    press(qtbot, window, Qt.Key.Key_BracketLeft)
    assert player.speed == 0.25
    for _ in range(7):
        press(qtbot, window, Qt.Key.Key_BracketRight)
    assert player.speed == 4.0  # the fastest
    player.seek(0.0)
    press(qtbot, window, Qt.Key.Key_Greater)  # the next event: the first customers' orders
    first = player.moment
    press(qtbot, window, Qt.Key.Key_Greater)
    assert player.moment > first
    press(qtbot, window, Qt.Key.Key_Less)
    assert player.moment == pytest.approx(first)
    # Halfway, the one chef has served about half; at the end, exactly what was recorded.
    player.seek(player.duration / 2)
    one_chef = window.session.timelines["flask-one-chef"]
    assert 1 <= len(one_chef.served) <= 3
    player.seek(player.duration)
    for name, recorded in result.timelines.items():
        rebuilt = window.session.timelines[name]
        assert rebuilt.summary().makespan == pytest.approx(recorded.summary().makespan)
        assert len(rebuilt.served) == len(recorded.served)
    press(qtbot, window, Qt.Key.Key_P)  # back to live: the whole race again, Serve enabled
    assert not player.active and window.session.timelines is result.timelines
    assert window.controls.serve_button.isEnabled()


def test_a_saved_race_opens_as_a_badged_replay(qtbot, qloop, speaker, tmp_path, wait_for_signal):
    from chefline.client.export import save_json

    window = speaker
    result = short_race(qtbot, qloop, window, wait_for_signal, "juggler", 3, 0.2)
    path = save_json(result, tmp_path / "race.json")
    assert window.files.open_race(path)
    assert window.session.replay.recorded and "RECORDED" in window.replay_bar.badge.text()
    bad = tmp_path / "not-a-race.json"
    bad.write_text('{"hello": 1}')
    assert not window.files.open_race(bad)
    assert "not a race saved by Chefline" in window.last_error
    for box in window.findChildren(QMessageBox):  # the speaker reads it and closes it
        box.close()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    # The recorded race shipped for a scene plays with Shift+P, badged as recorded.
    window.session.replay.stop()
    press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.replay.active and window.session.replay.recorded
    assert set(window.session.replay.result.timelines) == {"fastapi-async"}
    assert window.banner.badge.isVisible()  # never a silent fake


def test_leaving_a_scene_mid_race_stops_the_race(qtbot, qloop, speaker, wait_for_signal):
    window = speaker
    qloop.run_until_complete(window.presenter.go(TALK.index_of("one-chef")))

    async def go():
        qtbot.keyClick(window, Qt.Key.Key_Space)
        await asyncio.sleep(0.3)
        assert window.session.running
        qtbot.keyClick(window, Qt.Key.Key_Right)
        return await wait_for_signal(window.presenter.sig_scene_changed, 30)

    (index,) = qloop.run_until_complete(go())
    assert index == 1 and not window.session.running
    assert window.session.mode_names == ["fastapi-async"]


def test_the_view_exports_at_1080p_and_a_replay_as_an_animated_gif(
    qtbot, qloop, speaker, tmp_path, wait_for_signal
):
    from PySide6.QtGui import QImage, QImageReader

    window = speaker
    short_race(qtbot, qloop, window, wait_for_signal, "one-chef", 3, 0.2)
    png = window.files.export_view_png(tmp_path / "view.png")
    assert QImage(str(png)).size().toTuple() == (1920, 1080)
    gif = qloop.run_until_complete(window.files.export_replay_gif(tmp_path / "race.gif"))
    reader = QImageReader(str(gif))
    frames = []
    while reader.canRead():
        frames.append(reader.read())
    assert len(frames) >= 30 and frames[0].width() == 960
    # The queue fills in as the replay moves: the first and last frames differ.
    assert frames[0] != frames[-1]


def test_quick_key_presses_are_taken_in_turn_and_leave_no_stray_kitchen(
    qtbot, qloop, speaker, wait_for_signal
):
    import threading

    window = speaker

    async def three_presses():
        # → opens scene 1, → (before it is open) serves it once open, → goes on to scene 2:
        # each press is one step of the talk, whatever has opened meanwhile.
        for _ in range(3):
            press(qtbot, window, Qt.Key.Key_Right)
        while True:
            (index,) = await wait_for_signal(window.presenter.sig_scene_changed, 30)
            if index == 1:
                return index

    assert qloop.run_until_complete(three_presses()) == 1
    assert window.session.mode_names == TALK.scenes[1].kitchens
    assert not window.session.running  # scene 1's race was left before it began
    serving = sorted(t.name for t in threading.enumerate() if t.name.startswith("kitchen-"))
    assert serving == sorted(f"kitchen-{name}" for name in TALK.scenes[1].kitchens)
