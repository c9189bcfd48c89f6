"""Hostile race files: every way a saved race can be broken is refused in one sentence,
before anything is drawn, with bounded time and memory."""

import gzip
import json
import re
import time
import tracemalloc
from pathlib import Path

import pytest

from chefline.assets import resource_path
from chefline.client.export import load_json
from chefline.client.race_file import MAX_RACE_FILE_BYTES
from chefline.kitchen.errors import BadInput

SHIPPED = resource_path("talk", "replays", "one-chef.json.gz")


def good_race() -> dict:
    return json.loads(gzip.decompress(SHIPPED.read_bytes()))


def first_order(race: dict) -> dict:
    return race["kitchens"][0]["orders"][0]


def write(tmp_path: Path, race: dict | str, name: str = "race.json") -> Path:
    path = tmp_path / name
    path.write_text(race if isinstance(race, str) else json.dumps(race), encoding="utf-8")
    return path


def nan_time(race):
    first_order(race)["sent"] = float("nan")


def inf_time(race):
    first_order(race)["received"] = float("inf")


def huge_time(race):
    first_order(race)["done"] = 1e308


def string_time(race):
    first_order(race)["accepted"] = "12538.9"


def string_step(race):
    first_order(race)["steps"][1]["end"] = "soon"


def string_customers(race):
    race["customers"] = "5"


def fault_text(race):
    race["fault"] = "x"


def phases_backwards(race):
    order = first_order(race)
    order["received"] = order["sent"] - 1.0


def times_far_apart(race):
    first_order(race)["received"] = first_order(race)["sent"] + 10**6


def unknown_status(race):
    first_order(race)["status"] = "eaten"


def more_orders_than_customers(race):
    race["customers"] = 3


def order_twice(race):
    orders = race["kitchens"][0]["orders"]
    orders[1]["index"] = orders[0]["index"]


def unknown_kitchen(race):
    race["kitchens"][0]["kitchen"] = "flask-rocket"


def chat_with_extra_field(race):
    race["chat"] = {"prompt": "hi", "tools": []}


BREAKAGES = [nan_time, inf_time, huge_time, string_time, string_step, string_customers,
             fault_text, phases_backwards, times_far_apart, unknown_status,
             more_orders_than_customers, order_twice, unknown_kitchen,
             chat_with_extra_field]  # fmt: skip


def test_the_shipped_races_load():
    for path in sorted(resource_path("talk", "replays").glob("*.json.gz")):
        assert load_json(path).timelines


@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda f: f.__name__)
def test_a_broken_race_file_is_refused_in_one_sentence(tmp_path, breakage):
    race = good_race()
    breakage(race)
    with pytest.raises(BadInput) as refused:
        load_json(write(tmp_path, race))
    message = str(refused.value)
    assert message.startswith(("race.json is damaged", "cannot read race.json"))
    assert "\n" not in message and len(message) < 200


def test_a_number_of_400_digits_is_refused(tmp_path):
    text = re.sub(r'"sent": [0-9.]+', '"sent": 1' + "0" * 400, json.dumps(good_race()), count=1)
    with pytest.raises(BadInput, match=r"huge number|not a race"):
        load_json(write(tmp_path, text))


def test_deep_nesting_is_refused(tmp_path):
    text = json.dumps(good_race())[:-1] + ', "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(BadInput, match="nested deeper"):
        load_json(write(tmp_path, text))


