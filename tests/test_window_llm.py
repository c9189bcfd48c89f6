"""The LLM scene in the real window: the meter, TTFT, the model dialog, the bad order, docs."""

import asyncio
import socket

import httpx
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from chefline.kitchen.llm import ModelSpeed
from chefline.kitchen.recipe import DishKind
from chefline.servers.llm.model_server import MockModelServer
from chefline.ui.main_window import LLM_SCENE


def figure(window, kitchen, key):
    board = window.findChild(QLabel.__base__, f"scoreboard_{kitchen}")
    return board.findChild(QLabel, f"figure_{key}").text()


def test_the_llm_scene_shows_threads_busy_against_waits_held(
    qtbot, qloop, open_window, wait_for_signal
):
    window = open_window(["flask-one-chef"])
    window.findChild(type(window.menuBar().actions()[0]), "llmSceneAction").trigger()
    session = window.session
    assert session.mode_names == LLM_SCENE
    assert window.controls.dish() is DishKind.LLM
    assert window.controls.customers.value() == 100
    assert window.controls.tokens.isVisible() and not window.controls.wait.isVisible()
    # A short scene for the test: 8 users (twice the pool's four threads), a 1.1 s answer
    # (1 s to the first token: long enough for every order to reach the model even on a
    # busy machine).
    users = 8
    window.controls.customers.setValue(users)
    window.controls.tokens.setValue(6)
    window.session.plan_model.set_model(speed=ModelSpeed(ttft=1.0, tokens_per_s=50))

    async def race():
        qtbot.mouseClick(window.findChild(QPushButton, "serveButton"), Qt.MouseButton.LeftButton)
        assert session.running
        # Until every order is with the model, waiting for its first token (or a token came).
        for _ in range(100):
            await asyncio.sleep(0.02)
            if session.timelines["fastapi-async"].kitchen_now().on_stove == users:
                break
        await asyncio.sleep(0.1)  # the pool and the threads take theirs as well
        seen = {name: session.timelines[name].kitchen_now() for name in LLM_SCENE}
        window.panels["fastapi-async"].scoreboard.refresh()
        meter = figure(window, "fastapi-async", "busy"), figure(window, "fastapi-async", "waits")
        (result,) = await wait_for_signal(session.sig_race_finished, 30)
        return seen, meter, result

    seen, meter, result = qloop.run_until_complete(race())
    # FastAPI holds every wait on one thread; threaded Flask needs a thread per wait.
    assert seen["fastapi-async"].chefs_busy == 1 and seen["fastapi-async"].on_stove == users
    assert seen["flask-threaded"].chefs_busy == users
    assert seen["flask-pool"].chefs_busy == 4 and seen["flask-pool"].queued == users - 4
    assert seen["flask-one-chef"].chefs_busy == 1 and seen["flask-one-chef"].queued == users - 1
    assert meter == ("1", str(users))
    for name in LLM_SCENE:
        s = result.timelines[name].summary()
        assert s.served == users and s.ttft_p50 >= 1.0
        assert figure(window, name, "ttft") != "–"
        ttft = window.panels[name].scoreboard.figures["ttft"]
        assert ttft.toolTip().endswith(f"p99 {s.ttft_p99:.2f} s")  # the tail, on hover
        assert int(figure(window, name, "tokens")) > 0
    one_chef = result.timelines["flask-one-chef"].summary().makespan
    async_chef = result.timelines["fastapi-async"].summary().makespan
    # Eight calls in a row against about one: a third of that ratio holds on a busy machine.
    assert one_chef > users / 3 * async_chef


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_model_dialog_reports_a_bad_model_and_keeps_the_old_one(qtbot, qloop, open_window):
    window = open_window(["fastapi-async"])
    dialog = window.show_model_dialog()
    dialog.yours.setChecked(True)
    dialog.url.setText(f"http://127.0.0.1:{free_port()}/v1")
    dialog.model.setText("llama3.2")
    qloop.run_until_complete(dialog.apply())
    assert "nobody answered" in dialog.status.text()
    assert dialog.isVisible() and window.session.models.own is None
    dialog.url.setText("not a url")
    qloop.run_until_complete(dialog.apply())
    assert "base URL" in dialog.status.text()
    dialog.reject()


