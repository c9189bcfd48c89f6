"""The talk in a real room: every key goes where a clicker sends it, to the widget that has
the focus (``QApplication.focusWidget()``), from the window as it opens; on a 1280×720
projector and a 1920×1080 monitor (tests/screens.json), in English and Chinese."""

import asyncio
import gc

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from chefline.texts import LANGUAGES
from chefline.ui.talk.presenter import load_default_talk

TALK = load_default_talk()
NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown)  # arrows and a clicker's keys


def screen_named(name):
    return next(s for s in QGuiApplication.screens() if s.name() == name)


@pytest.fixture
def launch(qtbot, qloop):
    """``launch(screen)``: the real window as ``chefline`` opens it on that screen (sized to
    fit, centred, with its default kitchens); nothing is clicked, nothing is focused by hand."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from chefline.ui.look.screen_fit import place_on
    from chefline.ui.main_window import MainWindow
    from chefline.ui.session import RaceSession

    windows = []

    def make(screen):
        session = RaceSession()
        window = MainWindow(session)
        place_on(window, screen_named(screen))
        window.show()
        assert session.open_kitchens(["flask-one-chef", "fastapi-async"])
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.presenter.language.use("en")
        window.presenter.look.apply(theme="light", scale=1.0)
        qloop.run_until_complete(window.shut_down())
        window.notes.close()
        window.close()
        window.session.deleteLater()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """One key, sent as a clicker or a keyboard sends it: to whatever has the focus."""
    focus = QApplication.focusWidget()
    assert focus is not None, "no widget has the keys"
    qtbot.keyClick(focus, key, modifier)
    return focus


def shorten_race(window):
    """The scene's race, made short as tests/test_talk.py does (the claims are checked there
    at full length)."""
    controls = window.controls
    controls.customers.setValue(min(controls.customers.value(), 6))
    controls.wait.setValue(0.1)
    controls.tokens.setValue(4)


def assert_fits(window):
    """The window lies within its screen's free area, and every kitchen panel, the
    control bar and the status line within the window, none squeezed to nothing."""
    area = window.screen().availableGeometry()
    assert area.contains(window.frameGeometry()), (window.frameGeometry(), area)
    inside = window.rect()
    parts = {"controls": window.controls, "status": window.statusBar(), **window.panels}
    for name, widget in parts.items():
        assert widget.isVisible(), name
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        assert inside.contains(rect), (name, rect, inside)
    for name, panel in window.panels.items():
        assert panel.width() >= 200 and panel.height() >= 250, (name, panel.size())
        for part in (panel.scoreboard, panel.timeline, panel.chefs):
            rect = QRect(part.mapTo(panel, QPoint(0, 0)), part.size())
            assert part.isVisible() and panel.rect().contains(rect), (name, part.objectName())
            assert part.height() >= 20, (name, part.objectName(), part.height())


async def settle():
    """Let posted layout requests and the screen fit run, as they do between key presses."""
    await asyncio.sleep(0.05)


@pytest.mark.parametrize("screen", ["projector", "monitor"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_from_launch_with_no_mouse_the_keys_drive_the_whole_talk(
    qtbot, qloop, launch, wait_for_signal, screen, language
):
    window = launch(screen)
    assert QApplication.focusWidget() is window.centralWidget()  # the talk, not a field
    if language != "en":
        press(qtbot, Qt.Key.Key_L)
        qtbot.wait(100)  # the LanguageChange events Qt posts
        assert window.presenter.language.current == language

    async def talk():
        for number, scene in enumerate(TALK.scenes):
            press(qtbot, NEXT_KEYS[number % 2])
            (index,) = await wait_for_signal(window.presenter.sig_scene_changed, 30)
            assert index == number and window.session.mode_names == scene.kitchens
            await settle()
            assert_fits(window)
            shorten_race(window)
            press(qtbot, Qt.Key.Key_Space)
            if scene.action == "bad_order":
                await window._bad_order
                dialog = QApplication.activeModalWidget()
                assert dialog is not None and dialog.objectName() == "badOrderDialog"
                press(qtbot, Qt.Key.Key_Escape)  # the speaker closes the replies
                await settle()
                assert QApplication.activeModalWidget() is None  # closed (and deleted)
            else:
                (result,) = await wait_for_signal(window.session.sig_race_finished, 60)
                assert not result.cancelled
                await settle()
                assert_fits(window)
            if number == 0:  # the notes open and leave the keys with the talk
                press(qtbot, Qt.Key.Key_N)
                await settle()
                assert window.notes.isVisible()
                assert QApplication.focusWidget().window() is window
        # ← and PgUp still move the talk, after the dialog and with the notes open.
        press(qtbot, Qt.Key.Key_PageUp)
        (index,) = await wait_for_signal(window.presenter.sig_scene_changed, 30)
        return index

    assert qloop.run_until_complete(talk()) == len(TALK.scenes) - 2
    assert window.notes.isVisible()
    notes = window.notes.text.toPlainText()
    assert TALK.scenes[-2].text("title", language) in notes


def test_a_field_being_edited_keeps_its_keys_until_esc_or_a_click_elsewhere(
    qtbot, qloop, launch, wait_for_signal
):
    window = launch("projector")
    customers = window.controls.customers
    qtbot.mouseClick(customers, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() in (customers, customers.lineEdit())
    customers.selectAll()
    for key in (Qt.Key.Key_4, Qt.Key.Key_2):
        press(qtbot, key)
    press(qtbot, Qt.Key.Key_Right)  # moves the cursor in the field, not the talk
    assert window.presenter.index == -1
    press(qtbot, Qt.Key.Key_Escape)
    assert customers.value() == 42
    assert QApplication.focusWidget() is window.centralWidget()

    async def next_scene():
        press(qtbot, Qt.Key.Key_Right)
        return await wait_for_signal(window.presenter.sig_scene_changed, 30)

    assert qloop.run_until_complete(next_scene()) == (0,)
    # A click on the kitchens (a drawing that takes no keys) gives the keys back too.
    qtbot.mouseClick(window.controls.wait, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is not window.centralWidget()
    panel = next(iter(window.panels.values()))
    qtbot.mouseClick(panel.timeline, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is window.centralWidget()
    # The comparison table has the keys while it is open; closed, they are the talk's again.
    press(qtbot, Qt.Key.Key_C)
    assert window.comparison.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    assert not window.comparison.isVisible()
    assert QApplication.focusWidget() is window.centralWidget()


def test_at_1280x720_every_scene_fits_even_two_steps_larger(qtbot, qloop, launch, wait_for_signal):
    """Full screen on the projector is tested by the walk above at its free area; here the
    text is two steps larger (Ctrl+ twice) and each scene is shown and raced."""
    window = launch("projector")
    for _ in range(2):
        press(qtbot, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.presenter.look.scale == pytest.approx(1.15**2)

    async def walk():
        await settle()
        assert_fits(window)
        for number, scene in enumerate(TALK.scenes):
            press(qtbot, NEXT_KEYS[number % 2])
            (index,) = await wait_for_signal(window.presenter.sig_scene_changed, 30)
            assert index == number
            await settle()
            assert_fits(window)
            if scene.kitchens and len(scene.kitchens) > 2:  # the widest scene, raced
                shorten_race(window)
                press(qtbot, Qt.Key.Key_Space)
                await wait_for_signal(window.session.sig_race_finished, 60)
                await settle()
                assert_fits(window)

    qloop.run_until_complete(walk())
    # Full screen is the screen, whatever the text size.
    press(qtbot, Qt.Key.Key_F)
    qtbot.waitUntil(window.isFullScreen)
    qloop.run_until_complete(settle())
    assert_fits(window)
