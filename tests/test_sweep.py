"""The capacity sweep: real kitchens, each raced alone at rising loads; its points beside the
theory, its knee, the loads skipped as too long, and the sweep as a file and a picture."""

from __future__ import annotations

import asyncio
import gzip
import json
import math
import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import replace

import pytest

from chefline.__main__ import draw_sweep
from chefline.cli import exit_codes
from chefline.cli.main import main
from chefline.client.plan import RacePlan
from chefline.client.sweep_file import load_sweep, save_sweep, save_sweep_csv
from chefline.engine import SweepPlan, SweepRunner, SweepStage
from chefline.kitchen.arrivals import Arrivals
from chefline.kitchen.capacity import SweepAxis, SweepPoint, SweepSkip, knee_of
from chefline.kitchen.errors import BadInput
from chefline.kitchen.modes import KitchenSettings
from chefline.kitchen.recipe import Recipe

D = 0.2
POOL = 3


@pytest.fixture(scope="module")
def sweep():
    """One chef and a pool of three at 1, 3 and 9 users (d = 0.2 s), and 40 users, which
    would take longer than the 2.5 s a point may: one short sweep, and what it said. (The
    loads keep each p95 well away from the knee's 2 d: 1, 2.9 and 8.6 d for one chef; 1, 1
    and 3 d for the pool.)"""
    plan = SweepPlan(("flask-one-chef", "flask-pool"), (1, 3, 9, 40), RacePlan(Recipe(wait=D)),
                     limit=2.5, settings=KitchenSettings(pool_size=POOL))  # fmt: skip
    news = []
    return asyncio.run(SweepRunner(plan, listener=news.append).run()), news


@pytest.mark.parametrize(("kitchen", "chefs"), [("flask-one-chef", 1), ("flask-pool", POOL)])
def test_one_chef_and_pool_points_take_ceil_n_over_k_times_d(sweep, kitchen, chefs):
    # ⌈N/k⌉ waves of d: never quicker (the waits cannot overlap more), and not one wave more.
    result, _ = sweep
    curve = result.curve(kitchen)
    assert [p.x for p in curve] == [1, 3, 9]
    for point in curve:
        waves = math.ceil(point.x / chefs)
        assert point.served == point.customers == point.x
        assert waves * D <= point.makespan < (waves + 1) * D
        assert point.theory_makespan == pytest.approx(waves * D, abs=0.01)
        # The last customer waited the whole makespan; p95 sits beside its theory.
        assert point.theory_p95 * 0.98 <= point.p95 <= point.theory_p95 + D
        assert point.processes == 0 and point.threads >= 1  # both cook inside the app
    assert result.theory[kitchen][-1][0] == 40  # the theory line reaches the skipped load


def test_a_load_past_the_limit_is_skipped_with_a_sentence_and_the_knee_is_found(sweep):
    result, news = sweep
    for kitchen, chefs in (("flask-one-chef", 1), ("flask-pool", POOL)):
        (skip,) = result.skipped(kitchen)
        assert skip.x == 40 and skip.expected >= math.ceil(40 / chefs) * D  # 8 s, 2.8 s
        assert skip.reason.startswith(f"{kitchen} skipped at 40 users: it would take about")
    # One chef: 3 users already wait past 2 × d; three chefs: 9 users (3 waves).
    assert result.knee("flask-one-chef").x == 3
    assert result.knee("flask-pool").x == 9
    # The listener heard each point as it came, a stage before each race.
    assert [type(n) for n in news[:2]] == [SweepStage, SweepPoint]
    assert sum(isinstance(n, SweepSkip) for n in news) == 2


def test_the_knee_is_the_first_load_past_twice_one_order():
    def point(x, p95, growth=None):
        return SweepPoint("k", x, 1, 1, 0, p95, p95, p95, p95, 1, 1, 1, 1, queue_growth=growth)

    curve = [point(100, 3.0), point(1, 1.0), point(10, 2.5)]
    assert knee_of(curve, 1.0).x == 10  # by rising load, not by list order
    assert knee_of([point(1, 1.0), point(10, 2.0)], 1.0) is None  # 2 × is not past 2 ×
    # At a rate: where the queue grows by more than one order, whatever the p95 says.
    steady = [point(2, 2.5, 0.0), point(5, 3.0, 0.4), point(8, 9.0, 3.0)]
    assert knee_of(steady, 1.0, SweepAxis.RATE).x == 8


