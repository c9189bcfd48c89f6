"""The tail of a race: p99 on known timelines, the shared histogram, and the race as a trace
for Perfetto, written by ``chefline race --trace`` from a real race on loopback."""

import itertools
import json
import re
from collections import Counter, defaultdict

import pytest

from chefline.cli import main
from chefline.cli.exit_codes import ORDERS_FAILED
from chefline.kitchen.histogram import nice_ceiling, shared_histogram
from chefline.kitchen.order import OrderRecord, OrderStatus, Step, StepKind
from chefline.kitchen.timeline import RaceTimeline

# -- p99 on hand-made timelines ---------------------------------------------------------------


def record(index, sent, accepted, received, status=OrderStatus.SERVED, tokens=()):
    order = OrderRecord("k", index, sent=sent, accepted=accepted, received=received)
    order.status, order.chef, order.chef_kind = status, "A", "thread"
    order.steps = [Step("wait", StepKind.IO, accepted, received, True)]
    order.done, order.tokens = received, list(tokens)
    return order


def test_p99_of_a_hundred_evenly_spread_orders():
    # Order i (1..100) spends i/100 s in the restaurant and waits i/1000 s for a chef.
    timeline = RaceTimeline("k")
    for i in range(1, 101):
        timeline.add(record(i, 0.0, i / 1000, i / 100, tokens=[i / 200]))
    s = timeline.summary()
    # Linear interpolation between ranks: rank 98.01 of 0..99 lies between 0.99 and 1.00.
    assert s.latency_p50 == pytest.approx(0.505)
    assert s.latency_p95 == pytest.approx(0.9505)
    assert s.latency_p99 == pytest.approx(0.9901)
    assert s.queue_wait_p95 == pytest.approx(0.09505)
    assert s.queue_wait_p99 == pytest.approx(0.09901)
    assert s.ttft_p99 == pytest.approx(0.49505)


def test_p99_sees_the_one_slow_order_that_p50_hides():
    # Nine orders of 0.1 s and one of 5 s: the median is untouched, the tail is not.
    timeline = RaceTimeline("k")
    for i in range(9):
        timeline.add(record(i, 0.0, 0.0, 0.1))
    timeline.add(record(9, 0.0, 0.0, 5.0))
    timeline.add(record(10, 0.0, None, 9.0, status=OrderStatus.FAILED))  # not a latency
    s = timeline.summary()
    assert s.latency_p50 == pytest.approx(0.1)
    assert s.latency_p95 == pytest.approx(0.1 + 4.9 * 0.55)
    assert s.latency_p99 == pytest.approx(0.1 + 4.9 * 0.91)
    assert s.to_json()["latency_p99"] == s.latency_p99
    assert s.to_json()["queue_wait_p99"] == pytest.approx(0.0)


def test_no_served_order_has_no_p99():
    timeline = RaceTimeline("k")
    timeline.add(record(0, 0.0, None, 1.0, status=OrderStatus.FAILED))
    s = timeline.summary()
    assert s.latency_p99 is None and s.queue_wait_p99 is None and s.ttft_p99 is None


# -- the shared histogram ---------------------------------------------------------------------


def test_kitchens_share_one_axis_that_ends_at_a_nice_number():
    slow = [0.5 * i for i in range(1, 7)]  # one chef: 0.5, 1.0, … 2.9 s
    slow[-1] = 2.9
    fast = [0.51, 0.52, 0.5, 0.53, 0.55, 0.56]  # async: all near 0.5 s
    histogram = shared_histogram({"one chef": slow, "async": fast}, bins=6)
    assert histogram.span == 3.0 and histogram.bins == 6  # 2.9 s rounds up to 3
    assert histogram.edges == pytest.approx((0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0))
    assert histogram.counts["async"] == (0, 6, 0, 0, 0, 0)
    assert histogram.counts["one chef"] == (0, 1, 1, 1, 1, 2)
    assert histogram.tallest("async") == 6 and histogram.tallest("one chef") == 2


def test_a_time_at_the_axis_end_is_counted_and_one_past_it_is_not():
    histogram = shared_histogram({"k": [0.0, 2.0, 2.5]}, bins=4, span=2.0)
    assert histogram.counts["k"] == (1, 0, 0, 1)
    assert shared_histogram({"k": []}, bins=3).counts["k"] == (0, 0, 0)
    with pytest.raises(ValueError):
        shared_histogram({"k": [1.0]}, bins=0)


