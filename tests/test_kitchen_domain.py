"""Pure domain logic: recipes, arrivals, theory, and what a timeline derives from records."""

import math

import pytest

from chefline.kitchen import (
    MODES,
    Arrivals,
    ChefState,
    DishKind,
    KitchenSettings,
    OrderRecord,
    OrderStatus,
    RaceTimeline,
    Recipe,
    Step,
    StepKind,
    get_mode,
)
from chefline.kitchen.errors import BadInput
from chefline.kitchen.events import OrderEvent, Phase
from chefline.kitchen.recipe import recipe_from_strings
from chefline.kitchen.stats import peak_overlap, percentile
from chefline.kitchen.theory import fifo_makespan


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"wait": -1.0}, "wait must be between 0 and 30"),
        ({"wait": 31.0}, "wait must be between 0 and 30"),
        ({"wait": math.nan}, "wait must be between"),
        ({"wait": math.inf}, "wait must be between"),
        ({"prep": 2.0}, "prep must be between 0 and 0.5"),
        ({"plate": -0.1}, "plate must be between"),
        ({"wait": "1"}, "wait must be a number"),
        ({"dish": "soup"}, "dish must be one of io, cpu"),
    ],
)
def test_recipe_rejects_bad_values_with_a_readable_message(kwargs, message):
    # Every bound of a recipe names the field, the range and the bad value.
    with pytest.raises(BadInput, match=message):
        Recipe(**kwargs)


def test_recipe_from_strings_reports_text_that_is_not_a_number():
    # Query strings and form fields are text; a non-number says which field.
    with pytest.raises(BadInput, match="wait must be a number of seconds, not 'soon'"):
        recipe_from_strings({"wait": "soon"})
    assert recipe_from_strings({"wait": "2", "dish": "cpu"}) == Recipe(wait=2.0, dish=DishKind.CPU)


@pytest.mark.parametrize(("customers", "gap"), [(0, 0.0), (1001, 0.0), (5, -0.1), (5, 99.0)])
def test_arrivals_are_bounded(customers, gap):
    # Absurd counts and gaps are refused before anything starts.
    with pytest.raises(BadInput):
        Arrivals(customers, gap)


def test_settings_are_bounded():
    # Pool size and thread cap are whole numbers within their ranges.
    with pytest.raises(BadInput, match="pool size"):
        KitchenSettings(pool_size=0)
    with pytest.raises(BadInput, match="thread cap"):
        KitchenSettings(thread_cap=True)


def test_unknown_mode_lists_the_known_ones():
    with pytest.raises(BadInput, match="flask-one-chef"):
        get_mode("flask-zero-chefs")


def test_fifo_theory_matches_the_textbook_shapes():
    # N·d for one chef, d for enough chefs, ⌈N/k⌉·d for k chefs.
    burst = [0.0] * 10
    assert fifo_makespan(burst, 1.0, 1) == pytest.approx(10.0)
    assert fifo_makespan(burst, 1.0, None) == pytest.approx(1.0)
    assert fifo_makespan(burst, 1.0, 4) == pytest.approx(3.0)
    # Staggered arrivals that never overlap need no queue at all.
    assert fifo_makespan([0.0, 2.0, 4.0], 1.0, 1) == pytest.approx(5.0)


def test_every_mode_has_its_theory():
    # Sequential modes N·d, concurrent modes about d, pool ⌈N/k⌉·d, def capped by its limit.
    recipe = Recipe(wait=1.0, prep=0.0, plate=0.0)
    arrivals = Arrivals(10).offsets
    settings = KitchenSettings(pool_size=4, thread_cap=3, workers=5)
    expected = {
        "flask-one-chef": 10.0,
        "flask-threaded": 1.0,
        "flask-pool": 3.0,
        "fastapi-async": 1.0,
        "fastapi-def": 4.0,
        "fastapi-blocking": 10.0,
        "flask-async-view": 10.0,
        "flask-gevent": 1.0,
        "flask-processes": 2.0,
    }
    assert set(expected) == set(MODES)
    for name, value in expected.items():
        assert MODES[name].expected_makespan(arrivals, recipe, settings) == pytest.approx(value)


def test_cpu_dish_theory_never_beats_the_cores():
    # A CPU-bound dish: async serialises it; threads are limited by the cores.
    recipe = Recipe(wait=1.0, dish=DishKind.CPU, prep=0.0, plate=0.0)
    arrivals = Arrivals(8).offsets
    assert MODES["fastapi-async"].expected_makespan(arrivals, recipe, cores=2) == pytest.approx(8.0)
    assert MODES["flask-threaded"].expected_makespan(arrivals, recipe, cores=2) == pytest.approx(
        4.0
    )


def test_percentile_and_overlap():
    assert percentile([], 50) is None
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == pytest.approx(2.5)
    assert percentile([5.0], 99) == 5.0
    # Back-to-back intervals do not overlap; nested ones do.
    assert peak_overlap([(0, 1), (1, 2), (2, 3)]) == 1
    assert peak_overlap([(0, 3), (1, 2), (1.5, 2.5)]) == 3


