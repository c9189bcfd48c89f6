"""Kitchens → Your app… in the real window: the dialog offers the app's own routes, your app
races beside fastapi-async, the status line and the code panel name the line that blocked
its chef, a bad app gets one sentence, and the choice is remembered."""

import asyncio
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from chefline.ui.dialogs.your_app_dialog import YourAppChoice, YourAppDialog, remembered

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SLOW = EXAMPLES / "slow_kitchen.py"
ASYNC = "fastapi-async"
YOURS = "slow_kitchen:app@uvicorn"


def private_settings(window, tmp_path):
    settings = QSettings(str(tmp_path / "chefline.ini"), QSettings.Format.IniFormat)
    window.your_app.settings = settings
    return settings


def test_your_app_races_beside_fastapi_async_and_the_window_names_the_line(
    qtbot, qloop, open_window, tmp_path, wait_for_signal
):
    window = open_window([ASYNC])
    settings = private_settings(window, tmp_path)
    window.menus.actions["yourAppAction"].trigger()
    dialog = window.findChild(YourAppDialog, "yourAppDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.target)  # focus starts there
    qtbot.keyClicks(QApplication.focusWidget(), f"{SLOW}:app")

    async def routes_read():
        # Leaving the field reads the routes, with the app's own Python, off the GUI thread.
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert "Reading your app's routes" in dialog.note.text()
        await wait_for_signal(dialog.sig_routes_read, 30)

    qloop.run_until_complete(routes_read())
    offered = [dialog.route.itemText(i) for i in range(dialog.route.count())]
    assert offered == ["GET /blocking", "GET /fixed", "POST /echo"]
    assert dialog.note.text().startswith("Runs on Python 3.")
    # A path typed into the route field is kept as typed; an item without a route of the app
    # (what Return once added) picks nothing.
    dialog.route.lineEdit().selectAll()
    qtbot.keyClicks(dialog.route.lineEdit(), "/typed")
    assert dialog.route.count() == 3 and dialog.choice().path == "/typed"
    dialog.route.addItem("/typed")
    dialog.route.activated.emit(3)
    assert dialog.choice().path == "/typed"
    dialog.route.removeItem(3)
    dialog.route.setCurrentIndex(0)
    dialog.route.activated.emit(0)
    assert dialog.choice() == YourAppChoice(f"{SLOW}:app", "", "", "/blocking", "GET", "")

    async def open_and_race():
        dialog.accept()
        await wait_for_signal(window.session.sig_kitchens_changed, 20)
        assert set(window.panels) == {ASYNC, YOURS}
        window.kitchen_actions["flask-one-chef"].setChecked(True)  # yours stays open
        assert set(window.panels) == {ASYNC, YOURS, "flask-one-chef"}
        window.kitchen_actions["flask-one-chef"].setChecked(False)
        window.controls.customers.setValue(3)
        window.controls.wait.setValue(0.2)
        told = []
        window.your_app.sig_said.connect(told.append)
        qtbot.mouseClick(window.findChild(QPushButton, "serveButton"), Qt.MouseButton.LeftButton)
        (result,) = await wait_for_signal(window.session.sig_race_finished, 20)
        for _ in range(100):  # said just after the window's own word on the race
            if told:
                break
            await asyncio.sleep(0.02)
        assert window.state_label.text() == told[0]
        return result, told[0]

    result, said = qloop.run_until_complete(open_and_race())
    line = next(
        i for i, text in enumerate(SLOW.read_text().splitlines(), 1) if "time.sleep" in text
    )
    # The race's own verdict, as the command line says it.
    assert said == result.verdicts[YOURS].sentence()
    assert f"{YOURS}: the chef was held" in said and "order " in said and "order ?" not in said
    assert f"at slow_kitchen.py:{line} in `blocking` (time.sleep(SLEEP_S))" in said
    yours = result.timelines[YOURS]
    assert yours.summary().served == 3 and yours.summary().makespan >= 0.8
    for order in yours.orders.values():
        assert any(step.name == "stuck at the pot" and step.holds_chef for step in order.steps)
    code = window.panels[YOURS].code
    assert code.isVisible() and "time.sleep(SLEEP_S)  # ◀ held the chef" in code.toPlainText()
    assert remembered(settings) == YourAppChoice(f"{SLOW}:app", "", "", "/blocking", "GET", "")
    again = window.your_app.show()  # opens with the app that races now, its server named
    assert again.choice() == YourAppChoice(f"{SLOW}:app", "uvicorn", "", "/blocking", "GET", "")
    again.reject()
    assert "slow_kitchen:app@uvicorn" in window.state_label.text()
    old_url = window.panels[YOURS].kitchen.url
    assert window.session.restart_kitchen(YOURS)  # ↻ opens your app again, on a new port
    (fresh,) = [k for k in window.session.kitchens if k.name == YOURS]
    assert fresh.server.running and fresh.url != old_url and fresh.cook_url.endswith("/blocking")
    window.menus.actions["closeYourAppAction"].trigger()  # off the pass, its server stopped
    assert set(window.panels) == {ASYNC} and not fresh.server.running


def test_a_bad_app_gets_one_sentence_and_the_window_goes_on(qloop, open_window, tmp_path):
    window = open_window([ASYNC])
    private_settings(window, tmp_path)
    opened = qloop.run_until_complete(window.your_app.open(YourAppChoice("nowhere/app.py:app")))
    assert not opened and window.last_error == "there is no file nowhere/app.py"
    wrong = YourAppChoice(f"{SLOW}:app", "werkzeug", "", "/fixed")
    assert not qloop.run_until_complete(window.your_app.open(wrong))
    assert "is a ASGI app, and werkzeug serves WSGI apps" in window.last_error
    assert set(window.panels) == {ASYNC}


def test_the_dialog_opens_with_what_was_chosen_last(qtbot, qloop, tmp_path, wait_for_signal):
    settings = QSettings(str(tmp_path / "chefline.ini"), QSettings.Format.IniFormat)
    from chefline.ui.dialogs.your_app_dialog import remember

    chosen = YourAppChoice(f"{SLOW}:app", "uvicorn", "", "/echo", "POST", '{"dish": "soup"}')
    remember(settings, chosen)
    again = QSettings(str(tmp_path / "chefline.ini"), QSettings.Format.IniFormat)
    dialog = YourAppDialog(remembered(again))
    qtbot.addWidget(dialog)
    assert dialog.choice() == chosen
    qloop.run_until_complete(wait_for_signal(dialog.sig_routes_read, 30))
    assert dialog.route.count() == 3  # the remembered app's routes, offered again
