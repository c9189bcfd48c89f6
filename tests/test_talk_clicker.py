"""The talk from a two-button clicker, in a real room: → alone gives the whole talk, a key
pressed during a scene change acts on the scene on screen, no box ever takes the keys, and
every text is whole and large enough for the back row, on a 1280×720 projector and a
1920×1080 monitor (tests/screens.json), in English and in Chinese.

Every key goes to ``QApplication.focusWidget()``, as a clicker's keys do, from the window as
``chefline`` opens it."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import warnings

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from chefline.assets import resource_path
from chefline.client.plan import scene_plan
from chefline.kitchen.scenes import load_talk
from chefline.texts import LANGUAGES
from chefline.ui.look.talk_sizes import LEAST_PX_AT_720, TalkText
from chefline.ui.talk.presenter import Stage, load_default_talk
from person import press, screen_named
from text_fit import misfits, pixels

TALK = load_default_talk()
SLOWER_MACHINE = 1.15
"""Room on a ratio to theory (a speed target, which ``chefline rehearse`` and ``make bench``
hold to the caption's bound) for a slower machine of the same kind; the within-race claims
(faster than, threads held, processes) are checked as they are."""


def no_box(window):
    """No dialog or message box anywhere: a box would take the clicker's keys."""
    assert QApplication.activeModalWidget() is None
    shown = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QDialog | QMessageBox) and w.isVisible()]  # fmt: skip
    assert shown == [], [w.objectName() or type(w).__name__ for w in shown]


async def until(condition, timeout):
    began = time.monotonic()
    while not condition():
        if time.monotonic() - began > timeout:
            raise TimeoutError
        await asyncio.sleep(0.02)


LLM_USERS_IN_CHINESE = 40


def talk_with_fewer_llm_users(folder):
    """The shipped talk, as a speaker's own copy (``--scenes``), whose LLM scene has 40
    users instead of 100: its claims still hold of 40 (threads held ≥ 30, async's most at
    once ≥ 20, five processes of which four cook at once, async ≥ 3× faster than them), and
    the worker processes serve 10 waves instead of 25 (about 25 s instead of 60)."""
    data = json.loads(resource_path("talk", "scenes.json").read_text(encoding="utf-8"))
    (llm,) = (scene for scene in data["scenes"] if scene["id"] == "llm-100")
    assert llm["race"]["customers"] > LLM_USERS_IN_CHINESE  # the shipped scene is larger
    llm["race"]["customers"] = LLM_USERS_IN_CHINESE
    path = folder / "scenes.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.long
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_talk_by_right_arrow_alone(
    qtbot, qloop, launch, wait_for_signal, tmp_path, language
):
    """→ is all a two-button clicker sends: each scene's first → serves its race, the next
    → goes on; every caption's claims are checked on the race it served (or said on screen
    not to be testable for want of free cores); Esc at the end leaves for the full view.

    In English the talk is the one that ships, at full length. In Chinese it is a copy of
    it whose LLM scene has 40 users instead of 100 (``talk_with_fewer_llm_users``): every
    scene's race still runs in Chinese and its claims are checked, a minute sooner; the
    100 users' race is the English walk's."""
    own = None if language == "en" else talk_with_fewer_llm_users(tmp_path)
    talk = TALK if own is None else load_talk(own)
    window = launch("projector", talk_file=own)
    presenter = window.presenter
    assert [(s.id, s.race) for s in presenter.talk.scenes] == [(s.id, s.race) for s in talk.scenes]
    assert "→" in window.banner.hint.text() and window.banner.hint.isVisible()  # at launch
    if language != "en":
        press(qtbot, Qt.Key.Key_L)
        qtbot.wait(100)  # the LanguageChange events Qt posts
    untestable = []

    async def talk_by_right_arrow():
        for number, scene in enumerate(talk.scenes):
            press(qtbot, Qt.Key.Key_Right)  # the next scene (the first: the talk begins)
            await wait_for_signal(presenter.sig_scene_changed, 60)
            assert presenter.index == number and window.session.mode_names == scene.kitchens
            assert window.banner.title.text() == scene.text("title", language)
            assert presenter.stage is Stage.READY
            no_box(window)
            press(qtbot, Qt.Key.Key_Right)  # serves
            if scene.action == "bad_order":
                await window.bad_order.pending
                replies = window.bad_order
                assert replies.isVisible() and replies.answers["fastapi"].status == 422
                assert replies.answers["flask"].status == 400
            else:
                (result,) = await wait_for_signal(window.session.sig_race_finished, 150)
                assert not result.cancelled
                check = presenter.last_check
                assert check is not None and check.scene.id == scene.id
                summaries = {n: t.summary() for n, t in result.timelines.items()}
                costs = {n: t.cost for n, t in result.timelines.items()}
                problems = scene.problems(summaries, costs, check.spare_cores, SLOWER_MACHINE)
                assert problems == [], (scene.id, problems)
                if check.untestable:  # said on screen, never a silent contradiction
                    untestable.append(scene.id)
                    assert window.banner.message.isVisible()
                    assert "Shift+P" in window.banner.message.text()
            assert presenter.stage is Stage.DONE
            no_box(window)

    qloop.run_until_complete(talk_by_right_arrow())
    press(qtbot, Qt.Key.Key_Right)  # closes the bad order's replies, nothing else
    assert not window.bad_order.isVisible() and presenter.index == len(talk.scenes) - 1
    press(qtbot, Qt.Key.Key_Escape)  # the talk is over: the full developer view
    assert not presenter.active and window.controls.isVisible()
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
    for panel in window.panels.values():
        assert panel.scoreboard.headline == () and panel.scoreboard.figures["served"].isVisible()
    print("claims not testable here for want of free cores:", untestable or "none")


