"""The real window, offscreen, driven like a person would: fields, Serve, Reset, Export, close."""

import asyncio
import csv
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QPushButton

from chefline.kitchen.own_work import own_work_text
from chefline.ui.look.palette import SWATCHES, Look

SYNC, ASYNC = "flask-one-chef", "fastapi-async"


@pytest.fixture
def window(open_window):
    return open_window([SYNC, ASYNC])


def serve(qtbot, window, customers, wait):
    window.findChild(type(window.controls.customers), "customersSpin").setValue(customers)
    window.findChild(type(window.controls.wait), "waitSpin").setValue(wait)
    qtbot.mouseClick(window.findChild(QPushButton, "serveButton"), Qt.MouseButton.LeftButton)


def seen_live(window, kitchen):
    """What the window shows of ``kitchen`` now (queued, at the pot, served…), once a frame
    has drawn the race; None before."""
    timeline = window.session.timelines.get(kitchen)
    return None if timeline is None else timeline.kitchen_now()


def figure(window, kitchen, key):
    board = window.findChild(QLabel.__base__, f"scoreboard_{kitchen}")
    return board.findChild(QLabel, f"figure_{key}").text()


def test_widgets_have_stable_names(window):
    # Tests and accessibility tools find every control and kitchen part by name: each name
    # is one widget, the one the window itself uses for that part.
    from PySide6.QtWidgets import QWidget

    controls = window.controls
    parts = {
        "serveButton": controls.serve_button,
        "customersSpin": controls.customers,
        "waitSpin": controls.wait,
        "resetButton": controls.reset_button,
        "recipeCombo": controls.recipe,
    }
    for mode in (SYNC, ASYNC):
        panel = window.panels[mode]
        parts |= {
            f"kitchenPanel_{mode}": panel,
            f"orderTimeline_{mode}": panel.timeline,
            f"chefLanes_{mode}": panel.chefs,
            f"scoreboard_{mode}": panel.scoreboard,
        }
    for name, part in parts.items():
        found = window.findChildren(QWidget, name)
        assert found == [part], (name, found)
        assert part.isVisibleTo(window), name


def test_serve_shows_one_chef_queueing_and_the_async_chef_juggling(
    qtbot, qloop, window, wait_for_signal
):
    # Five orders of 0.3 s: one chef needs ≈1.5 s, the async chef ≈0.3 s, both in the scoreboard.
    session = window.session
    n, d = 5, 0.3

    async def race():
        serve(qtbot, window, n, d)
        assert session.running and not window.controls.serve_button.isEnabled()
        # Seen live, the moment the async chef has served everyone (one wave of waits): the
        # customers still queue at the one chef, who stands at the pot.
        while getattr(seen_live(window, ASYNC), "served", 0) < n:
            await asyncio.sleep(0.01)
        sync_now = seen_live(window, SYNC)
        assert sync_now.queued >= 2 and sync_now.chefs_stuck == 1
        (result,) = await wait_for_signal(session.sig_race_finished, 30)
        return result

    result = qloop.run_until_complete(race())
    sync_s, async_s = (result.timelines[k].summary() for k in (SYNC, ASYNC))
    assert sync_s.served == async_s.served == n
    # One chef: N waits back to back; async: one wave, and at least three times quicker (in
    # the same race). Neither is quicker than its waits.
    assert n * d <= sync_s.makespan and sync_s.makespan >= 3 * async_s.makespan
    assert d <= async_s.makespan
    assert sync_s.peak_concurrency == 1 and async_s.peak_concurrency == n
    assert figure(window, SYNC, "served") == f"{n}/{n}"
    assert figure(window, ASYNC, "peak") == str(n)
    assert figure(window, SYNC, "makespan") == f"{sync_s.makespan:.2f} s"
    # The own-work line, the same words as the command line's (measured when it opened).
    board = window.findChild(QLabel.__base__, f"scoreboard_{ASYNC}")
    own_work = own_work_text(async_s, n)
    assert own_work is not None and "own work" in own_work
    assert board.findChild(QLabel, "ownWork").text() == own_work
    verdict = window.findChild(QLabel, "verdict").text()
    assert verdict.startswith(f"expected {sync_s.expected_makespan:.2f} s, took")
    assert window.controls.serve_button.isEnabled()


