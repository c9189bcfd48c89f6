"""The verdict's words, said once for the command line and the window: who held the chef,
computing or waiting, your line then the library's, a block still open at the race's end,
code outside any order, a line of a library alone."""

from chefline.kitchen.app_verdict import AppVerdict, RaisedError, describe_block
from chefline.kitchen.order import StepKind
from chefline.kitchen.your_app import FoundBy, LibraryFrame, LoopBlock, PythonUsed

PYTHON = PythonUsed("/srv/shop/.venv/bin/python", "3.12.1", FoundBy.BESIDE_APP)
URLLIB3 = LibraryFrame("urllib3 connection.py", "/srv/shop/.venv/…/connection.py", 638, "get")


def block(order=2, start=10.0, end=10.3, **more) -> LoopBlock:
    fields = {"race": "r", "order": order, "start": start, "end": end, "file": "/srv/shop.py",
              "line": 16, "function": "fetch", "code": "requests.get(URL)", **more}  # fmt: skip
    return LoopBlock(**fields)


def test_a_block_names_your_line_then_the_library_frame_it_was_in():
    said = describe_block(block(library=URLLIB3))
    assert said == ("order 3 held the chef at the pot for 0.30 s at shop.py:16 → urllib3 "
                    "connection.py:638 in `fetch` (requests.get(URL))")  # fmt: skip
    assert describe_block(block(kind=StepKind.CPU)).startswith("order 3 kept the chef working")
    still = describe_block(block(still_running=True))
    assert "for 0.30 s so far (it still held it when the race ended) at shop.py:16" in still
    assert describe_block(block(order=None)).startswith("code outside any order held the chef")
    lexer = LibraryFrame("pygments lexer.py", "/x/lexer.py", 714, "get_tokens")
    alone = block(mine=False, library=lexer, file="/x/lexer.py", line=714, function="get_tokens")
    assert "at pygments lexer.py:714 in `get_tokens`" in describe_block(alone)
    assert "in library code (no line of your app's files was on the stack)" in describe_block(alone)


def test_one_verdict_for_the_table_the_window_and_the_json():
    blocks = (block(0, 10.0, 10.3), block(1, 10.3, 10.6, kind=StepKind.CPU))
    raised = (RaisedError("RuntimeError: no", "/srv/shop.py", 9, "boom", 2),)
    verdict = AppVerdict("shop:app@uvicorn", PYTHON, True, 0.02, 10.0, 11.0, blocks, raised)
    lines = verdict.lines()
    raised_line = "your route raised RuntimeError: no (at shop.py:9 in `boom`) (2 orders)"
    assert lines[0] == f"shop:app@uvicorn: {raised_line}"
    assert lines[1] == ("shop:app@uvicorn: the chef was held 0.60 s of the 1.00 s race (60 %), "
                        "in 2 blocks: stuck at the pot 0.30 s, working 0.30 s")  # fmt: skip
    assert lines[2:] == ["  " + describe_block(b) for b in blocks]
    assert verdict.sentence() == ("shop:app@uvicorn: the chef was held 0.60 s of 1.00 s, in 2 "
                                  "blocks; the longest: " + describe_block(blocks[0]))  # fmt: skip
    data = verdict.to_json()
    assert data["python"] == {"executable": "/srv/shop/.venv/bin/python", "version": "3.12.1",
                              "found_by": ".venv beside the app"}  # fmt: skip
    assert [b["kind"] for b in data["blocks"]] == ["io", "cpu"] and data["blocked_s"] == 0.6
    assert verdict.marks() == {("/srv/shop.py", 16): "held the chef 0.60 s"}
    quiet = AppVerdict("shop:app@uvicorn", PYTHON, True, 0.02, 10.0, 11.0)
    assert quiet.sentence() == "shop:app@uvicorn: the event loop never stood still."
    threads = AppVerdict("shop:app@werkzeug", PYTHON, False, 0.02, 10.0, 11.0)
    assert threads.lines() == [] and "blocks" not in threads.to_json()
