"""The desktop app: one QApplication, one qasync event loop, the window and its kitchens."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from pathlib import Path

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from chefline import __version__
from chefline.assets import resource_path
from chefline.cli.options import chosen_modes, kitchen_settings, race_plan, snapshot_target
from chefline.cli.your_app_options import start_from_options
from chefline.client.race import RaceResult
from chefline.engine import check_fits
from chefline.kitchen.errors import BadInput
from chefline.process import freeze_startup_objects, raise_open_file_limit, share_the_gil_finely
from chefline.ui.collector import GuiThreadCollector
from chefline.ui.errors import UNEXPECTED
from chefline.ui.logs import set_up_logging
from chefline.ui.look.language import system_language
from chefline.ui.look.screen_fit import place_on
from chefline.ui.look.theme import stylesheet
from chefline.ui.main_window import MainWindow
from chefline.ui.session import RaceSession


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Chefline")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("art", "chefline.svg"))))
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.5))
    app.setFont(font)
    app.setStyleSheet(stylesheet())
    return app


def build_window(args: argparse.Namespace, *, open_now: bool = True
                 ) -> tuple[MainWindow, RaceSession]:  # fmt: skip
    """The window and its session; its kitchens open now, or (``open_now`` False: the app
    shown first) by ``open_kitchens_after_show`` once the window is on screen."""
    session = RaceSession(kitchen_settings(args), talk_file=getattr(args, "scenes", None))
    window = MainWindow(session)
    language = system_language()
    if language != "en":  # the window speaks the system's language from the start
        window.presenter.language.use(language)
    session.plan_model.set_plan(race_plan(args))
    if open_now and kitchens_to_open(args):
        session.open_kitchens(chosen_modes(args))
    if getattr(args, "app", None):  # your app beside them (YourAppError: one sentence, exit 2)
        session.put_your_app(start_from_options(args))
    collector = GuiThreadCollector(window)
    session.sig_race_started.connect(lambda: collector.set_racing(True))
    session.sig_race_finished.connect(lambda _: collector.set_racing(False))
    session.sig_cleared.connect(lambda: collector.set_racing(session.running))
    freeze_startup_objects()
    collector.start()
    return window, session


def kitchens_to_open(args: argparse.Namespace) -> bool:
    """Whether the window opens the chosen kitchens (a saved race opens its own)."""
    return getattr(args, "open", None) is None or bool(args.mode)


async def open_kitchens_after_show(window: MainWindow, args: argparse.Namespace) -> None:
    """The kitchens open once the window is on screen (each takes a while; a kitchen in a
    process of its own most of a second), with "Opening the kitchens…" where they will be;
    then, with ``--serve``, the race."""
    if kitchens_to_open(args):
        window.kitchens_area.show_opening()
        window.state_label.setText(window.kitchens_area.opening.text())
        await window.session.open_kitchens_async(chosen_modes(args))
        window.kitchens_area.show_kitchens()
    if args.serve:
        window.serve()


def start_qt() -> tuple[QApplication, qasync.QEventLoop]:
    """The process's one QApplication and its one asyncio loop (qasync), ready to use."""
    share_the_gil_finely()  # the GUI shares one GIL with the kitchens
    raise_open_file_limit()
    app = create_application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    set_up_logging()
    UNEXPECTED.install(loop)
    return app, loop


def run_window(args: argparse.Namespace) -> int:
    """``chefline`` / ``chefline window``: the app until its window closes."""
    _, loop = start_qt()
    window, _ = build_window(args, open_now=False)
    place_on(window)  # 1600×1000, or the screen's free area when that is smaller
    window.show()  # at once; the kitchens open after it, their state on screen
    QTimer.singleShot(0, lambda: asyncio.ensure_future(open_kitchens_after_show(window, args)))
    if args.open is not None:
        QTimer.singleShot(0, lambda: open_saved_race(window, args))
    # Qt's loop never returns to Python on its own; a tick lets Ctrl+C reach the handler.
    signal.signal(signal.SIGINT, lambda *_: window.close())
    tick = QTimer()
    tick.timeout.connect(lambda: None)
    tick.start(200)
    with loop:
        loop.run_forever()
    return 0


