"""Honest exit codes (issue 29, item 9), from the real command in a process of its own: a
race that served everyone is 0, failed orders 3, a kitchen killed mid-race 4, Ctrl+C 130
and SIGTERM 143 with what was measured so far printed and marked as stopped; a ratio to
theory only for a kitchen that served every order. And ``chefline serve`` answers the LLM
dish with the built-in model, and ends cleanly on SIGTERM."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest

from chefline.cli import exit_codes
from chefline.cli.main import build_parser

DOCS = Path(__file__).resolve().parents[1] / "docs" / "reliability.md"


def chefline(*argv: str) -> subprocess.Popen[str]:
    """``chefline`` in a process group of its own, as a terminal runs it (a Ctrl+C there
    reaches the whole group: the customers' and the model's processes too)."""
    return subprocess.Popen(
        [sys.executable, "-m", "chefline", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def wait_for(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def children(process: subprocess.Popen[str], marker: str) -> list[psutil.Process]:
    try:
        found = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    return [child for child in found if marker in " ".join(child.cmdline())]


def row(out: str, kitchen: str) -> list[str]:
    line = next(line for line in out.splitlines() if line.startswith(kitchen + " "))
    return line.split()


def test_failed_orders_exit_3():
    run = chefline("race", "-m", "fastapi-async", "-n", "4", "-d", "0.05", "--fault", "burn",
                   "--every", "2")  # fmt: skip
    out, _ = run.communicate(timeout=120)
    assert run.returncode == exit_codes.ORDERS_FAILED == 3
    assert row(out, "fastapi-async")[1:2] == ["2/4"] and row(out, "fastapi-async")[6] == "-"


def test_a_kitchen_killed_mid_race_exits_4_with_no_ratio():
    # Before: exit 0 and "0/30 … ×theory 0.25".
    run = chefline("race", "-m", "flask-gevent", "-n", "30", "-d", "2")
    wait_for(lambda: children(run, "_customers") and children(run, "_kitchen-child"), 60)
    time.sleep(1.0)  # the orders are on the stove
    for child in children(run, "_kitchen-child"):
        child.kill()
    out, _ = run.communicate(timeout=120)
    assert run.returncode == exit_codes.KITCHEN_DIED == 4
    cells = row(out, "flask-gevent")
    assert cells[1] == "0/30" and cells[6] == "-"  # served, ×theory
    assert "The flask-gevent kitchen died during the race." in out
    assert "No ×theory for flask-gevent" in out


@pytest.mark.parametrize(("stop", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stopped_race_prints_what_it_measured_and_exits_128_plus_the_signal(stop, code):
    # Before: SIGINT exit 0 with ratios for kitchens that served nothing; SIGTERM no output.
    run = chefline("race", "-m", "flask-one-chef", "-m", "fastapi-async", "-n", "20", "-d", "0.5")
    wait_for(lambda: children(run, "_customers"), 60)
    # The customers' process starts with the race and imports for a second or more; by 4 s
    # the async kitchen has served all 20 (0.5 s), the one chef a few of its 10 s.
    time.sleep(4.0)
    start = time.monotonic()
    os.killpg(run.pid, stop)  # as a terminal's Ctrl+C reaches every process of the group
    out, err = run.communicate(timeout=60)
    assert time.monotonic() - start < 10
    assert run.returncode == code
    assert out.startswith("STOPPED: ")
    assert "The race was stopped before every dish was served." in out
    one_chef, fast = row(out, "flask-one-chef"), row(out, "fastapi-async")
    served = int(one_chef[1].split("/")[0])
    assert 1 <= served < 20 and one_chef[6] == "-"  # measured so far; no ratio
    assert fast[1] == "20/20" and re.fullmatch(r"\d+\.\d\d", fast[6])  # finished: its ratio
    assert "Traceback" not in err
    assert ("Ctrl+C" if stop == signal.SIGINT else "SIGTERM") in err
    assert children(run, "chefline") == []  # nothing left behind


def test_every_command_lists_its_exit_codes_as_the_docs_do(capsys):
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for command in ["race", "rehearse", "serve", "window", "snapshot"]:
        assert "exit codes: 0 every order served" in commands[command].format_help()
    assert "exit codes:" in parser.format_help()
    docs = DOCS.read_text(encoding="utf-8")
    for name in ("OK", "FAILED", "BAD_INPUT", "ORDERS_FAILED", "KITCHEN_DIED", "INTERRUPTED",
                 "TERMINATED"):  # fmt: skip
        assert f"| {getattr(exit_codes, name)} |" in docs, name


def serving(run: subprocess.Popen[str]) -> list[str]:
    """What ``chefline serve`` printed until it said it serves."""
    lines: list[str] = []
    assert run.stdout is not None
    while not any("Press Ctrl+C" in line for line in lines):
        line = run.stdout.readline()
        assert line, run.stderr.read() if run.stderr else ""
        lines.append(line)
    return lines


def test_serve_answers_the_llm_dish_and_ends_on_sigterm():
    # Under chefline serve, POST /chat always answered 502 ("no language model is set up").
    run = chefline("serve", "-m", "flask-threaded", "-m", "fastapi-async", "--ttft", "0.05")
    lines = serving(run)
    urls = {
        line.split()[0]: line.split()[1] for line in lines if line.startswith(("flask", "fast"))
    }
    for url in urls.values():
        reply = httpx.post(f"{url}/chat", json={"prompt": "hi", "max_tokens": 3},
                           trust_env=False, timeout=20)  # fmt: skip
        assert reply.status_code == 200, reply.text
        assert reply.text.count('"token"') == 3
    os.killpg(run.pid, signal.SIGTERM)
    run.communicate(timeout=30)
    assert run.returncode == exit_codes.OK
    assert children(run, "chefline") == []


def test_serve_says_when_a_kitchen_dies_and_exits_4():
    run = chefline("serve", "-m", "flask-gevent")
    serving(run)
    for child in children(run, "_kitchen-child"):
        child.kill()
    out, _ = run.communicate(timeout=30)
    assert run.returncode == exit_codes.KITCHEN_DIED
    assert "chefline: the flask-gevent kitchen died; closing the others" in out


def test_every_test_the_reliability_page_names_exists():
    tests = DOCS.parent.parent / "tests"
    named, file = [], None
    for found in re.finditer(r"(test_\w+\.py)?::(test_\w+)", DOCS.read_text(encoding="utf-8")):
        file = found.group(1) or file
        named.append((file, found.group(2)))
    assert len(named) > 30
    missing = [f"{f}::{name}" for f, name in named
               if f"def {name}(" not in (tests / f).read_text(encoding="utf-8")]  # fmt: skip
    assert missing == []
