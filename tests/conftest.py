import asyncio
import gc
import os
from pathlib import Path

import pytest

from chefline.client import RacePlan, RaceResult, RaceRunner

# Every Qt test runs headless, whoever calls pytest, on two screens side by side: a 1920×1080
# monitor (the primary) and a 1280×720 projector, as a speaker's laptop has them in a room.
SCREENS = Path(__file__).with_name("screens.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS}"


def pytest_collection_modifyitems(items):
    """Tests marked ``long`` (the talk's walks, a minute or more each) run first: on several
    workers (``make test``) they then share the first worker's first chunk, one after
    another, while the other worker takes the short tests, and nobody waits at the end for a
    walk that began last. Otherwise the order is pytest's."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture
def race():
    """Run one real race on a fresh asyncio loop and return its result."""

    def run(kitchens, plan: RacePlan, listener=None) -> RaceResult:
        return asyncio.run(RaceRunner(kitchens, plan, listener=listener).run())

    return run


@pytest.fixture(scope="session")
def qloop(qapp):
    """The one qasync loop of the test session, as the app has one for its life; run a
    test's async part with ``qloop.run_until_complete``."""
    import qasync

    from chefline.ui.collector import GuiThreadCollector

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    collector = GuiThreadCollector()  # as in the app: Qt objects die in the GUI thread
    collector.start()
    yield loop
    collector.stop()
    asyncio.set_event_loop(None)
    loop.close()  # now, while Qt still exists; at garbage collection it would be too late


@pytest.fixture(autouse=True)
def _qloop_is_current(request):
    """A test on the qasync loop finds it current, as the app always does: ``asyncio.run``
    in an earlier test (the command line's) leaves no current loop behind it."""
    if "qloop" in request.fixturenames:
        asyncio.set_event_loop(request.getfixturevalue("qloop"))


@pytest.fixture
def wait_for_signal():
    """``await wait_for_signal(sig, timeout)``: one emission of a Qt signal, on the loop."""
    return _wait_for_signal


async def _wait_for_signal(signal, timeout: float):
    future = asyncio.get_running_loop().create_future()

    def fire(*args):
        if not future.done():
            future.set_result(args)

    signal.connect(fire)
    try:
        return await asyncio.wait_for(future, timeout)
    finally:
        signal.disconnect(fire)


@pytest.fixture
def open_window(qloop):
    """``open_window(modes)``: the real main window with these kitchens, shown, 1600×1000.

    At teardown the race and kitchens stop inside the loop, and the window and its session
    are deleted right away: Qt objects left for later would be destroyed during some other
    test's event processing.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    from chefline.ui.main_window import MainWindow
    from chefline.ui.session import RaceSession

    windows = []

    def make(modes, **session_options):
        session = RaceSession(**session_options)  # e.g. talk_file: a speaker's own talk
        window = MainWindow(session)
        window.resize(1600, 1000)
        window.show()
        assert session.open_kitchens(list(modes))
        # As a person does before pressing Serve: the customers' process has started (its
        # imports take a second or more on a busy machine; a race waits for it, and a test
        # that times the middle of a race from Serve would count that wait).
        session.restaurant.wait_for_customers()
        windows.append(window)
        return window

    yield make
    for window in windows:
        qloop.run_until_complete(window.shut_down())
        window.close()
        window.session.deleteLater()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    windows.clear()
    gc.collect()  # in the GUI thread, not in whichever thread collects next


@pytest.fixture
def launch(qtbot, qloop):
    """``launch(screen)``: the window as ``chefline`` opens it on that screen, full screen as
    a speaker has it (``full_screen=False``: sized to fit and centred), with its default
    kitchens and its customers ready; nothing clicked, nothing focused by hand."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from chefline.ui.look.screen_fit import place_on
    from chefline.ui.main_window import MainWindow
    from chefline.ui.session import RaceSession
    from person import screen_named

    windows = []

    def make(screen, full_screen=True, talk_file=None):
        session = RaceSession(talk_file=talk_file)
        window = MainWindow(session)
        place_on(window, screen_named(screen))
        window.show()
        if full_screen:
            window.windowHandle().setScreen(screen_named(screen))
            window.showFullScreen()
        assert session.open_kitchens(["flask-one-chef", "fastapi-async"])
        session.restaurant.wait_for_customers()
        window.windowHandle().requestActivate()
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.presenter.language.use("en")
        window.presenter.look.apply(theme="light", scale=1.0, talk_lines=None)
        qloop.run_until_complete(window.shut_down())
        window.notes.close()
        window.close()
        window.session.deleteLater()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
