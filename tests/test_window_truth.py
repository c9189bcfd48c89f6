"""The window tells the truth at scale: the status line, the panels and the export agree;
threads held is the most held so far and stops once a kitchen is done; a stopped kitchen
says so and has no ratio; a crowded chef lane shows what its chef did most; four kitchens'
time axes never crowd their labels on a projector."""

from __future__ import annotations

import asyncio
import csv
import itertools

import pytest
from PySide6.QtGui import QColor, QGuiApplication

from chefline.client.export import save_summary_csv
from chefline.kitchen.timeline import ChefState
from chefline.texts import seconds_text
from chefline.ui.look.palette import SWATCHES, Look
from chefline.ui.look.theme import MAX_FONT_SCALE
from chefline.ui.race import live_figures
from chefline.ui.race.timeline_canvas import axis_step, format_seconds
from text_fit import misfits


def figure(window, kitchen, key):
    return window.panels[kitchen].scoreboard.figures[key].text()


def test_the_status_line_the_panels_and_the_export_agree(
    qtbot, qloop, open_window, wait_for_signal, tmp_path
):
    window = open_window(["flask-threaded", "fastapi-async"])
    session = window.session
    window.controls.customers.setValue(60)
    window.controls.wait.setValue(0.4)
    seen = []

    def look() -> None:
        # What every view reads at this frame, after the scoreboards' own refresh.
        for panel in window.panels.values():
            panel.scoreboard.refresh()
        window.state_label.serving()
        status = window.state_label.text()
        for name in window.panels:
            shown = live_figures.figures_of(session, name)
            seen.append((name, status, figure(window, name, "served"), shown.served_text))

    async def race():
        assert window.serve()
        session.sig_frame.connect(look)
        try:
            (result,) = await wait_for_signal(session.sig_race_finished, 30)
        finally:
            session.sig_frame.disconnect(look)
        return result

    result = qloop.run_until_complete(race())
    assert len(seen) > 10
    for name, status, on_panel, served in seen:
        assert on_panel == served and f"{name} {served}" in status, (name, status, on_panel)
    with save_summary_csv(result, tmp_path / "summary.csv").open(encoding="utf-8") as handle:
        rows = {row["kitchen"]: row for row in csv.DictReader(handle)}
    for name, timeline in result.timelines.items():
        s = timeline.summary()
        assert figure(window, name, "served") == f"{s.served}/60"
        assert figure(window, name, "makespan") == seconds_text(s.makespan)
        assert abs(float(rows[name]["makespan"]) - s.makespan) < 1e-5
        assert int(rows[name]["served"]) == s.served
        assert f"{name} {s.makespan:.2f}" in window.state_label.text()


def test_threads_held_is_the_most_so_far_and_stops_once_the_kitchen_is_done(
    qtbot, qloop, open_window, wait_for_signal
):
    window = open_window(["flask-threaded", "flask-one-chef"])
    session = window.session
    window.controls.customers.setValue(40)
    window.controls.wait.setValue(0.1)  # threaded: about 0.1 s; one chef: 4 s
    held: list[tuple[bool, int]] = []

    def look() -> None:
        shown = live_figures.figures_of(session, "flask-threaded")
        if shown is not None and shown.cost is not None:
            done = shown.state is live_figures.KitchenState.FINISHED
            held.append((done, shown.cost.threads))

    async def race():
        assert window.serve()
        session.sig_frame.connect(look)
        try:
            await wait_for_signal(session.sig_race_finished, 30)
        finally:
            session.sig_frame.disconnect(look)

    qloop.run_until_complete(race())
    threads = [count for _, count in held]
    assert threads == sorted(threads)  # never down while the race runs
    after = {count for done, count in held if done}
    assert len(after) == 1 and after.pop() >= 20  # frozen at the most it held: a thread each