def served_order(index, accepted, chef, wait_start, wait_end, holds):
    """An order sent at 0, picked up at ``accepted``, prepped for 0.1 s, plated for 0.1 s."""
    order = OrderRecord("k", index, sent=0.0)
    order.chef, order.chef_kind, order.accepted = chef, "thread", accepted
    order.steps = [
        Step("prep", StepKind.CPU, accepted, accepted + 0.1, True),
        Step("wait", StepKind.IO, wait_start, wait_end, holds),
        Step("plate", StepKind.CPU, wait_end, wait_end + 0.1, True),
    ]
    order.done = wait_end + 0.1
    order.received = wait_end + 0.2
    order.status = OrderStatus.SERVED
    return order


def test_timeline_derives_chef_segments_and_summary():
    # Two orders cooked one after the other by a chef who stands at the pot.
    timeline = RaceTimeline("k", expected_makespan=2.0)
    timeline.add(served_order(0, 0.1, "A", 0.2, 1.0, holds=True))
    timeline.add(served_order(1, 1.1, "A", 1.2, 2.0, holds=True))
    summary = timeline.summary()
    assert summary.makespan == pytest.approx(2.2)
    assert summary.served == 2 and summary.failed == 0 and summary.chefs == 1
    assert summary.peak_concurrency == 1
    assert summary.queue_wait_max == pytest.approx(1.1)  # the second customer waited
    assert summary.ratio_to_theory == pytest.approx(1.1)
    segments = timeline.chef_segments()["chef 1"]
    blocked = sum(s.end - s.start for s in segments if s.state is ChefState.BLOCKED)
    assert blocked == pytest.approx(1.6)
    assert segments[0].start == 0.0 and segments[-1].end == pytest.approx(2.2)


def test_awaited_waits_leave_the_chef_free():
    # The same waits awaited: the chef is never blocked, only working or free.
    timeline = RaceTimeline("k")
    timeline.add(served_order(0, 0.1, "L", 0.2, 1.0, holds=False))
    timeline.add(served_order(1, 0.1, "L", 0.2, 1.0, holds=False))
    states = {s.state for s in timeline.chef_segments()["chef 1"]}
    assert ChefState.BLOCKED not in states and ChefState.FREE in states


def test_phase_order_problems_are_reported():
    order = served_order(0, 0.1, "A", 0.2, 1.0, holds=True)
    assert order.phase_order_problems() == []
    order.accepted = -1.0
    assert order.phase_order_problems() == ["sent (0.000000) after accepted (-1.000000)"]


def test_stove_load_counts_the_pots_a_free_chef_juggles():
    # Two awaited waits overlapping on one chef: the load climbs to 2 and back to 0.
    timeline = RaceTimeline("k")
    timeline.add(served_order(0, 0.1, "L", 0.2, 1.0, holds=False))
    timeline.add(served_order(1, 0.1, "L", 0.5, 1.5, holds=False))
    assert timeline.stove_load()["chef 1"] == [(0.2, 1), (0.5, 2), (1.0, 1), (1.5, 0)]
    # Blocking waits are not pots on a stove: the chef is stuck, so they do not count.
    blocked = RaceTimeline("k")
    blocked.add(served_order(0, 0.1, "A", 0.2, 1.0, holds=True))
    assert blocked.stove_load()["chef 1"] == []


def test_a_step_told_once_it_is_over_is_the_step_a_start_and_an_end_would_make():
    told = {}
    for way in ("pair", "whole"):
        timeline = RaceTimeline("yours")
        timeline.apply(OrderEvent("yours", 0, Phase.SENT, 0.0))
        timeline.apply(OrderEvent("yours", 0, Phase.ACCEPTED, 0.1, chef="t#1", chef_kind="thread"))
        step = {"step": "route", "kind": StepKind.IO, "holds_chef": False}
        if way == "pair":
            timeline.apply(OrderEvent("yours", 0, Phase.STEP_START, 0.1, **step))
            timeline.apply(OrderEvent("yours", 0, Phase.STEP_END, 0.6, **step))
        else:
            event = OrderEvent("yours", 0, Phase.STEP, 0.1, **step, end=0.6)
            # As a kitchen in another process sends it: through JSON.
            timeline.apply(OrderEvent.from_json(event.to_json()))
        told[way] = timeline.orders[0].steps
    assert told["whole"] == told["pair"] and told["whole"][0].end == 0.6


def test_a_timeline_counts_the_orders_back_as_they_come():
    """What a window asks of every kitchen every frame, counted as events and records come,
    and once per order: a record that replaces its live copy is not counted twice."""
    from chefline.kitchen.events import OrderEvent, Phase
    from chefline.kitchen.order import OrderRecord
    from chefline.kitchen.timeline import RaceTimeline

    timeline = RaceTimeline("k")
    for order in range(3):
        timeline.apply(OrderEvent("k", order, Phase.SENT, 1.0))
    assert timeline.back == 0
    timeline.apply(OrderEvent("k", 0, Phase.RECEIVED, 2.0))
    timeline.apply(OrderEvent("k", 1, Phase.FAILED, 2.5))
    timeline.apply(OrderEvent("k", 1, Phase.FAILED, 2.6))  # told twice: still one order
    assert timeline.back == 2 == len(timeline.served) + len(timeline.failed)
    done = OrderRecord("k", 2, sent=1.0)
    done.received = 3.0
    timeline.add(done)  # the race's record replaces the live copy
    timeline.add(done)
    assert timeline.back == 3