def test_a_sweep_reads_back_from_its_file_and_a_hostile_file_gets_one_sentence(sweep, tmp_path):
    result, _ = sweep
    for name in ("sweep.json", "sweep.json.gz"):
        again = load_sweep(save_sweep(result, tmp_path / name))
        assert again.to_json() == result.to_json()
        assert again.knee("flask-pool") == result.knee("flask-pool")
    rows = save_sweep_csv(result, tmp_path / "sweep.csv").read_text().splitlines()
    assert len(rows) == 1 + len(result.points) + len(result.skips)
    data = result.to_json()

    def refused(bad: object, name: str = "bad.json") -> str:
        path = tmp_path / name
        path.write_text(json.dumps(bad) if not isinstance(bad, str) else bad)
        with pytest.raises(BadInput) as caught:
            load_sweep(path)
        return str(caught.value)

    assert "bad.json" in refused("{not json")
    assert "NaN" in refused(json.dumps(data).replace('"p95": 0', '"p95": NaN', 1))
    assert "kitchen" in refused({**data, "spec": {**data["spec"], "kitchens": ["rm -rf"]}})
    more = {**data, "points": data["points"] * 10}
    assert "more points" in refused(more)
    odd = {**data, "points": [{**data["points"][0], "served": 10**9}]}
    assert "served" in refused(odd)
    assert "format" in refused({**data, "format": "chefline-race/1"})
    (tmp_path / "huge.json.gz").write_bytes(gzip.compress(b" " * (8 * 1024 * 1024)))
    with pytest.raises(BadInput, match="larger than"):
        load_sweep(tmp_path / "huge.json.gz")
    if hasattr(os, "mkfifo"):  # a named pipe would block a plain open() for ever
        os.mkfifo(tmp_path / "pipe.json")
        with pytest.raises(BadInput, match="not a regular file"):
            load_sweep(tmp_path / "pipe.json")


def test_bad_sweeps_are_refused_before_any_kitchen_opens():
    race = RacePlan(Recipe(wait=D))
    for kitchens, steps, kind in (((), (1,), "kitchen"), (("nope",), (1,), "nope"),
                                  (("flask-one-chef",), (10, 1), "rise"),
                                  (("flask-one-chef",), (1, 2000), "customers"),
                                  (("flask-one-chef",), tuple(range(1, 20)), "loads")):  # fmt: skip
        with pytest.raises(BadInput, match=kind):
            SweepPlan(kitchens, steps, race)
    with pytest.raises(BadInput, match="limit"):
        SweepPlan(("flask-one-chef",), (1,), race, limit=0.0)
    with pytest.raises(BadInput):  # 100/s for 20 s: 2000 customers, more than a race holds
        SweepPlan(("flask-one-chef",), (100.0,), race, SweepAxis.RATE, duration=20.0)


def test_chefline_sweep_prints_writes_and_draws_the_curve(tmp_path, capsys):
    out_json, png, svg = tmp_path / "s.json", tmp_path / "curve.png", tmp_path / "curve.svg"
    args = ["sweep", "-m", "fastapi-async", "-m", "flask-one-chef", "--users", "1,4,80",
            "-d", "0.2", "--limit", "2", "--json", str(out_json), "--out", str(png)]  # fmt: skip
    assert main(args, picture=draw_sweep) == 0
    printed = capsys.readouterr().out
    assert "fastapi-async — async def + await asyncio.sleep" in printed
    assert "no knee up to 80 users" in printed
    assert "knee: 4 users" in printed  # one chef: 4 × 0.2 s in a row
    assert "flask-one-chef skipped at 80 users" in printed
    assert png.stat().st_size > 20_000 and out_json.is_file()
    # The recorded sweep, shown again, draws the same curve as an SVG a browser can read.
    assert main(["sweep", "--open", str(out_json), "--out", str(svg)], picture=draw_sweep) == 0
    assert "knee: 4 users" in capsys.readouterr().out
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 1600 900"
    assert "flask-one-chef" in svg.read_text()
    # --json alone prints the sweep itself, which reads back.
    assert main(["sweep", "--open", str(out_json), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "chefline-sweep/1"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--users", "1,abc"], "numbers separated by commas"),
        (["--users", ""], "at least one load"),
        (["--users", "1,2", "--rates", "1"], "not both"),
        (["--users", "2.5"], "whole numbers"),
        (["--limit", "0"], "limit"),
        (["--out", "curve.gif"], ".png or .svg"),
        (["--rates", "50", "--duration", "30"], "at most 1000"),
        (["-m", "flask-one-chef", "-m", "flask-one-chef"], "once"),
        (["--open", "/nonexistent/sweep.json"], "cannot read"),
    ],
)
def test_bad_sweep_options_get_one_sentence_and_exit_2(args, says, capsys):
    assert main(["sweep", *args], picture=draw_sweep) == exit_codes.BAD_INPUT
    error = capsys.readouterr().err
    assert error.startswith("chefline: ") and says in error and error.count("\n") == 1