def run_snapshot(args: argparse.Namespace) -> int:
    """``chefline snapshot``: a real race in the real window, offscreen, saved as an image."""
    out, (width, height) = snapshot_target(args)
    plan = race_plan(args)
    check_fits(plan, chosen_modes(args), kitchen_settings(args))
    _, loop = start_qt()
    window, session = build_window(args)
    window.screen_fit.enabled = False  # a picture of the asked size, whatever the screen
    window.resize(width, height)
    window.showFullScreen() if args.full_screen else window.show()
    presenter = window.presenter
    if args.language:
        presenter.language.use(args.language)
    presenter.look.apply(theme=args.theme)
    talk = presenter.talk
    if args.scene is not None and not 1 <= args.scene <= len(talk.scenes):
        raise BadInput(f"the talk has scenes 1 to {len(talk.scenes)}, not {args.scene}")

    async def race_and_save() -> RaceResult | None:
        finished: asyncio.Future[RaceResult] = loop.create_future()

        def finish(result: RaceResult) -> None:
            if not finished.done():
                finished.set_result(result)

        session.sig_race_finished.connect(finish)
        try:
            if args.open is not None:
                return await replay_whole(window, args.open, out)
            result: RaceResult | None = None
            if args.scene is not None:
                await presenter.go(args.scene - 1)
                plan_now = None  # the scene's race, as the control bar now holds it
            else:
                plan_now = plan
            scene = presenter.scene
            if scene is not None and scene.action == "bad_order":
                await window.show_bad_order()  # the scene's action: both replies on screen
            elif window.serve(plan_now):
                result = await finished
            else:
                raise RuntimeError(window.last_error or "the race could not start")
            await asyncio.sleep(0.1)  # let the last frame paint
            if not window.grab().save(str(out)):
                raise OSError(f"could not write {out}")
            return result
        finally:
            await session.shutdown()

    with loop:
        result = loop.run_until_complete(race_and_save())
    print(f"saved {out} ({window.width()}x{window.height()})")
    for name, timeline in result.timelines.items() if result is not None else ():
        # What the picture shows, as text: the figures a caption is checked against.
        summary = timeline.summary()
        if summary.makespan is not None and summary.ratio_to_theory is not None:
            print(f"  {name}: {summary.makespan:.2f} s, ×{summary.ratio_to_theory:.2f} theory")
    return 0


def open_saved_race(window: MainWindow, args: argparse.Namespace) -> None:
    """``window --open FILE``: replay it with its kitchens; a file that cannot be read is
    said in a dialog, and the window races the usual kitchens instead."""
    session = window.session

    def usual_kitchens(*_: object) -> None:
        if not session.kitchens:
            session.open_kitchens(chosen_modes(args))

    if not window.files.open_race(args.open):
        usual_kitchens()
    elif window.files.opened is not None:  # a large race is read off the GUI thread
        window.files.opened.add_done_callback(
            lambda opened: None if opened.cancelled() or opened.result() else usual_kitchens()
        )


async def replay_whole(window: MainWindow, path: Path, out: Path) -> RaceResult:
    """A saved race on screen whole, with its kitchens, saved as the picture ``out``."""
    files, player = window.files, window.session.replay
    if not files.open_race(path):
        raise BadInput(window.last_error or f"cannot open {path.name}")
    if files.opened is not None:
        await files.opened
    result = player.result
    if result is None:
        raise BadInput(window.last_error or f"cannot replay {path.name}")
    player.stop()  # back from the replay's first moment to the whole recorded race
    await asyncio.sleep(0.1)  # let the last frame paint
    if not window.grab().save(str(out)):
        raise OSError(f"could not write {out}")
    return result


SELF_TEST_CUSTOMERS = 4
SELF_TEST_WAIT = 0.2


def run_self_test(args: argparse.Namespace) -> int:
    """``chefline --self-test``: a short real race in the window, offscreen, checked."""
    argv = ["window", "-m", "flask-one-chef", "-m", "fastapi-async",
            "-n", str(SELF_TEST_CUSTOMERS), "-d", str(SELF_TEST_WAIT)]  # fmt: skip
    from chefline.cli import build_parser

    _, loop = start_qt()
    window, session = build_window(build_parser().parse_args(argv))
    window.resize(1280, 720)
    window.show()
    problems: list[str] = []

    async def race() -> None:
        finished: asyncio.Future[RaceResult] = loop.create_future()

        def finish(result: RaceResult) -> None:
            if not finished.done():
                finished.set_result(result)

        session.sig_race_finished.connect(finish)
        try:
            if len(session.kitchens) != 2 or not window.serve():
                problems.append(window.last_error or "the kitchens did not open")
                return
            result = await asyncio.wait_for(finished, 30)
            problems.extend(self_test_problems(result))
            if window.grab().isNull():
                problems.append("the window could not be drawn")
        finally:
            await window.shut_down()

    with loop:
        loop.run_until_complete(race())
    if problems:
        print("self-test FAILED: " + "; ".join(problems))
        return 1
    print("self-test passed: one chef took N·d, the async chef about d")
    return 0


def self_test_problems(result: RaceResult) -> list[str]:
    n, d = SELF_TEST_CUSTOMERS, SELF_TEST_WAIT
    problems = []
    sync = result.timelines["flask-one-chef"].summary()
    fast = result.timelines["fastapi-async"].summary()
    for s in (sync, fast):
        if s.served != n:
            problems.append(f"{s.kitchen} served {s.served} of {n}")
    if sync.makespan is None or sync.makespan < n * d:
        problems.append(f"flask-one-chef took {sync.makespan} s, less than N·d = {n * d:g} s")
    if fast.makespan is None or fast.makespan > 2 * d + 0.5:
        problems.append(f"fastapi-async took {fast.makespan} s, far from d = {d:g} s")
    return problems
