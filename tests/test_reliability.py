"""Faults in the kitchen's own terms, bad input in every field, and what a failure leaves."""

import asyncio

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton, QToolButton

from chefline.client import RacePlan
from chefline.kitchen import Arrivals, KitchenSettings, OrderStatus, Recipe
from chefline.kitchen.errors import BadInput
from chefline.kitchen.faults import FaultKind, Faults
from chefline.kitchen.order import Failure
from chefline.servers import start_kitchen
from chefline.ui.errors import UNEXPECTED


@pytest.mark.parametrize(
    "mode", ["flask-one-chef", "flask-threaded", "fastapi-async", "fastapi-def"]
)
def test_a_burnt_dish_is_a_500_on_its_own_order_and_the_race_goes_on(race, mode):
    # One order in three raises in the route: HTTP 500 "burnt dish"; the others are served.
    plan = RacePlan(Recipe(wait=0.05), Arrivals(6), Faults(FaultKind.BURN, 3))
    with start_kitchen(mode) as kitchen:
        result = race([kitchen], plan)
    orders = result.timelines[mode].orders
    burnt = [i for i, o in orders.items() if o.status is OrderStatus.FAILED]
    assert burnt == [2, 5]
    for index in burnt:
        order = orders[index]
        assert order.http_status == 500 and order.failure is Failure.BURNT
        assert "burnt dish" in order.error and f"order {index + 1} caught fire" in order.error
        # The 500 carries what the kitchen did before the fire: who picked it up, the prep.
        assert order.accepted is not None and [s.name for s in order.steps] == ["prep"]
    assert result.timelines[mode].summary().failures == {"burnt": 2}


def test_a_slow_fault_makes_one_dish_in_k_take_three_times_as_long(race):
    # Every second dish waits three times the recipe's 0.1 s: never less than that, and at
    # least twice as long as the longest ordinary wait of the same race.
    plan = RacePlan(Recipe(wait=0.1), Arrivals(4), Faults(FaultKind.SLOW, 2))
    with start_kitchen("fastapi-async") as kitchen:
        result = race([kitchen], plan)
    orders = result.timelines["fastapi-async"].orders
    waits = [orders[i].steps[1].duration for i in sorted(orders)]
    ordinary, slow = waits[0::2], waits[1::2]
    assert all(w >= 0.1 for w in ordinary) and all(w >= 0.3 for w in slow)
    assert min(slow) >= 2 * max(ordinary), waits


def test_impatient_customers_walk_out_and_the_kitchen_keeps_working(race):
    # Patience 0.5 s at one chef cooking 0.2 s dishes: the first two are served, the rest
    # walk out after 0.5 s, together (had they waited for the chef, a dish apart); the next
    # race at the same kitchen is served in full.
    with start_kitchen("flask-one-chef") as kitchen:
        result = race([kitchen], RacePlan(Recipe(wait=0.2), Arrivals(5), patience=0.5))
        orders = result.timelines["flask-one-chef"].orders
        assert [orders[i].status for i in sorted(orders)][:2] == [OrderStatus.SERVED] * 2
        gone = [o for o in orders.values() if o.status is OrderStatus.FAILED]
        assert len(gone) >= 2
        assert all(o.failure is Failure.WALKED_OUT for o in gone)
        assert all(o.latency >= 0.45 for o in gone)  # not before their patience ran out
        dish = min(o.steps[1].duration for o in orders.values() if o.status is OrderStatus.SERVED)
        latencies = [o.latency for o in gone]
        assert max(latencies) - min(latencies) < dish / 2, (latencies, dish)
        assert "walked out after waiting 0.5 s" in gone[0].error
        again = race([kitchen], RacePlan(Recipe(wait=0.01), Arrivals(3)))
    assert len(again.timelines["flask-one-chef"].served) == 3


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Faults(FaultKind.BURN, 0), "say how often the fault strikes"),
        (lambda: Faults("flood", 3), "fault must be one of none, burn, slow"),
        (lambda: Faults(FaultKind.SLOW, 5000), "between 0 and 1000"),
        (lambda: RacePlan(patience=0.0), "patience must be between 0.05 and 600"),
        (lambda: RacePlan(patience=1e9), "patience must be between"),
        (lambda: Recipe(wait=-0.5), "wait must be between 0 and 30"),
        (lambda: Arrivals(10**6), "customers must be between 1 and 1000"),
        (lambda: KitchenSettings(thread_cap=0), "thread cap must be a whole number"),
    ],
)
def test_every_domain_input_is_bounded_with_a_message(build, message):
    with pytest.raises(BadInput, match=message):
        build()


