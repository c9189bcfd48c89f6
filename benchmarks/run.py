"""`make bench`: every benchmark of Chefline, its figure beside its target, into
docs/performance.md (the whole table) and the README (its headline rows; see pages.py).

python benchmarks/run.py                 # everything (about 10 minutes on 2 cores)
python benchmarks/run.py --quick         # the slow one-at-a-time kitchens with d = 0.1 s
python benchmarks/run.py --only smoothness,start   (names as in BENCHMARKS, e.g. "head to head")
python benchmarks/run.py --render-only   # measure nothing: write the pages from results.json
python benchmarks/run.py --no-write      # measure and print, write nothing
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date

import engine
import llm
import package
import scale
import sweep
import your_app
from common import ROOT, Row, child, machine, median, percentile, table
from pages import load_results, machine_line_shown, write_pages

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def smoothness() -> list[Row]:
    """Frames of the real window during a 400-order race (two kitchens of 200) and an
    800-order race at four kitchens, at 1920×1080: how far apart, what each costs the GUI
    thread, and how soon the orders are on screen."""
    rows = []
    for label, modes in (
        ("2 kitchens × 200 orders", ["fastapi-async", "flask-threaded"]),
        ("4 kitchens × 200 orders", ["flask-threaded", "fastapi-async", "fastapi-def",
                                     "flask-gevent"]),
    ):  # fmt: skip
        runs = [child("window_race.py", *[a for m in modes for a in ("-m", m)],
                      "-n", "200", "-d", "1") for _ in range(3)]  # fmt: skip
        p50 = median([percentile(r["frame_intervals_ms"], 50) for r in runs])
        p99 = median([percentile(r["frame_intervals_ms"], 99) for r in runs])
        cpu = median([percentile(r["gui_cpu_per_frame_ms"], 50) for r in runs])
        first = median([r["first_orders_after_ms"] for r in runs])
        rows += [
            Row(
                "smoothness", f"frame interval p50, {label}", f"{p50:.0f} ms", "≤ 25 ms", p50 <= 25
            ),
            Row(
                "smoothness", f"frame interval p99, {label}", f"{p99:.0f} ms", "≤ 50 ms", p99 <= 50
            ),
            Row(
                "smoothness",
                f"the GUI thread's CPU per frame (p50), {label}",
                f"{cpu:.1f} ms",
                "≤ 4 ms",
                cpu <= 4,
            ),
            Row(
                "smoothness",
                f"orders on screen after Serve, {label}",
                f"{first:.0f} ms",
                "first frames",
                first <= 100,
            ),
        ]
    return rows


def window_capacity() -> list[Row]:
    """1000 orders of 2 s at fastapi-async with the window open; the process's peak memory."""
    run = child("window_race.py", "-m", "fastapi-async", "-n", "1000", "-d", "2")
    kitchen = run["kitchens"]["fastapi-async"]
    return [
        Row("capacity", "fastapi-async in the window, 1000 orders of 2 s: served, errors",
            f"{kitchen['served']}/1000, {kitchen['failed']} errors", "all, 0 errors",
            kitchen["served"] == 1000 and kitchen["failed"] == 0),
        Row("capacity", "fastapi-async, 1000 orders of 2 s: makespan",
            f"{kitchen['makespan']:.2f} s", "≤ 3.00 s (d + 1 s)", kitchen["makespan"] <= 3.0),
        Row("memory", "peak RSS of that 1000-order race (whole app)",
            f"{run['peak_rss_mb']:.0f} MB", "≤ 300 MB", run["peak_rss_mb"] <= 300),
    ]  # fmt: skip


def start_and_stop() -> list[Row]:
    starts, opens = [], []
    for _ in range(5):
        began = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(ROOT / "benchmarks" / "start_stop.py")],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                env=ENV)  # fmt: skip
        assert proc.stdout is not None  # piped
        shown = proc.stdout.readline()
        starts.append(time.perf_counter() - began)
        ready = proc.stdout.readline()
        opens.append(time.perf_counter() - began)
        proc.wait(timeout=30)
        assert (shown.strip(), ready.strip()) == ("SHOWN", "READY"), (shown, ready)
    stops = []
    for _ in range(3):
        window = subprocess.Popen(
            [sys.executable, "-m", "chefline", "window", "--serve", "-n", "50", "-d", "5"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # even from nohup
        )  # fmt: skip
        # The one chef is mid-dish and 50 async dishes are on the stove (at 200 the one
        # chef's 1000 s would be refused, and nothing would be racing).
        time.sleep(3.0)
        began = time.perf_counter()
        window.send_signal(signal.SIGINT)
        window.wait(timeout=30)
        stops.append(time.perf_counter() - began)
    start, opened, stop = median(starts), median(opens), median(stops)
    return [
        Row("start", "launch to the window's first paint (median of 5)",
            f"{start:.2f} s", "≤ 1.0 s", start <= 1.0),
        Row("start", "launch to its two kitchens listening, after it (median of 5)",
            f"{opened:.2f} s", "information", True),
        Row("stop", "close mid-race (50 orders in flight a kitchen) to process gone (median of 3)",
            f"{stop:.2f} s", "≤ 0.3 s", stop <= 0.3),
    ]  # fmt: skip


BENCHMARKS: dict[str, Callable[[], list[Row]] | None] = {
    "fidelity": None,  # needs --quick, see main()
    "head to head": scale.head_to_head,
    "route cost": scale.route_cost,
    "overhead": scale.outside_burst,
    "your app": your_app.instrumentation_overhead,
    "smoothness": smoothness,
    "capacity": lambda: window_capacity() + engine.one_chef_capacity(),
    "llm": llm.llm_users,
    "sweep": sweep.capacity_sweep,
    "start": start_and_stop,
    "package": package.package,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", default=",".join(BENCHMARKS))
    parser.add_argument("--render-only", action="store_true",
                        help="measure nothing: write the pages from results.json")  # fmt: skip
    parser.add_argument("--no-write", "--no-readme", dest="no_write", action="store_true",
                        help="print the table, write no page")  # fmt: skip
    args = parser.parse_args()
    if args.render_only:
        rows = load_results()
        if not rows:
            parser.error("benchmarks/results.json holds no rows to write")
        # The machine line stays that of the run that measured (this one measured nothing).
        write_pages(rows, machine_line_shown() or f"Measured with `make bench` on {machine()}.")
        print(table(rows))
        return
    chosen = args.only.split(",")
    unknown = set(chosen) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    fresh: dict[str, list[Row]] = {}
    today = date.today().isoformat()
    for name in chosen:
        began = time.perf_counter()
        benchmark = BENCHMARKS[name]
        produced = engine.fidelity(args.quick) if benchmark is None else benchmark()
        for row in produced:
            row.group, row.measured = name, today
        fresh[name] = produced
        print(f"{name}: {time.perf_counter() - began:.0f} s", file=sys.stderr)
        print(table(produced), file=sys.stderr, flush=True)
    # Benchmarks not run this time keep their last figures and dates (results.json), in the
    # usual order.
    kept = [row for row in load_results() if row.group not in fresh]
    rows = [row for name in BENCHMARKS for row in fresh.get(name, [])
            or [r for r in kept if r.group == name]]  # fmt: skip
    print(table(rows))
    if not args.no_write:
        write_pages(rows, f"Measured with `make bench` on {machine()}.")


if __name__ == "__main__":
    main()
