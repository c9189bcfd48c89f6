"""What the screen says bears the caption out: a finished kitchen's figures stop, kitchens
that take turns are each timed from their own start, the CPU dish is not called a sleep, and
the figures a caption speaks of are large enough for the back row."""

import asyncio

import pytest
from PySide6.QtGui import QFontInfo

from chefline.ui.race import kitchen_clock
from chefline.ui.talk.presenter import load_default_talk, spoken_figures
from chefline.ui.talk.speaker_notes import clock_text

TALK = load_default_talk()


def figure(window, kitchen, key):
    return window.panels[kitchen].scoreboard.figures[key].text()


def test_a_finished_kitchen_stops_its_clock_while_the_other_cooks(
    qtbot, qloop, open_window, wait_for_signal
):
    window = open_window([])
    qloop.run_until_complete(window.presenter.go(TALK.index_of("head-to-head")))
    window.controls.customers.setValue(5)
    window.controls.wait.setValue(0.3)  # async: about 0.3 s; one chef: about 1.5 s

    async def race():
        assert window.serve()
        fast = window.session.timelines["fastapi-async"]
        while len(fast.served) < 5:
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.2)  # a scoreboard refresh or two
        board = window.panels["fastapi-async"].scoreboard
        board.refresh()
        first = figure(window, "fastapi-async", "makespan"), board.verdict.text()
        slow_first = figure(window, "flask-one-chef", "makespan")
        await asyncio.sleep(0.4)
        assert window.session.running  # the one chef is still cooking
        for panel in window.panels.values():
            panel.scoreboard.refresh()
        later = figure(window, "fastapi-async", "makespan"), board.verdict.text()
        slow_later = figure(window, "flask-one-chef", "makespan")
        await wait_for_signal(window.session.sig_race_finished, 30)
        return first, later, slow_first, slow_later

    first, later, slow_first, slow_later = qloop.run_until_complete(race())
    assert first == later and "×" in later[1] and "cooking" not in later[1]
    assert float(slow_later.split()[0]) > float(slow_first.split()[0]) + 0.2
    summary = window.session.timelines["fastapi-async"].summary()
    assert first[0] == f"{summary.makespan:.2f} s"


def test_kitchens_in_turn_are_timed_from_their_own_start_and_the_cpu_dish_is_hashing(
    qtbot, qloop, open_window, wait_for_signal
):
    window = open_window([])
    qloop.run_until_complete(window.presenter.go(TALK.index_of("cpu-bound")))
    for name, panel in window.panels.items():
        assert "burn_cpu" in panel.route.text() and "sleep" not in panel.route.text(), name
        assert "sleep" not in panel.summary.text()
        assert "burn_cpu" in panel.code.toPlainText() and "asyncio.sleep" not in (
            panel.code.toPlainText()
        )
    window.controls.customers.setValue(2)
    window.controls.wait.setValue(0.3)
    session = window.session
    first, second = TALK.scenes[TALK.index_of("cpu-bound")].kitchens

    async def race():
        assert window.serve()
        while not session.timelines[first].served:
            await asyncio.sleep(0.02)
        window.panels[second].scoreboard.refresh()
        waiting = (
            kitchen_clock.waiting_turn(session, second),
            window.panels[second].scoreboard.verdict.text(),
            figure(window, second, "makespan"),
        )
        (result,) = await wait_for_signal(session.sig_race_finished, 30)
        return waiting, result

    (waiting, verdict, makespan), result = qloop.run_until_complete(race())
    assert waiting and "waiting its turn" in verdict and makespan == "–"
    # The second kitchen started after the first finished, and is drawn from its own start.
    own = result.timelines[second]
    assert own.start >= result.timelines[first].end - 0.05
    assert session.replay_clock is None  # the race itself, not a replay of it
    assert kitchen_clock.origin(session, second) == own.start
    assert kitchen_clock.origin(session, first) == result.timelines[first].start


def test_the_figures_a_caption_speaks_of_are_large_at_1080p(qtbot, qloop, open_window):
    from PySide6.QtGui import QGuiApplication

    window = open_window([])
    monitor = next(s for s in QGuiApplication.screens() if s.name() == "monitor")
    window.windowHandle().setScreen(monitor)
    window.move(monitor.geometry().topLeft())
    qtbot.waitUntil(lambda: window.screen() is monitor)
    scene = TALK.scenes[TALK.index_of("llm-100")]
    qloop.run_until_complete(window.presenter.go(TALK.index_of("llm-100")))
    spoken = spoken_figures(scene)
    assert spoken == ("makespan", "threads", "processes", "peak")
    for panel in window.panels.values():
        for key in spoken:
            label = panel.scoreboard.figures[key]
            assert label.isVisible()
            # 32 px at 720 lines for the back row, in proportion on 1080 (the same room).
            assert QFontInfo(label.font()).pixelSize() >= 48, (key, label.font().pixelSize())
        # The talk shows only what the caption speaks of; Esc brings back every figure.
        assert not panel.scoreboard.figures["served"].isVisible()


