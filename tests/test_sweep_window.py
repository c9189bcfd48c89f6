"""View → Capacity curve in the real window: Ctrl+K opens it, Run sweeps real kitchens and
the points appear as each race ends, each with a tooltip; a race and a sweep never run at
once; the sweep exports like a race and a recorded one opens; closing stops it."""

from __future__ import annotations

import asyncio
import time

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QPushButton, QToolTip

from chefline.kitchen.capacity import SweepPoint
from chefline.ui.sweep.capacity_window import CapacityWindow
from chefline.ui.sweep.markers import KITCHEN_MARKS
from person import press

SYNC, ASYNC = "flask-one-chef", "fastapi-async"


@pytest.fixture
def window(open_window):
    return open_window([SYNC, ASYNC])


def open_capacity(qtbot, window) -> CapacityWindow:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    capacity = window.findChild(CapacityWindow)
    assert capacity is not None and capacity.isVisible()
    return capacity


def choose(capacity: CapacityWindow, kitchens, steps: str, wait: float) -> None:
    for name, action in capacity.kitchen_actions.items():
        action.setChecked(name in kitchens)
    capacity.steps.setText(steps)
    capacity.wait.setValue(wait)


def move(widget, at: QPoint) -> None:
    """The pointer moving over ``widget`` (offscreen, the cursor cannot be moved for real)."""
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(at), widget.mapToGlobal(QPointF(at)),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(widget, event)


def colour_count(image, colour: str) -> int:
    wanted = QColor(colour).rgb()
    return sum(image.pixel(x, y) == wanted for x in range(0, image.width(), 2)
               for y in range(0, image.height(), 2))  # fmt: skip


def test_ctrl_k_sweeps_real_kitchens_the_points_come_as_each_race_ends(
    qtbot, qloop, window, wait_for_signal, tmp_path
):
    capacity = open_capacity(qtbot, window)
    sweeps = window.session.sweeps
    choose(capacity, (SYNC, ASYNC), "1, 3", 0.1)
    assert capacity.kitchens_button.text() == "2 chosen"
    heard: list[object] = []
    sweeps.sig_news.connect(heard.append)

    async def sweep():
        finished = asyncio.ensure_future(wait_for_signal(sweeps.sig_finished, 60))
        run = capacity.findChild(QPushButton, "sweepRun")
        qtbot.mouseClick(run, Qt.MouseButton.LeftButton)
        assert sweeps.running and run.text() == "Stop" and not capacity.steps.isEnabled()
        await wait_for_signal(sweeps.sig_news, 30)  # the first race is starting
        # A race now would take the sweep's cores: Serve is refused with a sentence.
        assert not window.serve() and "sweep is running" in window.last_error
        while not any(isinstance(n, SweepPoint) for n in heard):
            await asyncio.sleep(0.02)
        capacity.view.repaint()
        first = len(capacity.view.painter.targets)  # drawn as soon as it came
        (result,) = await finished
        return first, result

    first, result = qloop.run_until_complete(sweep())
    assert first >= 1
    assert [(p.kitchen, p.x) for p in result.points] == [(SYNC, 1), (SYNC, 3), (ASYNC, 1),
                                                          (ASYNC, 3)]  # fmt: skip
    assert not sweeps.running and capacity.run_button.text() == "Run the sweep"
    assert "flask-one-chef: knee 3 users" in capacity.status.text()
    # Every point on the latency plot and on both held plots, each in its kitchen's own colour.
    image = capacity.view.grab().toImage()
    assert len(capacity.view.painter.targets) == 3 * len(result.points)
    for name in (SYNC, ASYNC):
        assert colour_count(image, KITCHEN_MARKS[name][0]) > 50
    # Hovering a point tells its figures.
    target = capacity.view.painter.targets[1]
    at = QPoint(round(target.at.x()), round(target.at.y()))
    QApplication.sendEvent(
        capacity.view,
        QHelpEvent(QHelpEvent.Type.ToolTip, at, capacity.view.mapToGlobal(at)),
    )
    assert QToolTip.isVisible() and "p95" in QToolTip.text()
    assert QToolTip.text().startswith(f"{SYNC} — 3 users at once")
    # …and so does the status line, which a projector's room can read; it comes back after.
    said = capacity.status.text()
    move(capacity.view, at)
    assert capacity.status.text().startswith(f"{SYNC} — 3 users at once · p50")
    move(capacity.view, QPoint(2, 2))
    assert capacity.status.text() == said
    # Exported like a race; the JSON opens again in the same window.
    paths = capacity.export_sweep(tmp_path)
    assert sorted(p.suffix for p in paths) == [".csv", ".json", ".png", ".svg"]
    assert all(p.stat().st_size > 500 for p in paths)
    json_file = next(p for p in paths if p.suffix == ".json")
    assert capacity.open_sweep(json_file)
    assert sweeps.sweep is not None and sweeps.sweep.to_json() == result.to_json()