@pytest.mark.parametrize("damage", ["truncated", "flipped", "bad deflate"])
def test_a_corrupt_gzip_is_refused(tmp_path, damage):
    raw = bytearray(SHIPPED.read_bytes())
    if damage == "truncated":
        raw = raw[: len(raw) // 2]
    elif damage == "flipped":
        raw[len(raw) // 2] ^= 0xFF
    else:  # the deflate stream itself: zlib.error, not an OSError
        raw[12] ^= 0xFF
    path = tmp_path / "race.json.gz"
    path.write_bytes(bytes(raw))
    with pytest.raises(BadInput, match=r"cannot read race\.json\.gz"):
        load_json(path)


def test_a_gzip_bomb_is_refused_while_it_inflates(tmp_path):
    # 200 MB of zeros in a few hundred kB: refused before more than the cap is held.
    path = tmp_path / "bomb.json.gz"
    with gzip.open(path, "wb", compresslevel=1) as bomb:
        block = b"0" * (1 << 20)
        for _ in range(200):
            bomb.write(block)
    tracemalloc.start()
    try:
        with pytest.raises(BadInput, match="larger than 64 MB"):
            load_json(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MAX_RACE_FILE_BYTES * 1.6


def test_a_million_orders_under_a_thousand_customers_is_refused_quickly(tmp_path):
    race = good_race()
    race["customers"] = 1000
    order = json.dumps(first_order(race))
    head, _, tail = json.dumps(race).partition('"orders": [')
    path = tmp_path / "flood.json.gz"
    with gzip.open(path, "wb", compresslevel=1) as flood:
        flood.write((head + '"orders": [').encode())
        chunk = ((order + ", ") * 1000).encode()
        for _ in range(1000):
            flood.write(chunk)
        flood.write((order + "]" + tail.partition("]")[2]).encode())
    start = time.perf_counter()
    with pytest.raises(BadInput, match=r"larger than|more \w+ than any race"):
        load_json(path)
    assert time.perf_counter() - start < 5.0


def test_orders_beyond_the_customers_are_refused_before_they_are_built(tmp_path):
    race = good_race()
    race["customers"] = 1000
    order = first_order(race)
    race["kitchens"][0]["orders"] = [dict(order, index=i % 1000) for i in range(1001)]
    with pytest.raises(BadInput, match="1001 orders for 1000 customers"):
        load_json(write(tmp_path, race))


def test_too_many_objects_are_refused_while_parsing(tmp_path):
    race = good_race()
    race["padding"] = [{} for _ in range(200_000)]
    with pytest.raises(BadInput, match="more arrays and objects than any race"):
        load_json(write(tmp_path, race))


# -- the window: one dialog, the app keeps running, nothing half-started -------------------


@pytest.fixture
def window(open_window):
    return open_window(["flask-one-chef"])


def boxes(window):
    from PySide6.QtWidgets import QApplication, QMessageBox

    found = QApplication.topLevelWidgets() + window.findChildren(QMessageBox)
    unique = {id(w): w for w in found if isinstance(w, QMessageBox) and w.isVisible()}
    return list(unique.values())


def test_a_nan_race_file_gives_one_dialog_and_no_replay(qtbot, window, tmp_path):
    race = good_race()
    nan_time(race)
    path = write(tmp_path, race)
    for _ in range(3):  # opened again and again: still one box for one cause
        assert not window.files.open_race(path)
    qtbot.wait(200)
    assert len(boxes(window)) == 1
    assert window.last_error == "cannot read race.json: NaN is not a number a race can hold"
    assert not window.session.replay.active and window.replay_bar.isHidden()
    assert window.controls.serve_button.isEnabled()
    for box in boxes(window):
        box.close()


def test_an_error_in_every_frame_gives_one_dialog(qtbot, qloop, window):
    from PySide6.QtCore import QTimer

    from chefline.ui.errors import UNEXPECTED

    UNEXPECTED.install(qloop)
    before = len(UNEXPECTED.seen)

    def broken_frame():
        int(float("nan"))  # what the replay bar did with a NaN race, 40 times a second

    timer = QTimer()
    timer.timeout.connect(broken_frame)
    timer.start(10)
    qtbot.waitUntil(lambda: len(UNEXPECTED.seen) >= before + 20, timeout=5000)
    timer.stop()
    qtbot.wait(100)
    shown = [b for b in boxes(window) if "cannot convert float NaN" in b.text()]
    assert len(shown) == 1
    assert window.isVisible() and window.controls.serve_button.isEnabled()
    for box in boxes(window):
        box.close()


def test_a_replay_that_cannot_start_leaves_the_last_one_playing(qtbot, window):
    from chefline.client.export import load_json as load

    player = window.session.replay
    shipped = load(SHIPPED)
    player.start(shipped, recorded=True)
    assert player.active
    broken = load(SHIPPED)
    first_order_record = next(iter(next(iter(broken.timelines.values())).orders.values()))
    first_order_record.sent = "soon"  # what a file with a string time made of the story
    with pytest.raises(TypeError):
        player.start(broken)
    assert player.active and player.result is shipped and player.recorded
    player.stop()