@pytest.mark.parametrize(
    ("value", "ceiling"),
    [(0.0, 1.0), (0.3, 0.3), (0.61, 0.8), (1.0, 1.0), (2.2, 2.5), (10.97, 12), (37, 40), (91, 100)],
)
def test_nice_ceiling(value, ceiling):
    assert nice_ceiling(value) == pytest.approx(ceiling)


# -- the trace of a real race -----------------------------------------------------------------

TRACE_MODES = ["flask-one-chef", "flask-pool", "fastapi-async", "flask-gevent", "flask-processes"]
N = 6


@pytest.fixture(scope="module")
def trace_and_records(tmp_path_factory):
    """``chefline race --json --trace`` over five kitchens (threads, a pool, an event loop,
    greenlets, worker processes), one order in four burnt: the trace and the printed records."""
    import contextlib
    import io

    path = tmp_path_factory.mktemp("trace") / "race-trace.json"
    argv = ["race", "-n", str(N), "-d", "0.1", "--fault", "burn", "--every", "4",
            "--pool-size", "2", "--workers", "2", "--json", "--trace", str(path)]  # fmt: skip
    for mode in TRACE_MODES:
        argv += ["-m", mode]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(argv) == ORDERS_FAILED  # the burnt orders, on purpose: the exit code says so
    return json.loads(path.read_text()), json.loads(out.getvalue())


def names(trace, kind):
    """(pid, tid or None) → name, from the process_name / thread_name metadata events."""
    return {
        (e["pid"], e.get("tid")): e["args"]["name"]
        for e in trace["traceEvents"]
        if e["ph"] == "M" and e["name"] == f"{kind}_name"
    }


def test_the_trace_names_one_process_per_kitchen_and_its_chefs(trace_and_records):
    trace, records = trace_and_records
    processes = names(trace, "process")
    assert sorted(processes.values()) == sorted(TRACE_MODES)
    pid_of = {name: pid for (pid, _), name in processes.items()}
    threads = names(trace, "thread")
    for kitchen in records["kitchens"]:
        pid = pid_of[kitchen["kitchen"]]
        chefs = {o["chef"] for o in kitchen["orders"] if o["chef"] is not None}
        chef_tracks = {n for (p, _), n in threads.items() if p == pid and n.startswith("chef ")}
        assert len(chef_tracks) == len(chefs) == kitchen["summary"]["chefs"]
    kinds = {n.split(" · ")[1] for n in threads.values() if n.startswith("chef ")}
    assert kinds == {"thread", "event loop", "greenlet", "process"}
    one_chef = {n for (p, _), n in threads.items() if p == pid_of["flask-one-chef"]}
    assert "chef 1 · thread" in one_chef and "chef 2 · thread" not in one_chef


def test_one_slice_per_served_order_matching_the_records_within_a_microsecond(trace_and_records):
    trace, records = trace_and_records
    origin = trace["otherData"]["clock_origin_s"]
    pid_of = {name: pid for (pid, _), name in names(trace, "process").items()}
    slices = [e for e in trace["traceEvents"] if e["ph"] == "X"]
    assert all(e["dur"] >= 0 for e in slices)  # begin ≤ end, everywhere
    orders = defaultdict(list)
    for e in slices:
        if e["cat"] == "order":
            orders[(e["pid"], e["args"]["order"])].append(e)

    def us(t):
        return (t - origin) * 1e6

    for kitchen in records["kitchens"]:
        pid = pid_of[kitchen["kitchen"]]
        served = [o for o in kitchen["orders"] if o["status"] == "served"]
        traced = [e for (p, _), es in orders.items() if p == pid for e in es]
        assert len([e for e in traced if e["args"]["status"] == "served"]) == len(served) > 0
        for order in kitchen["orders"]:
            (whole,) = orders[(pid, order["index"] + 1)]
            assert whole["args"]["http_status"] == order["http_status"]
            assert abs(whole["ts"] - us(order["sent"])) <= 1.0
            assert abs(whole["ts"] + whole["dur"] - us(order["received"])) <= 1.0
            phases = [
                e for e in slices
                if e["pid"] == pid and e["tid"] == whole["tid"] and e["cat"] == "phase"
            ]  # fmt: skip
            for step in order["steps"]:
                (slice_,) = [e for e in phases if e["args"].get("step") == step["name"]]
                assert abs(slice_["ts"] - us(step["start"])) <= 1.0
                assert abs(slice_["ts"] + slice_["dur"] - us(step["end"])) <= 1.0
                assert (
                    whole["ts"]
                    <= slice_["ts"]
                    <= slice_["ts"] + slice_["dur"]
                    <= whole["ts"] + whole["dur"]
                )
        # Burnt orders answered 500, and the trace says so.
        statuses = Counter(e["args"]["http_status"] for e in traced)
        assert statuses == Counter(o["http_status"] for o in kitchen["orders"])
        assert statuses[500] >= 1