def test_a_bad_load_gets_one_sentence_and_nothing_starts(qtbot, window, tmp_path):
    capacity = open_capacity(qtbot, window)
    choose(capacity, (ASYNC,), "1, lots", 0.1)
    capacity.run_or_stop()
    assert not window.session.sweeps.running
    assert "numbers separated by commas" in capacity.last_error
    choose(capacity, (), "1", 0.1)
    capacity.run_or_stop()
    assert "at least one kitchen" in capacity.last_error
    (tmp_path / "race.json").write_text('{"format": "chefline-race/1"}')
    assert capacity.open_sweep(tmp_path / "race.json") is False
    assert "race.json is not a sweep Chefline can show" in capacity.last_error


def test_closing_the_window_mid_sweep_stops_the_sweep_and_its_kitchens(
    qtbot, qloop, window, wait_for_signal
):
    capacity = open_capacity(qtbot, window)
    choose(capacity, (ASYNC, SYNC), "1, 2", 2.0)
    sweeps = window.session.sweeps
    capacity.run_or_stop()

    async def close_mid_race() -> float:
        await wait_for_signal(sweeps.sig_news, 30)  # the first race has started
        await asyncio.sleep(0.3)
        began = time.perf_counter()
        await window.shut_down()
        return time.perf_counter() - began

    took = qloop.run_until_complete(close_mid_race())
    assert not sweeps.running and sweeps.sweep is not None and sweeps.sweep.cancelled
    assert sweeps.sweep.points == [] and took < 5.0


def test_the_arrival_choice_at_a_steady_rate_serves_a_poisson_stream(
    qtbot, qloop, window, wait_for_signal
):
    controls = window.controls
    controls.arrivals.setCurrentIndex(controls.arrivals.count() - 1)
    assert controls.arrivals.currentText() == "at a steady rate (Poisson)"
    assert controls.rate.isVisibleTo(window) and not controls.customers.isVisibleTo(window)
    controls.rate.setValue(500.0)  # R × T stays within what a race holds
    assert controls.rate.value() * controls.duration.maximum() <= 1000
    controls.rate.setValue(10.0)
    controls.duration.setValue(1.0)
    controls.wait.setValue(0.05)

    async def race():
        finished = asyncio.ensure_future(wait_for_signal(window.session.sig_race_finished, 30))
        assert window.serve()
        (result,) = await finished
        return result

    result = qloop.run_until_complete(race())
    assert result.plan.arrivals.rate == 10.0 and result.plan.arrivals.steady
    for timeline in result.timelines.values():
        orders = list(timeline.orders.values())
        assert len(orders) == result.plan.arrivals.customers
        assert all(o.intended is not None and o.sent >= o.intended - 0.005 for o in orders)
        spread = max(o.intended for o in orders) - min(o.intended for o in orders)
        assert 0.5 < spread < 1.0  # the stream lasted its second, not a burst
    # The choice comes back with the race (a scene, a replay): the fields show the stream.
    controls.arrivals.setCurrentIndex(0)
    window.session.plan_model.set_plan(result.plan)
    assert controls.steady and controls.rate.value() == 10.0
