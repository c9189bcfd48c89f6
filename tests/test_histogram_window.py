"""The latency histogram and the trace export in the real window: H shows the panel, a real
race fills it (live, then whole), File → Export race puts it in the PNG, and a run, replayed
or opened race exports as a Perfetto trace; a path that cannot be written gets one dialog."""

import asyncio
import csv
import json

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from chefline.client.export import save_json
from chefline.ui.race.latency_histogram import KITCHEN_LOOKS
from person import press

SYNC, ASYNC = "flask-one-chef", "fastapi-async"
N, D = 6, 0.1


@pytest.fixture
def window(open_window):
    return open_window([SYNC, ASYNC])


class PaintCounter(QObject):
    def __init__(self):
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def run_race(qtbot, qloop, window, wait_for_signal, customers=N, wait=D):
    frames = []
    window.session.sig_frame.connect(lambda: frames.append(1))

    async def race():
        window.controls.customers.setValue(customers)
        window.controls.wait.setValue(wait)
        finished = asyncio.ensure_future(wait_for_signal(window.session.sig_race_finished, 15))
        qtbot.mouseClick(window.findChild(QPushButton, "serveButton"), Qt.MouseButton.LeftButton)
        await asyncio.sleep(min(0.35, customers * wait / 2))
        live = window.histogram.histogram
        (result,) = await finished
        return result, live

    result, live = qloop.run_until_complete(race())
    return result, live, len(frames)


def test_h_shows_the_histogram_and_a_real_race_fills_it(qtbot, qloop, window, wait_for_signal):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert not window.histogram.isVisible()
    # Ctrl+H works even from the customers field, where the window opens with the focus.
    press(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert window.histogram.isVisible()
    counter = PaintCounter()
    window.histogram.installEventFilter(counter)
    result, live, frames = run_race(qtbot, qloop, window, wait_for_signal)
    QApplication.processEvents()
    # Live: a histogram was drawn from the records while the race ran, at most once a frame.
    assert live is not None and set(live.counts) == {SYNC, ASYNC}
    assert sum(live.counts[SYNC]) < N  # the one chef was still cooking
    assert 0 < counter.paints <= frames + 3
    # After the race: every served order in one bin of the shared axis, one chef's tail longer.
    histogram = window.histogram.histogram
    for name, timeline in result.timelines.items():
        assert sum(histogram.counts[name]) == len(timeline.served) == N
    last_bin = {name: max(i for i, c in enumerate(histogram.counts[name]) if c)
                for name in (SYNC, ASYNC)}  # fmt: skip
    assert last_bin[SYNC] > last_bin[ASYNC]
    assert histogram.span >= result.timelines[SYNC].summary().latency_p99
    # The kitchens' colours are on screen.
    image = window.histogram.grab().toImage()
    seen = {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 2)
            for y in range(0, image.height(), 2)}  # fmt: skip
    assert {KITCHEN_LOOKS[0][0].lower(), KITCHEN_LOOKS[1][0].lower()} <= seen
    press(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert not window.histogram.isVisible()


def test_export_race_puts_the_histogram_in_the_png_and_p99_and_the_trace_beside_it(
    qtbot, qloop, window, wait_for_signal, tmp_path
):
    result, _, _ = run_race(qtbot, qloop, window, wait_for_signal, customers=4, wait=0.05)
    png, js, table, summary, trace = window.files.export_race(tmp_path)
    picture = QImage(str(png))
    area = window.kitchens_area.grab()
    assert picture.height() >= area.height() + window.histogram.sizeHint().height() - 1
    rows = {row["kitchen"]: row for row in csv.DictReader(summary.open())}
    for name, timeline in result.timelines.items():
        assert float(rows[name]["latency_p99"]) == pytest.approx(
            timeline.summary().latency_p99, abs=1e-6
        )
    events = json.loads(trace.read_text())["traceEvents"]
    assert sum(1 for e in events if e["ph"] == "X" and e["cat"] == "order") == 8
    assert json.loads(js.read_text())["kitchens"][0]["summary"]["latency_p99"] is not None
    assert len(list(csv.DictReader(table.open()))) == 8


def test_a_replayed_and_an_opened_race_export_the_same_trace(
    qtbot, qloop, window, wait_for_signal, tmp_path
):
    run_race(qtbot, qloop, window, wait_for_signal, customers=3, wait=0.05)
    assert window.files.export_trace(tmp_path / "run.json")
    saved = save_json(window.session.result, tmp_path / "race.json")
    window.files.toggle_replay()  # P
    assert window.session.replay.active
    assert window.files.export_trace(tmp_path / "replayed.json")
    window.session.replay.stop()
    assert window.files.open_race(saved)  # Ctrl+O
    assert window.files.export_trace(tmp_path / "opened.json")

    def events(name):
        trace = json.loads((tmp_path / name).read_text())["traceEvents"]
        return sorted(json.dumps(event, sort_keys=True) for event in trace)

    assert events("run.json") == events("replayed.json") == events("opened.json")


def test_an_unwritable_trace_path_gets_one_dialog(qtbot, qloop, window, wait_for_signal, tmp_path):
    run_race(qtbot, qloop, window, wait_for_signal, customers=2, wait=0.05)
    before = len(window.findChildren(QMessageBox))
    assert not window.files.export_trace(tmp_path / "missing folder" / "trace.json")
    assert window.last_error.startswith("Could not write the trace to")
    assert window.last_error.count(".") >= 1 and "\n" not in window.last_error
    assert len(window.findChildren(QMessageBox)) == before + 1
    assert window.session.result is not None  # nothing lost: the race is still there


def test_no_race_no_trace(window):
    window.files.choose_trace_file()
    assert "No race to export yet" in window.last_error


def test_the_1080p_view_export_shows_the_drawer_when_it_is_open(
    qtbot, qloop, window, wait_for_signal, tmp_path
):
    run_race(qtbot, qloop, window, wait_for_signal, customers=4, wait=0.05)
    first_kitchen = QColor(KITCHEN_LOOKS[0][0]).rgb()

    def first_kitchen_pixels(name):
        picture = QImage(str(window.files.export_view_png(tmp_path / name)))
        assert (picture.width(), picture.height()) == (1920, 1080)
        return sum(picture.pixel(x, y) == first_kitchen
                   for x in range(0, 1920, 2) for y in range(540, 1080, 2))  # fmt: skip

    closed = first_kitchen_pixels("closed.png")
    window.histogram.toggle()
    opened = first_kitchen_pixels("open.png")
    assert opened > closed + 500  # the first kitchen's bars fill part of the bottom half
    window.histogram.toggle()
    assert not window.histogram.isVisible()
