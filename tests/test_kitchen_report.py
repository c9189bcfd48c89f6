"""The kitchen's report and its error bodies are typed, and their JSON is the wire's."""

from __future__ import annotations

import json

import httpx
import pytest

from chefline.kitchen.error_body import ErrorBody, ErrorKind
from chefline.kitchen.order import KitchenReport, OrderRecord, Step, StepKind
from chefline.servers.kitchens import start_kitchen

STEPS = (
    Step("prep", StepKind.CPU, 1.0, 1.01, True),
    Step("wait", StepKind.IO, 1.01, 1.51, False),
)


def test_a_report_round_trips_through_json():
    report = KitchenReport("fastapi-async", "r1", 3, "loop#7", "event-loop", 1.0, STEPS, 1.52)
    wire = json.loads(json.dumps(report.to_json()))
    assert list(wire) == ["kitchen", "race", "order", "chef", "chef_kind", "accepted", "steps",
                          "done"]  # fmt: skip
    assert KitchenReport.from_json(wire) == report


def test_an_unfinished_llm_report_round_trips_with_its_tokens():
    report = KitchenReport("flask-pool", "r1", 0, "t#1", "thread", 1.0, STEPS, None, tokens=5)
    wire = json.loads(json.dumps(report.to_json()))
    assert wire["done"] is None and wire["tokens"] == 5
    assert KitchenReport.from_json(wire) == report


def test_a_broken_report_is_refused():
    wire = KitchenReport("k", "r", 0, "c", "thread", 1.0, STEPS, 2.0).to_json()
    del wire["accepted"]
    with pytest.raises(KeyError):
        KitchenReport.from_json(wire)


def test_an_order_takes_the_kitchens_part_from_the_report():
    record = OrderRecord("flask-pool", 0, sent=0.9)
    record.apply_kitchen_report(KitchenReport("k", "r", 0, "t#1", "thread", 1.0, STEPS, 1.6))
    assert (record.chef, record.chef_kind, record.accepted, record.done) == ("t#1", "thread", 1.0,
                                                                             1.6)  # fmt: skip
    assert record.steps == list(STEPS)


@pytest.mark.parametrize("kind", list(ErrorKind))
def test_an_error_body_round_trips(kind):
    report = KitchenReport("k", "r", 1, "t#1", "thread", 1.0, STEPS[:1], None)
    body = ErrorBody(kind, "why it failed", report)
    wire = json.loads(json.dumps(body.to_json()))
    assert wire["error"] == kind.value and wire["detail"] == "why it failed"
    assert ErrorBody.from_json(wire) == body
    bare = ErrorBody(kind, "no dish begun")
    assert "kitchen_report" not in bare.to_json()
    assert ErrorBody.from_json(bare.to_json()) == bare


@pytest.mark.parametrize(
    "body", [None, "oops", [], {}, {"error": "teapot"}, {"error": {"message": "x"}}, {"detail": 1}]
)
def test_what_is_not_a_kitchens_error_reads_as_none(body):
    assert ErrorBody.from_json(body) is None


def test_a_broken_partial_report_is_left_out_not_raised():
    failed = ErrorBody.from_json({"error": "burnt dish", "detail": "d", "kitchen_report": {}})
    assert failed == ErrorBody(ErrorKind.BURNT_DISH, "d", None)


@pytest.mark.parametrize("mode", ["flask-one-chef", "fastapi-async"])
def test_a_real_kitchens_reply_is_the_typed_report(mode):
    with start_kitchen(mode) as kitchen:
        served = httpx.get(kitchen.cook_url, params={"wait": 0.05, "race": "rt", "order": 2})
        burnt = httpx.get(
            kitchen.cook_url, params={"wait": 0.05, "race": "rt", "fault": "burn", "every": 1}
        )
        bad = httpx.get(kitchen.cook_url, params={"wait": "soon"})
    assert served.status_code == 200
    report = KitchenReport.from_json(served.json())
    assert (report.kitchen, report.race, report.order) == (mode, "rt", 2)
    assert [step.name for step in report.steps] == ["prep", "wait", "plate"]
    assert report.to_json() == served.json()
    assert burnt.status_code == 500
    failed = ErrorBody.from_json(burnt.json())
    assert failed is not None and failed.kind is ErrorKind.BURNT_DISH
    assert failed.kitchen_report is not None and failed.kitchen_report.done is None
    assert failed.to_json() == burnt.json()
    if mode.startswith("flask"):  # FastAPI answers a bad order with its own 422 body
        refused = ErrorBody.from_json(bad.json())
        assert refused is not None and refused.kind is ErrorKind.BAD_ORDER
