"""The talk in a real room: every key goes where a clicker sends it, to the widget that has
the focus (``QApplication.focusWidget()``), from the window as it opens; on a 1280×720
projector and a 1920×1080 monitor (tests/screens.json), in English and Chinese."""

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from chefline.ui.talk.presenter import load_default_talk
from person import press

TALK = load_default_talk()
NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown)  # arrows and a clicker's keys


async def settle():
    """Let posted layout requests and the screen fit run, as they do between key presses."""
    await asyncio.sleep(0.05)


def test_the_notes_window_never_takes_the_clickers_keys(qtbot, qloop, launch, wait_for_signal):
    """N opens the speaker's notes (on the second screen); → and PgUp still move the talk,
    and the notes follow it."""
    window = launch("projector", full_screen=False)
    assert QApplication.focusWidget() is window.centralWidget()  # the talk, not a field

    async def talk():
        press(qtbot, Qt.Key.Key_Right)
        await wait_for_signal(window.presenter.sig_scene_changed, 30)
        press(qtbot, Qt.Key.Key_N)
        await settle()
        assert window.notes.isVisible()
        assert QApplication.focusWidget().window() is window
        for key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):  # serve, then the next scene
            press(qtbot, key)
        (index,) = await wait_for_signal(window.presenter.sig_scene_changed, 30)
        assert index == 1
        press(qtbot, Qt.Key.Key_PageUp)
        (index,) = await wait_for_signal(window.presenter.sig_scene_changed, 30)
        return index

    assert qloop.run_until_complete(talk()) == 0
    assert TALK.scenes[0].text("title", "en") in window.notes.text.toPlainText()
    assert window.notes.screen().name() == "monitor"  # not the room's screen


def test_a_field_being_edited_keeps_its_keys_until_esc_or_a_click_elsewhere(
    qtbot, qloop, launch, wait_for_signal
):
    window = launch("projector", full_screen=False)
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
    assert not window.controls.isVisible()  # a talk has no fields
    press(qtbot, Qt.Key.Key_Escape)  # the developer view: the fields are back
    assert window.controls.isVisible() and not window.presenter.active
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