def test_the_model_dialog_points_the_kitchens_at_your_own_model(
    qtbot, qloop, open_window, wait_for_signal
):
    window = open_window(["flask-threaded"])
    with MockModelServer(ModelSpeed(0.05, 100)) as yours:
        dialog = window.show_model_dialog()
        dialog.yours.setChecked(True)
        dialog.url.setText(yours.base_url)
        dialog.model.setText(yours.model.name)
        assert qloop.run_until_complete(dialog.test())
        assert "first token after" in dialog.status.text()
        qloop.run_until_complete(dialog.apply())
        assert window.session.models.own is not None
        assert not shiboken6.isValid(dialog)  # accepted and closed
        window.controls.choose_dish(DishKind.LLM)
        window.controls.customers.setValue(3)
        window.controls.tokens.setValue(3)

        async def race():
            assert window.serve()
            (result,) = await wait_for_signal(window.session.sig_race_finished, 20)
            return result

        result = qloop.run_until_complete(race())
        assert yours.model.calls == 2 + 3  # Test and OK each call once, then one per customer
    # The theory used the speed the probe measured, not the built-in model's setting.
    assert result.plan.speed.ttft < 0.2
    assert result.timelines["flask-threaded"].summary().served == 3


def test_a_bad_order_shows_both_replies_side_by_side(qtbot, qloop, open_window):
    window = open_window(["flask-one-chef", "fastapi-async"])

    async def send():
        await window.show_bad_order()  # as from the menu: on the running loop

    qloop.run_until_complete(send())
    view = window.bad_order
    assert view.isVisible() and QApplication.activeModalWidget() is None  # inside the window
    flask, fastapi = view.answers["flask"], view.answers["fastapi"]
    assert flask.status == 400 and '"problems"' in flask.text
    assert fastapi.status == 422 and '"loc"' in fastapi.text
    assert view.statuses["flask"].text().startswith("HTTP 400")
    assert view.statuses["fastapi"].text().startswith("HTTP 422")
    for field in ("prompt", "max_tokens", "temperature"):  # one line per field, each side
        assert any(line.startswith(field) for line in flask.problems)
        assert any(line.startswith(field) for line in fastapi.problems)
        assert field in view.replies["flask"].text() and field in view.replies["fastapi"].text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not view.isVisible()


def test_docs_point_at_a_running_fastapi_kitchen(qtbot, open_window):
    window = open_window(["flask-one-chef"])
    assert window.docs_url() is None
    window.open_docs()
    assert "Open a FastAPI kitchen" in window.last_error
    window.session.open_kitchens(["flask-one-chef", "fastapi-def"])
    url = window.docs_url()
    assert url.endswith("/docs")
    assert httpx.get(url, trust_env=False).status_code == 200


def test_testing_the_builtin_model_does_not_switch_the_kitchens(qtbot, qloop, open_window):
    window = open_window(["fastapi-async"])
    with MockModelServer(ModelSpeed(0.05, 100)) as yours:
        window.session.models.use_own(yours.link())
        dialog = window.show_model_dialog()
        dialog.builtin.setChecked(True)
        assert qloop.run_until_complete(dialog.test())
        dialog.reject()  # Cancel: the kitchens still call the model they called
        assert window.session.models.supplier.current() == yours.link()
        assert window.session.models.own == yours.link()


def test_the_cost_scene_shows_what_each_way_of_serving_holds(
    qtbot, qloop, open_window, wait_for_signal
):
    from chefline.ui.main_window import COST_SCENE

    window = open_window(["flask-one-chef"])
    window.windowHandle().requestActivate()  # shortcuts go to the active window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    session = window.session
    assert session.mode_names == COST_SCENE and window.controls.dish() is DishKind.LLM
    window.controls.customers.setValue(20)
    window.controls.tokens.setValue(4)
    window.session.plan_model.set_model(speed=ModelSpeed(ttft=1.0, tokens_per_s=100))

    async def race():
        qtbot.keyClick(window, Qt.Key.Key_Space)
        assert session.running
        # Once every threaded order is with the model, and the meter has sampled since:
        threaded = session.timelines["flask-threaded"]
        while threaded.kitchen_now().chefs_busy < 20 and session.running:
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.15)
        for panel in window.panels.values():
            panel.scoreboard.refresh()
        live = {name: figure(window, name, "threads") for name in COST_SCENE}
        (result,) = await wait_for_signal(session.sig_race_finished, 60)
        return live, result

    live, result = qloop.run_until_complete(race())
    assert all(result.timelines[name].summary().served == 20 for name in COST_SCENE)
    # Twenty users waiting: one thread in async, a thread each in threaded Flask.
    assert live["fastapi-async"] == "1" and int(live["flask-threaded"]) >= 20
    # After the race: the peaks, and the memory of the kitchens with processes of their own.
    assert figure(window, "flask-threaded", "processes") == "in app"
    assert figure(window, "flask-threaded", "memory") == "in app"  # none of its own
    assert figure(window, "flask-processes", "processes") == "5"  # the arbiter and 4 workers
    assert figure(window, "flask-gevent", "processes") == "1"
    for name in ("flask-processes", "flask-gevent"):
        assert figure(window, name, "memory").endswith(" MB")
        assert int(figure(window, name, "memory").split()[0]) > 10
