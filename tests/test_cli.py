"""The command line, as a user types it: tables, JSON, and clear refusals of bad input."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from chefline.cli import main
from chefline.kitchen import MODES


def test_modes_lists_every_mode(capsys):
    assert main(["modes"]) == 0
    out = capsys.readouterr().out
    for name in MODES:
        assert name in out


def test_race_prints_a_comparison_table(capsys):
    # Three orders of 0.2 s: one chef ≈0.6 s, async ≈0.2 s, and the theory beside each.
    code = main(["race", "-m", "flask-one-chef", "-m", "fastapi-async", "-n", "3", "-d", "0.2"])
    assert code == 0
    out = capsys.readouterr().out
    assert "3 customers per kitchen, burst, io dish with a 0.2 s wait" in out
    rows = {
        line.split()[0]: line.split()
        for line in out.splitlines()
        if line.startswith(("flask", "fastapi"))
    }
    assert rows["flask-one-chef"][1] == "3/3" and rows["fastapi-async"][1] == "3/3"
    one_chef, async_chef = float(rows["flask-one-chef"][2]), float(rows["fastapi-async"][2])
    assert one_chef >= 0.6 and one_chef >= 2 * async_chef  # three waits against one
    assert rows["flask-one-chef"][4] == "0.60"  # theory: 3 × (0.2 s + 0.4 ms) = 0.601 s


def test_race_json_has_full_timelines(capsys):
    assert main(["race", "-m", "fastapi-def", "-n", "2", "-d", "0.05", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (kitchen,) = data["kitchens"]
    assert kitchen["kitchen"] == "fastapi-def" and kitchen["summary"]["served"] == 2
    order = kitchen["orders"][0]
    assert order["sent"] <= order["accepted"] <= order["done"] <= order["received"]
    assert [step["name"] for step in order["steps"]] == ["prep", "wait", "plate"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["race", "-n", "0"], "customers must be between 1 and 1000, not 0"),
        (["race", "-n", "5000"], "customers must be between 1 and 1000"),
        (["race", "-d", "-1"], "wait must be between 0 and 30 seconds, not -1"),
        (["race", "-d", "nan"], "wait must be between 0 and 30 seconds"),
        (["race", "-m", "flask-no-chef"], "unknown kitchen mode 'flask-no-chef'"),
        (["race", "-m", "fastapi-async", "-m", "fastapi-async"], "repeated: fastapi-async"),
        (["race", "-n", "1000", "-d", "30"], "a race may last at most 300 s"),
        (["race", "--pool-size", "0", "-m", "flask-pool"], "pool size must be a whole number"),
        (["race", "--gap", "-2"], "gap between arrivals"),
        (["serve", "-m", "nope"], "unknown kitchen mode"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_exit_2(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_busy_port_for_serve_says_so_and_uses_another(capsys):
    import socket
    import threading

    from chefline.cli import build_parser, serve_command

    stop = threading.Event()
    stop.set()  # print the kitchens, then close them at once
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        args = build_parser().parse_args(["serve", "-m", "fastapi-async", "--port", str(port)])
        assert serve_command.run(args, stop=stop) == 0
    out = capsys.readouterr().out
    assert f"note: port {port} on 127.0.0.1 is already in use; fastapi-async opened on port" in out


def ctrl_c_as_in_a_terminal() -> None:
    """A suite started in the background (nohup, &) ignores SIGINT, and so would its
    children: give the app Ctrl+C back, as a terminal has it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_entry_point_serves_until_ctrl_c():
    # `python -m chefline serve` prints a URL that cooks, and exits 0 on SIGINT, promptly.
    proc = subprocess.Popen(
        [sys.executable, "-m", "chefline", "serve", "-m", "flask-one-chef"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=ctrl_c_as_in_a_terminal,
    )
    try:
        line = proc.stdout.readline()
        assert line.startswith("flask-one-chef") and "http://127.0.0.1:" in line
        url = line.split()[1]
        import httpx

        assert httpx.get(f"{url}/cook", params={"wait": "0"}).status_code == 200
        began = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=10)
        assert proc.returncode == 0 and "Traceback" not in err
        assert time.monotonic() - began < 2.0
    finally:
        proc.kill()