def test_timelines_draw_the_queue_where_it_happened(qtbot, qloop, window, wait_for_signal):
    # Pixel check: the last one-chef order is grey (waiting) mid-race; the async lane is empty.
    session = window.session
    n, d = 4, 0.25

    async def race():
        serve(qtbot, window, n, d)
        await wait_for_signal(session.sig_race_finished, 10)

    qloop.run_until_complete(race())
    qtbot.wait(50)
    colours = {}
    for kitchen in (SYNC, ASYNC):
        view = window.panels[kitchen].timeline
        image = view.grab().toImage()
        top, height = view.lane_geometry(n - 1)
        x = int(view.x_of((n - 1) * d / 2))
        colours[kitchen] = QColor(image.pixel(x, int(top + height / 2)))
    queued = SWATCHES[Look.QUEUED]
    assert colours[SYNC].name() in {queued.colour.lower(), queued.pattern_colour.lower()}
    assert colours[ASYNC] != colours[SYNC]


def test_reset_clears_the_race(qtbot, qloop, window, wait_for_signal):
    async def race():
        serve(qtbot, window, 2, 0.05)
        await wait_for_signal(window.session.sig_race_finished, 10)

    qloop.run_until_complete(race())
    qtbot.mouseClick(window.findChild(QPushButton, "resetButton"), Qt.MouseButton.LeftButton)
    assert window.session.timelines == {} and window.session.plan is None
    assert figure(window, SYNC, "served") == "–"


def test_export_writes_timelines_png_and_orders(qtbot, qloop, window, tmp_path, wait_for_signal):
    async def race():
        serve(qtbot, window, 3, 0.05)
        await wait_for_signal(window.session.sig_race_finished, 10)

    qloop.run_until_complete(race())
    png, js, table, _summary, _trace = window.files.export_race(tmp_path)
    image = QImage(str(png))
    assert image.width() > 800 and image.height() > 400
    data = json.loads(js.read_text())
    assert {k["kitchen"] for k in data["kitchens"]} == {SYNC, ASYNC}
    rows = list(csv.DictReader(table.open()))
    assert len(rows) == 6 and all(row["status"] == "served" for row in rows)
    assert all(float(row["received"]) >= float(row["sent"]) for row in rows)


def test_a_race_too_long_is_refused_with_a_message(qtbot, qloop, window):
    # 1000 customers of 30 s at one chef: refused up front, the window stays usable.
    serve(qtbot, window, 1000, 30.0)
    assert not window.session.running
    assert "a race may last at most 300 s" in window.last_error
    assert window.controls.serve_button.isEnabled()


def test_changing_kitchens_from_the_menu_opens_a_real_server(qtbot, window):
    window.kitchen_actions["flask-pool"].setChecked(True)
    assert set(window.panels) == {SYNC, ASYNC, "flask-pool"}
    pool = next(k for k in window.session.kitchens if k.name == "flask-pool")
    assert pool.server.running and pool.url.startswith("http://127.0.0.1:")
    window.kitchen_actions[SYNC].setChecked(False)
    assert set(window.panels) == {ASYNC, "flask-pool"}


def test_closing_mid_race_stops_race_and_kitchens_promptly(qtbot, qloop, window):
    # Twenty 1 s orders at one chef (20 s of work): closed once the one chef is at the pot,
    # everything stops in a small part of what the race still had to do.
    session = window.session
    kitchens = list(session.kitchens)
    n, d = 20, 1.0

    async def race_then_close():
        serve(qtbot, window, n, d)
        while not getattr(seen_live(window, SYNC), "chefs_stuck", 0):
            await asyncio.sleep(0.01)
        loop = asyncio.get_running_loop()
        began = loop.time()
        left = n * d - session.elapsed()  # the one chef's work still to do
        window.close()
        await asyncio.wait_for(window._shutdown, left)
        return loop.time() - began, left

    took, left = qloop.run_until_complete(race_then_close())
    assert took < left / 5, (took, left)  # neither the queue nor much of the dish waited for
    assert not session.running and session.kitchens == []
    assert all(not kitchen.server.running for kitchen in kitchens)
    assert not window.isVisible()


def test_about_names_the_version_licence_and_packages(window):
    from chefline import __version__

    box = window.show_about()
    text = box.text()
    assert f"Chefline {__version__}" in text and "Licence: MIT" in text
    for package in ("PySide6-Essentials", "fastapi", "flask", "uvicorn", "httpx"):
        assert package in text
    box.close()
