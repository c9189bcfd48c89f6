"""The engine every face runs races through: real kitchens on loopback, opened, checked,
raced, reopened and closed by one ``Restaurant``, and the faces that only use it."""

from __future__ import annotations

import ast
import asyncio
import urllib.request
from pathlib import Path

import pytest

from chefline.client.plan import RacePlan
from chefline.engine import Restaurant
from chefline.kitchen.arrivals import Arrivals
from chefline.kitchen.errors import BadInput
from chefline.kitchen.recipe import Recipe

SRC = Path(__file__).resolve().parents[1] / "src" / "chefline"
FACES = ("ui/session.py", "cli/race_command.py", "cli/rehearse_command.py")
SYNC, ASYNC = "flask-one-chef", "fastapi-async"


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/cook?wait=0", timeout=2):
            return True
    except OSError:
        return False


def test_a_restaurant_opens_races_reopens_and_closes_real_kitchens():
    restaurant = Restaurant()
    try:
        assert restaurant.open([SYNC, ASYNC]) == []
        assert restaurant.names == [SYNC, ASYNC]
        first = {k.name: k.url for k in restaurant.kitchens}
        servers = {k.name: k.server for k in restaurant.kitchens}
        assert all(answers(url) for url in first.values())
        plan = restaurant.check_plan(RacePlan(Recipe(wait=0.2), Arrivals(4)))
        result = asyncio.run(restaurant.race(plan).run())
        sync_s, async_s = (result.timelines[k].summary() for k in (SYNC, ASYNC))
        assert sync_s.served == async_s.served == 4
        assert sync_s.makespan >= 3 * async_s.makespan  # one chef: four waits in a row
        # Restart one: a new server answers, the other is untouched.
        assert restaurant.restart_kitchen(ASYNC) is None
        assert restaurant.kitchens[1].url != first[ASYNC] and answers(restaurant.kitchens[1].url)
        assert restaurant.kitchens[0].url == first[SYNC]
        # Open another set: the one kept stays the same server, the one dropped closes.
        assert restaurant.open([ASYNC]) == []
        assert restaurant.names == [ASYNC] and not servers[SYNC].running
    finally:
        kept = [k.server for k in restaurant.kitchens]
        restaurant.close()
    assert restaurant.kitchens == [] and kept and not any(server.running for server in kept)


def test_a_plan_too_long_is_refused_before_any_kitchen_opens():
    restaurant = Restaurant()
    try:
        plan = RacePlan(Recipe(wait=10.0), Arrivals(100))  # one chef: 1,000 s
        with pytest.raises(BadInput):
            restaurant.check_plan(plan, [SYNC])
        assert restaurant.kitchens == []
        restaurant.check_plan(plan, [ASYNC])  # one wave of 10 s: fine
    finally:
        restaurant.close()


def test_a_kitchen_that_cannot_open_is_a_failure_with_a_sentence():
    restaurant = Restaurant()
    try:
        failures = restaurant.open(["no-such-kitchen", ASYNC])
        assert restaurant.names == [ASYNC]
        (failure,) = failures
        assert failure.name == "no-such-kitchen"
        assert failure.sentence().startswith("The no-such-kitchen kitchen could not open: ")
        with pytest.raises(BadInput):
            restaurant.open_or_raise(["no-such-kitchen"])
    finally:
        restaurant.close()


def imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("face", FACES)
def test_the_window_and_the_commands_race_through_the_engine(face):
    """The faces neither start a kitchen nor make a race of their own."""
    names = imported_names(SRC / face)
    assert "chefline.engine.Restaurant" in names
    assert "chefline.servers.kitchens.start_kitchen" not in names
    assert "RaceRunner(" not in (SRC / face).read_text(encoding="utf-8")


def test_your_app_keeps_its_place_while_the_built_in_kitchens_change():
    """The command line puts your app first (its table's top row), the window last."""
    from chefline.kitchen.your_app import YourAppSpec, YourOrder

    app = Path(__file__).resolve().parent.parent / "examples" / "slow_kitchen.py"
    for first in (True, False):
        restaurant = Restaurant()
        try:
            spec = YourAppSpec(f"{app}:app", "uvicorn", order=YourOrder("/fixed"))
            yours = restaurant.open_your_app(spec, first=first)
            assert restaurant.open([SYNC, ASYNC]) == []
            built_in = [SYNC, ASYNC]
            expected = [yours.name, *built_in] if first else [*built_in, yours.name]
            assert restaurant.names == expected
            assert restaurant.open([ASYNC]) == []  # the built-in ones change; yours stays
            assert restaurant.names == ([yours.name, ASYNC] if first else [ASYNC, yours.name])
        finally:
            restaurant.close()