def test_every_phase_nests_inside_its_order_as_perfetto_requires(trace_and_records):
    trace, _ = trace_and_records
    orders, phases = {}, defaultdict(list)
    for e in trace["traceEvents"]:
        if e["ph"] == "X" and e["cat"] in ("order", "phase"):
            assert isinstance(e["ts"], int) and isinstance(e["dur"], int)
            if e["cat"] == "order":
                orders[(e["pid"], e["tid"])] = e
            else:
                phases[(e["pid"], e["tid"])].append(e)
    assert phases.keys() <= orders.keys()
    names = {e["name"] for track in phases.values() for e in track}
    assert {"waiting", "working", "stuck at the pot", "on the stove", "served"} <= names
    for track, inner in phases.items():
        whole = orders[track]
        inner.sort(key=lambda e: e["ts"])
        for e in inner:
            assert whole["ts"] <= e["ts"] and e["ts"] + e["dur"] <= whole["ts"] + whole["dur"]
        for a, b in itertools.pairwise(inner):  # siblings follow each other, never overlap
            assert a["ts"] + a["dur"] <= b["ts"] or b["ts"] + b["dur"] <= a["ts"] + a["dur"]


def test_a_chef_track_never_holds_two_slices_at_once(trace_and_records):
    trace, _ = trace_and_records
    tracks = defaultdict(list)
    for e in trace["traceEvents"]:
        if e["ph"] == "X" and e["cat"] == "chef":
            tracks[(e["pid"], e["tid"])].append((e["ts"], e["ts"] + e["dur"]))
    assert tracks
    for spans in tracks.values():
        spans.sort()
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert start >= end


def test_an_llm_race_traces_each_token_as_an_instant(tmp_path, capsys):
    path = tmp_path / "llm.json"
    code = main(["race", "--llm", "-n", "3", "--ttft", "0.05", "--tokens-per-s", "200",
                 "--max-tokens", "4", "-m", "fastapi-async", "--json",
                 "--trace", str(path)])  # fmt: skip
    records = json.loads(capsys.readouterr().out)
    trace = json.loads(path.read_text())
    origin = trace["otherData"]["clock_origin_s"]
    assert code == 0
    tokens = [e for e in trace["traceEvents"] if e["ph"] == "i" and e["name"] == "token"]
    recorded = sorted(t for o in records["kitchens"][0]["orders"] for t in o["tokens"])
    assert len(tokens) == len(recorded) == 12
    assert sorted(e["ts"] for e in tokens) == pytest.approx(
        [(t - origin) * 1e6 for t in recorded], abs=1.0
    )


def test_an_unwritable_trace_path_gets_one_sentence_and_the_table_still_prints(tmp_path, capsys):
    target = tmp_path / "no such folder" / "trace.json"
    code = main(["race", "-n", "2", "-d", "0.05", "-m", "fastapi-async", "--trace", str(target)])
    captured = capsys.readouterr()
    assert code == 1
    assert "2 customers per kitchen" in captured.out and "fastapi-async" in captured.out
    assert captured.err.strip().count("\n") == 0
    assert "Could not write the trace to" in captured.err and "No such file" in captured.err
    code = main(["race", "-n", "2", "-d", "0.05", "-m", "fastapi-async", "--trace", str(tmp_path)])
    assert code == 1 and "Could not write the trace" in capsys.readouterr().err


def test_the_table_has_p99_beside_p50_and_p95(capsys):
    assert main(["race", "-n", "4", "-d", "0.05", "-m", "flask-one-chef"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header, row = (re.split(r"\s{2,}", line.strip()) for line in (lines[2], lines[4]))
    p50 = header.index("p50")
    assert header[p50 : p50 + 3] == ["p50", "p95", "p99"]
    assert header[p50 + 3 : p50 + 5] == ["queue p95", "queue p99"]
    # One chef, four orders of 0.05 s at once: the p99 is near the last one's 0.2 s.
    assert float(row[p50 + 2].removesuffix(" s")) >= 0.19