def test_a_key_pressed_during_a_scene_change_acts_on_the_scene_on_screen(
    qtbot, qloop, launch, wait_for_signal
):
    """→ then Space within 50 ms at every scene change (and → twice fast): the race that
    runs is always the one of the scene on screen, and no box ever appears."""
    window = launch("projector")
    presenter, session = window.presenter, window.session
    started = []
    session.sig_race_started.connect(
        lambda: started.append((presenter.index, list(session.mode_names), session.plan))
    )

    async def walk():
        for number, scene in enumerate(TALK.scenes):
            twice = number % 2 == 1  # → → on every other scene, → Space on the rest
            press(qtbot, Qt.Key.Key_Right)
            await asyncio.sleep(0.03)
            press(qtbot, Qt.Key.Key_Right if twice else Qt.Key.Key_Space)
            no_box(window)
            if scene.action == "bad_order":
                await until(lambda: window.bad_order.pending is not None, 30)
                await window.bad_order.pending
                assert window.bad_order.isVisible()
            else:
                await until(lambda n=number: started and started[-1][0] == n, 60)
                _, kitchens, plan = started[-1]
                assert kitchens == scene.kitchens, (scene.id, kitchens)
                wanted = scene_plan(scene)
                assert plan.arrivals == wanted.arrivals and plan.recipe == wanted.recipe
                assert window.banner.title.text() == scene.text("title", "en")
            no_box(window)
        # The last scene's replies close with → (a clicker key); the talk stays on it.
        press(qtbot, Qt.Key.Key_Right)
        assert not window.bad_order.isVisible()

    qloop.run_until_complete(walk())
    assert [index for index, _, _ in started] == list(range(len(TALK.scenes) - 1))


def room_sizes_problems(window):
    """The talk's texts at least as large as the back row needs, on this window's screen."""
    if not window.presenter.active:
        return []  # the developer view: a desk's sizes
    lines = window.screen().geometry().height()

    def least(kind):
        return LEAST_PX_AT_720[kind] * lines / 720 - 0.5

    found = []
    for label in (window.banner.title, window.banner.caption):
        if pixels(label) < least(TalkText.TITLE):
            found.append(f"{label.objectName()} {pixels(label)} px")
    for panel in window.panels.values():
        for key in panel.scoreboard.headline:
            figure = panel.scoreboard.figures[key]
            if pixels(figure) < least(TalkText.FIGURE):
                found.append(f"{panel.kitchen.name} {key} {pixels(figure)} px")
        if panel.code.isVisible() and QFontInfo(panel.code.font()).pixelSize() < least(
            TalkText.CODE
        ):
            found.append(f"{panel.kitchen.name} code {pixels(panel.code)} px")
        if panel.code_line.isVisible() and pixels(panel.code_line) < least(TalkText.CODE):
            found.append(f"{panel.kitchen.name} code line {pixels(panel.code_line)} px")
        if pixels(panel.timeline) < least(TalkText.LANES):
            found.append(f"{panel.kitchen.name} lanes {pixels(panel.timeline)} px")
    return found


def window_on_screen(window):
    area = window.screen().geometry()
    inside = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
    return area.contains(inside)