def test_code_panels_show_the_route_as_a_reader_writes_it_whole_and_unfold_the_rest(
    qtbot, qloop, open_window
):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetricsF

    window = open_window([])
    qloop.run_until_complete(window.presenter.go(TALK.index_of("the-mistake")))
    views = {name: panel.code for name, panel in window.panels.items()}
    heights = {view.height() for view in views.values()}
    assert len(heights) == 1  # side by side, the same height
    for view in views.values():
        text = view.toPlainText()
        assert not any(word in text for word in ("DishTicket", "ticket(", "relay", "chef_of"))
        assert text.splitlines()[1].startswith("@app.get")
        # Whole: every line fits the box at the size the text is drawn.
        metrics = QFontMetricsF(view.font())
        room = view.viewport().rect()
        assert metrics.lineSpacing() * len(text.splitlines()) <= room.height()
        assert max(metrics.horizontalAdvance(line) for line in text.splitlines()) <= room.width()
    assert "time.sleep(seconds)" in views["fastapi-blocking"].toPlainText()
    assert "await asyncio.sleep(seconds)" in views["fastapi-async"].toPlainText()
    # What Chefline adds is one click away, and folds back.
    view = views["fastapi-async"]
    qtbot.mouseClick(view.unfold, Qt.MouseButton.LeftButton)
    assert "DishTicket.await_sleep" in view.toPlainText() and "_begin" in view.toPlainText()
    qtbot.mouseClick(view.unfold, Qt.MouseButton.LeftButton)
    assert "DishTicket" not in view.toPlainText()


def test_reset_mid_race_leaves_no_stale_plates(qtbot, qloop, open_window, wait_for_signal):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = open_window([])
    qloop.run_until_complete(window.presenter.go(TALK.index_of("head-to-head")))
    window.controls.customers.setValue(4)
    window.controls.wait.setValue(0.4)

    async def race_then_reset():
        assert window.serve()
        await asyncio.sleep(0.5)  # some dishes served, others cooking
        assert window.session.running
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_R)
        while window.session.running:
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.2)  # the frames after the race

    qloop.run_until_complete(race_then_reset())
    assert window.session.timelines == {} and window.session.result is None
    for name, panel in window.panels.items():
        assert panel.scene.state().served == 0, name
        assert panel.scoreboard.figures["served"].text() == "–"
    assert window.controls.serve_button.isEnabled()


def test_presenter_view_spotlight_help_and_replay_steps(qtbot, qloop, open_window, wait_for_signal):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = open_window([])
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    qloop.run_until_complete(window.presenter.go(TALK.index_of("juggler")))
    notes = window.notes
    notes.refresh()
    assert notes.clock.text().startswith("This scene 0:0")
    # Each scene's share of the ten minutes holds its race: scene 7's alone takes a minute.
    llm = TALK.index_of("llm-100")
    assert notes.budget_of(llm) >= window.presenter.race_seconds(TALK.scenes[llm]) + 30
    assert window.presenter.race_seconds(TALK.scenes[llm]) > 60
    assert f"of {clock_text(notes.scene_budget)}" in notes.clock.text()
    following = TALK.scenes[TALK.index_of("juggler") + 1]
    assert following.text("title", "en") in notes.next_scene.text()
    assert following.text("caption", "en") in notes.next_scene.text()
    assert {"Ctrl+D", "Shift+P", "S"} <= {line.keys for line in window.help_overlay.lines}
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S)
    assert window.spotlight.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S)
    assert not window.spotlight.isVisible()
    # A replay step always lands on an event and picks out the order it changed.
    window.controls.customers.setValue(3)
    window.controls.wait.setValue(0.2)

    async def race():
        assert window.serve()
        await wait_for_signal(window.session.sig_race_finished, 30)

    qloop.run_until_complete(race())
    window.files.toggle_replay()
    player = window.session.replay
    assert player.active and not window.controls.isVisible() and window.replay_bar.isVisible()
    assert not window.replay_bar.play_button.icon().isNull()
    player.seek(0.0)
    for _ in range(4):
        player.step(+1)
        assert player.highlight and all(k == "fastapi-async" for k, _ in player.highlight)
    player.stop()
    assert not window.controls.isVisible()  # a talk has no fields; Esc brings them back
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not window.presenter.active and window.controls.isVisible()