def test_a_kitchen_stopped_mid_race_says_stopped_and_has_no_ratio(
    qtbot, qloop, open_window, wait_for_signal
):
    window = open_window(["flask-one-chef", "fastapi-async"])
    session = window.session
    window.controls.customers.setValue(10)
    window.controls.wait.setValue(0.3)  # one chef: 3 s

    async def race():
        assert window.serve()
        await asyncio.sleep(0.8)
        session.stop_kitchen("flask-one-chef")
        (result,) = await wait_for_signal(session.sig_race_finished, 30)
        return result

    result = qloop.run_until_complete(race())
    stopped = live_figures.figures_of(session, "flask-one-chef")
    assert stopped.state is live_figures.KitchenState.STOPPED and stopped.ratio is None
    board = window.panels["flask-one-chef"].scoreboard
    assert "stopped" in board.verdict.text() and "×" not in board.verdict.text()
    assert result.timelines["flask-one-chef"].summary().ratio_to_theory is None
    assert live_figures.figures_of(session, "fastapi-async").ratio is not None


def test_a_chef_two_hundred_dishes_long_is_drawn_as_the_chef_spent_the_time(
    qtbot, qloop, open_window, wait_for_signal
):
    """Two hundred dishes at one chef, a few pixels each, with moments free between them
    thinner than a pixel: each pixel shows what the chef did most there, so the lane's
    colours share its width as the chef shared its time (drawn piece by piece, every sliver
    of "free" took a whole pixel and the lane read far freer than the chef was)."""
    window = open_window(["flask-one-chef"])
    window.controls.customers.setValue(200)
    window.controls.wait.setValue(0.02)

    async def race():
        assert window.serve()
        await wait_for_signal(window.session.sig_race_finished, 60)
        await asyncio.sleep(0.2)

    qloop.run_until_complete(race())
    lanes = window.panels["flask-one-chef"].chefs
    lanes._recompute()
    ((_, segments),) = lanes._lanes.items()
    spent = {state: 0.0 for state in ChefState}
    for segment in segments:
        spent[segment.state] += segment.end - segment.start
    stuck_share = spent[ChefState.BLOCKED] / sum(spent.values())
    assert len(segments) >= 400  # the slivers are there to be drawn

    picture = lanes.grab().toImage()
    plot = lanes.plot_rect()
    top, height = lanes.lane_geometry(0)
    y = int(top + height / 2)
    stuck = {QColor(SWATCHES[Look.BLOCKED].colour).name(),
             QColor(SWATCHES[Look.BLOCKED].pattern_colour).name()}  # fmt: skip
    colours = [picture.pixelColor(x, y).name() for x in range(int(plot.left()) + 2,
                                                               int(plot.right()) - 2)]  # fmt: skip
    # From the chef's first dish to its last (the axis runs on past it, to a round tick).
    worked = [i for i, c in enumerate(colours) if c in stuck]
    during = colours[worked[0] : worked[-1] + 1]
    assert len(during) > 0.5 * len(colours)
    drawn_share = sum(c in stuck for c in during) / len(during)
    assert abs(drawn_share - stuck_share) < 0.06, (drawn_share, stuck_share)


FOUR = ["flask-one-chef", "flask-threaded", "flask-pool", "fastapi-async"]


def on_the_projector(qtbot, window):
    projector = next(s for s in QGuiApplication.screens() if s.name() == "projector")
    window.windowHandle().setScreen(projector)
    window.setGeometry(projector.availableGeometry())
    qtbot.waitUntil(lambda: window.width() <= 1280)
    return projector


@pytest.fixture
def the_apps_font(qapp):
    """The font and style sheet ``chefline`` sets (at least 10.5 pt), not pytest-qt's
    default, which is smaller: four kitchens seemed to fit a projector in Chinese when they
    did not."""
    from chefline.app import create_application

    font, sheet = qapp.font(), qapp.styleSheet()
    create_application()
    yield
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)