def shorten_race(window):
    """The scene's race made short: this test is about what is on screen, not its figures."""
    controls = window.controls
    controls.customers.setValue(min(controls.customers.value(), 8))
    controls.wait.setValue(min(controls.wait.value(), 0.2))
    controls.tokens.setValue(4)


SETTLE = 0.1
"""Seconds for Qt's posted events after a change of scene, language or screen
(LanguageChange, then the layout requests and zero-time fitting timers they start); on a
busy machine the layouts may take longer, and a check waits up to ``SETTLED`` for them."""
SETTLED = 2.0


@pytest.mark.long
def test_every_scene_and_overlay_fits_the_room(qtbot, qloop, launch, wait_for_signal):
    """On a 1280×720 projector and a 1920×1080 monitor, in English and in Chinese, and one
    step larger (Ctrl+): no text is cut or elided, every figure, title, caption, code and lane
    label is as large as the back row needs, and the window stays within its screen — in every
    scene, before and after its race, and in every overlay (help, the comparison table, the
    bad order's replies, the blank screen). One walk: each scene is shown on both screens in
    both languages (the window moves between screens, as a speaker's does)."""
    window = launch("projector")
    presenter = window.presenter
    # Each place differs from the one before it in one thing (the screen or the language),
    # and the last from the first: a check goes round from wherever the window is.
    zh = next(language for language in LANGUAGES if language != "en")
    places = [("projector", "en"), ("projector", zh), ("monitor", zh), ("monitor", "en")]

    def where_now():
        return window.screen().name(), presenter.language.current

    async def show(screen, language):
        if window.screen().name() != screen:  # carried to the other screen, full screen there
            window.hide()
            window.windowHandle().setScreen(screen_named(screen))
            window.setGeometry(screen_named(screen).geometry())
            window.showFullScreen()
            window.windowHandle().requestActivate()
            # Offscreen, the window system's focus never left this window, so Qt does not
            # tell the application that it is active again: say it, as a window manager does
            # (Qt marks the call deprecated for apps; a test standing in for the system may).
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                QApplication.setActiveWindow(window)
            await until(lambda: window.screen().name() == screen and window.isActiveWindow()
                        and window_on_screen(window), 5)  # fmt: skip
        if presenter.language.current != language:
            press(qtbot, Qt.Key.Key_L)
        await asyncio.sleep(SETTLE)  # language events, then the layouts they invalidate

    def whole_and_large():
        return misfits(window) == [] and room_sizes_problems(window) == []

    async def check(where):
        first = places.index(where_now())
        for screen, language in places[first:] + places[:first]:
            await show(screen, language)
            here = (*where, screen, language)
            assert presenter.language.current == language and window.screen().name() == screen
            with contextlib.suppress(TimeoutError):  # the layouts a busy machine is still doing
                await until(whole_and_large, SETTLED)
            assert misfits(window) == [], (here, misfits(window))
            assert room_sizes_problems(window) == [], here
            assert window_on_screen(window), here

    async def scene_and_race(where):
        await wait_for_signal(presenter.sig_scene_changed, 60)
        shorten_race(window)
        await check((*where, "before its race"))
        press(qtbot, Qt.Key.Key_Right)
        if presenter.scene.action == "bad_order":
            await window.bad_order.pending
        else:
            await wait_for_signal(window.session.sig_race_finished, 60)
        await check((*where, "after its race"))

    async def overlays(where):
        press(qtbot, Qt.Key.Key_Right)  # closes the replies, or nothing to close
        for key in (Qt.Key.Key_Question, Qt.Key.Key_C, Qt.Key.Key_B):
            press(qtbot, key)
            await check((*where, key))
            press(qtbot, Qt.Key.Key_Escape)
            assert not (window.help_overlay.isVisible() or window.comparison.isVisible()
                        or window.blank.isVisible())  # fmt: skip

    async def walk():
        await check(("launch",))
        for scene in TALK.scenes:
            press(qtbot, Qt.Key.Key_Right)
            await scene_and_race((scene.id,))
        await overlays(("overlays",))
        # One step larger (Ctrl+), the crowded scene (four kitchens) and the overlays again.
        press(qtbot, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        assert presenter.look.scale > 1.1
        press(qtbot, Qt.Key.Key_Left)
        await scene_and_race(("llm-100", "larger"))
        await overlays(("overlays", "larger"))

    qloop.run_until_complete(walk())