def test_a_stopped_sweep_keeps_its_points_and_says_so():
    plan = SweepPlan(("fastapi-async", "flask-one-chef"), (1, 2), RacePlan(Recipe(wait=0.3)))

    async def stop_after_first_point():
        runner = SweepRunner(plan)
        runner.listener = lambda news: runner.cancel() if isinstance(news, SweepPoint) else None
        return await runner.run()

    result = asyncio.run(stop_after_first_point())
    assert result.cancelled and [p.x for p in result.points] == [1]
    assert result.curve("flask-one-chef") == []


def test_a_sweep_by_rate_races_each_rate_as_a_stream_of_its_seed():
    # (The sweep by rate itself races in test_steady_rate.)
    plan = SweepPlan(("fastapi-async",), (5.0, 10.0), RacePlan(Recipe(wait=0.05)),
                     SweepAxis.RATE, duration=1.0)  # fmt: skip
    race = plan.plan_at(5.0)
    assert race.arrivals.steady and race.arrivals.rate == 5.0 and not race.in_turn
    assert replace(plan, seed=2).plan_at(5.0).arrivals.offsets != race.arrivals.offsets
    spec = plan.spec()
    assert spec.axis is SweepAxis.RATE and spec.duration == 1.0
    assert spec.one_order == pytest.approx(0.05 + 2 * 0.0002)


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX process groups")
def test_ctrl_c_stops_the_sweep_prints_what_it_measured_and_exits_130():
    # Ctrl+C in a terminal reaches the whole process group, the customers' process too.
    sweep = subprocess.Popen(
        [sys.executable, "-m", "chefline", "sweep", "-m", "fastapi-async", "-m", "flask-one-chef",
         "--users", "1,5", "-d", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        time.sleep(7)  # fastapi-async's first point (2 s) is over, its second under way
        os.killpg(sweep.pid, signal.SIGINT)
        out, err = sweep.communicate(timeout=30)
    finally:
        if sweep.poll() is None:
            os.killpg(sweep.pid, signal.SIGKILL)
    assert sweep.returncode == 130
    assert "sweep stopped" in err and "Traceback" not in err
    assert "fastapi-async — async def" in out and "The sweep was stopped" in out
    assert re.search(r"^ +1 +1/1 ", out, re.M)  # the point it measured before


def test_an_llm_sweep_puts_each_point_near_its_theory_and_finds_the_one_chefs_knee():
    # The LLM dish at the built-in model. Each kitchen gets one unmeasured order first: once,
    # without it, the async kitchen's first customer also waited for the model's process to
    # start (0.59 s for a 0.26 s call), and the curve showed a knee at 1 user.
    from chefline.kitchen.llm import ChatOrder, ModelSpeed

    speed = ModelSpeed(ttft=0.1, tokens_per_s=40.0)
    race = RacePlan.for_chat(ChatOrder(max_tokens=4), speed, Arrivals(1))
    plan = SweepPlan(("fastapi-async", "flask-one-chef"), (1, 4), race)
    result = asyncio.run(SweepRunner(plan).run())
    one_call = plan.spec().one_order
    for kitchen in plan.kitchens:
        first = result.curve(kitchen)[0]
        assert first.served == 1 and first.p95 < 1.5 * one_call
    assert result.knee("fastapi-async") is None
    chef = result.curve("flask-one-chef")[1]
    assert chef.makespan >= 4 * 0.9 * one_call and result.knee("flask-one-chef").x == 4