def test_four_kitchens_fit_a_projector_through_a_200_order_race(
    qtbot, qloop, the_apps_font, open_window, wait_for_signal
):
    """1280×720, four kitchens, 200 orders each: the window stays the screen's width (a
    status line as long as four kitchens' figures widened it and pushed a kitchen off the
    screen), every kitchen is whole in it, nothing is cut, the orders' lanes get 40 % of a
    kitchen and the chefs' stay in sight, in English and in Chinese."""
    window = open_window(FOUR)
    projector = on_the_projector(qtbot, window)
    window.controls.customers.setValue(200)
    window.controls.wait.setValue(0.05)

    def look(moment: str) -> None:
        assert window.width() <= projector.availableGeometry().width(), moment
        assert misfits(window) == [], moment
        area = window.kitchens_area
        for panel in window.panels.values():
            corner = panel.mapTo(window, panel.rect().bottomRight())
            assert window.rect().contains(corner), (moment, panel.kitchen.name)
            assert panel.timeline.height() >= 0.4 * panel.height(), (moment, panel.kitchen.name)
            assert (
                panel.chefs.isVisible()
                and panel.chefs.height() >= 2 * area.fontMetrics().lineSpacing()
            )

    async def race():
        assert window.serve()
        await asyncio.sleep(1.0)
        look("during the race")
        await wait_for_signal(window.session.sig_race_finished, 60)
        await asyncio.sleep(0.3)
        look("after it")
        for panel in window.panels.values():  # the time taken is the makespan's, beside it
            board = panel.scoreboard
            assert "took" not in board.verdict.text() and "took" in board.verdict.toolTip()
        window.presenter.language.use("zh_CN")  # CJK lines are taller
        try:
            await asyncio.sleep(0.3)
            look("after it, in Chinese")
        finally:
            window.presenter.language.use("en")

    qloop.run_until_complete(race())


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_four_kitchens_at_the_largest_text_scroll_rather_than_overlap(
    qtbot, qloop, open_window, language
):
    """The largest text on a projector leaves no room for four kitchens: they stand in fewer
    columns and the area scrolls, each kitchen at least as tall as its parts need (squeezed,
    its figures were drawn over its lanes)."""
    window = open_window(FOUR)
    on_the_projector(qtbot, window)
    presenter = window.presenter
    presenter.language.use(language)
    while presenter.look.scale < MAX_FONT_SCALE - 0.01:  # Ctrl+ until it goes no larger
        before = presenter.look.scale
        presenter.bigger()
        if presenter.look.scale == before:
            break
    try:
        area = window.kitchens_area
        qtbot.waitUntil(lambda: area.columns() < 4)
        qtbot.wait(200)
        assert area.scroller.verticalScrollBar().maximum() > 0
        for panel in window.panels.values():
            assert panel.height() >= panel.minimumSizeHint().height() - 1, panel.kitchen.name
            board, lanes = panel.scoreboard.geometry(), panel.timeline.geometry()
            assert board.bottom() < lanes.top(), panel.kitchen.name
            # A few orders' lanes to read, not a line's worth squeezed under the figures.
            assert lanes.height() >= 4 * panel.fontMetrics().lineSpacing(), panel.kitchen.name
    finally:
        presenter.look.apply(scale=1.0)
        presenter.language.use("en")


def test_four_kitchens_tick_labels_never_touch_on_a_projector(qtbot, open_window):
    window = open_window(FOUR)
    on_the_projector(qtbot, window)
    for span in (0.2, 1.0, 6.0, 45.0, 200.0):
        for panel in window.panels.values():
            view = panel.timeline
            width = view.plot_rect().width()
            metrics = view.fontMetrics()
            step = axis_step(span, width, metrics.horizontalAdvance)
            ticks = [i * step for i in range(int(span / step) + 1)]
            edges = []
            for tick in ticks:
                label_width = metrics.horizontalAdvance(format_seconds(tick, step))
                middle = tick / span * width
                edges.append((middle - label_width / 2, middle + label_width / 2))
            for (_, right), (left, _) in itertools.pairwise(edges):
                assert right + 4 <= left, (panel.kitchen.name, span, step, width)