@pytest.fixture
def window(open_window):
    return open_window(["flask-one-chef", "fastapi-async"])


def test_gui_fields_clamp_what_is_typed(qtbot, window):
    # Typing out-of-range values cannot produce an order the kitchens would refuse.
    for name, typed, low, high in (("customersSpin", "99999", 1, 1000), ("waitSpin", "99", 0, 30)):
        field = window.findChild(type(window.controls.customers).__mro__[1], name)
        field.selectAll()
        qtbot.keyClicks(field, typed)
        field.interpretText()
        assert low <= field.value() <= high


def test_stopping_a_kitchen_mid_race_fails_its_orders_clearly_and_restart_brings_it_back(
    qtbot, qloop, window, wait_for_signal
):
    session = window.session

    async def scenario():
        window.controls.customers.setValue(8)
        window.controls.wait.setValue(0.3)
        qtbot.mouseClick(window.findChild(QPushButton, "serveButton"), Qt.MouseButton.LeftButton)
        await asyncio.sleep(0.5)
        stop = window.findChild(QToolButton, "stopButton_flask-one-chef")
        qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
        (result,) = await wait_for_signal(session.sig_race_finished, 15)
        return result

    result = qloop.run_until_complete(scenario())
    one_chef = result.timelines["flask-one-chef"]
    assert len(result.timelines["fastapi-async"].served) == 8  # the other kitchen, untouched
    assert 1 <= len(one_chef.served) < 8
    failures = {o.failure for o in one_chef.failed}
    assert failures <= {Failure.HUNG_UP, Failure.NO_KITCHEN} and failures
    assert all(o.error for o in one_chef.failed)
    old_url = next(k.url for k in session.kitchens if k.name == "flask-one-chef")

    async def restart_and_serve():
        restart = window.findChild(QToolButton, "restartButton_flask-one-chef")
        qtbot.mouseClick(restart, Qt.MouseButton.LeftButton)
        window.controls.customers.setValue(3)
        window.controls.wait.setValue(0.05)
        assert window.serve()
        (again,) = await wait_for_signal(session.sig_race_finished, 15)
        return again

    again = qloop.run_until_complete(restart_and_serve())
    kitchen = next(k for k in session.kitchens if k.name == "flask-one-chef")
    assert kitchen.server.running and kitchen.url != old_url
    assert len(again.timelines["flask-one-chef"].served) == 3


def test_an_unexpected_error_is_shown_and_the_app_keeps_running(qtbot, qloop, window):
    # A slot that raises: the error is logged and reported, and a race still runs afterwards.
    UNEXPECTED.install(qloop)
    before = len(UNEXPECTED.seen)

    def broken():
        raise ZeroDivisionError("a bug in a slot")

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: len(UNEXPECTED.seen) > before, timeout=2000)
    assert "ZeroDivisionError: a bug in a slot" in UNEXPECTED.seen[-1]
    assert window.isVisible() and window.controls.serve_button.isEnabled()


def test_burnt_dishes_show_in_the_window_as_errors_with_their_reason(
    qtbot, qloop, window, wait_for_signal
):
    from dataclasses import replace

    from PySide6.QtWidgets import QLabel

    async def race():
        window.controls.customers.setValue(4)
        window.controls.wait.setValue(0.05)
        plan = replace(window.controls.plan(), faults=Faults(FaultKind.BURN, 2))
        assert window.serve(plan)
        await wait_for_signal(window.session.sig_race_finished, 10)

    qloop.run_until_complete(race())
    board = window.panels["fastapi-async"].scoreboard
    errors = board.findChild(QLabel, "figure_errors")
    assert errors.text() == "2" and errors.toolTip() == "2 burnt"
    assert board.findChild(QLabel, "figure_served").text() == "2/4"