def test_a_kitchen_at_rest_is_not_repainted_while_another_cooks(
    qtbot, qloop, open_window, wait_for_signal
):
    """In a race taken in turn the finished kitchen's picture stands still: repainting it 40
    times a second would only take the GIL from the kitchen that cooks."""
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            self.count += event.type() == QEvent.Type.Paint
            return False

    window = open_window([])
    qloop.run_until_complete(window.presenter.go(TALK.index_of("cpu-bound")))
    window.controls.customers.setValue(4)  # the second turn: about a second
    window.controls.wait.setValue(0.5)
    session = window.session
    first, second = TALK.scenes[TALK.index_of("cpu-bound")].kitchens
    rested, cooking = Paints(), Paints()
    window.panels[first].timeline.installEventFilter(rested)
    window.panels[second].timeline.installEventFilter(cooking)
    frames = []
    session.sig_frame.connect(lambda: frames.append(1))

    async def race():
        assert window.serve()
        while not session.timelines[second].start:  # the first kitchen's turn is over
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.2)  # its last picture is painted
        rested.count = cooking.count = 0
        frames.clear()
        while session.running:
            await asyncio.sleep(0.02)
        return len(frames), rested.count, cooking.count

    # Frames slow down in a race taken in turn when drawing is heavy: a few a second at least.
    seen, rested_paints, cooking_paints = qloop.run_until_complete(race())
    assert seen >= 5 and cooking_paints >= 3
    assert rested_paints <= 2  # only if the shared time axis grew meanwhile


def test_scales_tell_the_truth_across_scenes_and_for_a_kitchen_ten_times_sooner(
    qtbot, qloop, open_window, wait_for_signal
):
    """Scenes 1 and 2 serve the same orders, so they share one axis (5 s at one chef look
    five times as long as 1 s at the juggler); a scene's axis is its own before its race; a
    kitchen that finished ten times sooner than the slowest gets lanes on an axis of its own."""
    from PySide6.QtGui import QColor

    from chefline.ui.look.palette import THEME

    window = open_window([])
    spans = {}
    for scene_id in ("one-chef", "juggler", "head-to-head"):
        qloop.run_until_complete(window.presenter.go(TALK.index_of(scene_id)))
        spans[scene_id] = window.scale.span
    assert spans["one-chef"] == spans["juggler"] == pytest.approx(5.0 * 1.04, rel=0.02)
    assert spans["head-to-head"] == pytest.approx(8 * 0.75 * 1.04, rel=0.02)
    # Thirty dishes of 0.2 s: one chef 6 s, async well under half a second.
    window.controls.customers.setValue(30)
    window.controls.wait.setValue(0.2)

    async def race():
        assert window.serve()
        return (await wait_for_signal(window.session.sig_race_finished, 30))[0]

    result = qloop.run_until_complete(race())
    fast = result.timelines["fastapi-async"].summary().makespan
    slow = result.timelines["flask-one-chef"].summary().makespan
    assert slow >= 10 * fast, (slow, fast)
    assert kitchen_clock.inset_span(window.session, "fastapi-async") == pytest.approx(fast)
    assert kitchen_clock.inset_span(window.session, "flask-one-chef") is None
    view = window.panels["fastapi-async"].timeline
    picture = view.grab().toImage()
    plot = view.plot_rect()
    # The right part of the plot, empty on the shared axis, holds the lanes on their own.
    x = int(plot.left() + plot.width() * 0.7)
    column = {picture.pixelColor(x, y).name() for y in range(int(plot.top()), int(plot.bottom()))}
    assert QColor(THEME["card"]).name() in column  # the inset's ground
    assert {"#56b4e9", "#1f6f9c"} & column  # dishes on the stove, drawn on their own axis
    slow = window.panels["flask-one-chef"].timeline
    picture = slow.grab().toImage()
    plot = slow.plot_rect()
    column = {picture.pixelColor(x, y).name() for y in range(int(plot.top()), int(plot.bottom()))}
    assert QColor(THEME["card"]).name() not in column  # the slowest kitchen has no inset


def test_a_claim_that_needs_free_cores_says_so_when_others_took_them(
    qtbot, qloop, open_window, wait_for_signal
):
    """Scene 6's worker processes need two free cores to show their gain: with another
    program keeping a core busy, one line says so on screen (and where the recorded race
    is), instead of a silent contradiction beside the caption."""
    import os
    import signal
    import subprocess
    import sys

    window = open_window([])
    qloop.run_until_complete(window.presenter.go(TALK.index_of("cpu-bound")))
    # Another program, not a child of this one (whose CPU counts as Chefline's own): the
    # shell that starts it exits at once, and it runs on by itself.
    started = subprocess.run(
        ["sh", "-c", f'"{sys.executable}" -c "while True: pass" >/dev/null 2>&1 & echo $!'],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    spinner = int(started.stdout.strip())
    try:

        async def race():
            assert window.serve()
            await wait_for_signal(window.session.sig_race_finished, 60)

        qloop.run_until_complete(race())
    finally:
        os.kill(spinner, signal.SIGKILL)
    check = window.presenter.last_check
    assert check is not None and check.spare_cores < 1.5
    assert {claim.min_cores for claim in check.untestable} == {2}
    message = window.banner.message
    assert message.isVisible() and "cores" in message.text() and "Shift+P" in message.text()
