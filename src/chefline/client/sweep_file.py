"""A recorded sweep on disk: written as JSON (gzipped for ``.gz``), read back as hostile input.

Reading is bounded (``MAX_SWEEP_FILE_BYTES``, inflated in chunks) and the whole file is
checked before anything draws it: every number finite and within what a sweep can hold,
every kitchen a known one, no more points than kitchens × loads. ``BadInput`` says in one
sentence what is wrong.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import zlib
from pathlib import Path
from typing import Any

from chefline.kitchen import limits
from chefline.kitchen.capacity import SWEEP_FORMAT, Sweep, SweepAxis, SweepPoint
from chefline.kitchen.errors import BadInput, FileWriteError
from chefline.kitchen.modes import MODES
from chefline.kitchen.numbers import is_real, is_whole
from chefline.kitchen.recipe import DishKind
from chefline.texts import translate

MAX_SWEEP_FILE_BYTES = 4 * 1024 * 1024
"""Uncompressed; a full sweep (every kitchen at a dozen loads) takes some 40 KB."""
MAX_STEPS = 12
"""Loads in one sweep."""
MAX_SECONDS = 100_000.0
"""No figure of a sweep is longer than this (a point lasts minutes at most)."""
MAX_BYTES = 2**50
MAX_TEXT = 500
_CHUNK = 256 * 1024


def save_sweep(sweep: Sweep, path: Path) -> Path:
    """The sweep as JSON; gzipped when ``path`` ends in .gz. FileWriteError if it cannot."""
    text = json.dumps(sweep.to_json(), indent=1)
    try:
        if path.suffix == ".gz":
            path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
        else:
            path.write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        message = translate("Errors", "could not write {0}: {1}")
        raise FileWriteError(message.format(path, error.strerror or error)) from None
    return path


def load_sweep(path: Path) -> Sweep:
    """A sweep written by ``save_sweep``, read with bounds and checked whole."""
    raw = _read_bounded(path)
    try:
        data = json.loads(raw, parse_constant=_no_constant)
    except RecursionError:
        raise _refuse(path, "it is nested deeper than a sweep") from None
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError, NaN, huge integers
        raise _refuse(path, str(error)) from None
    problem = sweep_problem(data)
    if problem is None:
        try:
            return Sweep.from_json(data)
        except (KeyError, TypeError, ValueError) as error:
            problem = str(error)
    text = translate("Errors", "{0} is not a sweep Chefline can show: {1}")
    raise BadInput(text.format(path.name, problem))


def _refuse(path: Path, why: str) -> BadInput:
    return BadInput(translate("Errors", "cannot read {0}: {1}").format(path.name, why))


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a sweep can hold")


def _read_bounded(path: Path) -> bytes:
    try:
        if path.exists() and not path.is_file():  # a named pipe would block open() forever
            raise _refuse(path, "it is not a regular file")
        with path.open("rb") as handle:
            compressed = handle.read(2) == b"\x1f\x8b"
            handle.seek(0)
            stream = gzip.GzipFile(fileobj=handle) if compressed else handle
            parts, size = [], 0
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > MAX_SWEEP_FILE_BYTES:
                    limit = MAX_SWEEP_FILE_BYTES // (1024 * 1024)
                    raise _refuse(path, f"it is larger than {limit} MB uncompressed")
                parts.append(chunk)
            return b"".join(parts)
    except (OSError, EOFError, zlib.error) as error:
        raise _refuse(path, str(error) or type(error).__name__) from None


# -- the checks: each returns what is wrong, or None ---------------------------------------


def _number(value: object, name: str, low: float, high: float, none_ok: bool = False) -> str | None:
    if value is None and none_ok:
        return None
    if not is_real(value):
        return f"{name} is not a number"
    if not math.isfinite(value) or not low <= value <= high:
        return f"{name} must be between {low:g} and {high:g}"
    return None


def _whole(value: object, name: str, low: int, high: int, none_ok: bool = False) -> str | None:
    if value is None and none_ok:
        return None
    if not is_whole(value):
        return f"{name} is not a whole number"
    return None if low <= value <= high else f"{name} must be between {low} and {high}"


def _first(*problems: str | None) -> str | None:
    return next((p for p in problems if p), None)


def sweep_problem(data: object) -> str | None:
    """What is wrong with a sweep's JSON, or None if it can be shown."""
    if not isinstance(data, dict):
        return "it is not a JSON object"
    if data.get("format") != SWEEP_FORMAT:
        return f"its format is not {SWEEP_FORMAT}"
    spec = data.get("spec")
    if not isinstance(spec, dict):
        return "it has no spec"
    problem = _spec_problem(spec)
    if problem:
        return problem
    kitchens, steps = spec["kitchens"], spec["steps"]
    lists = [data.get(name, []) for name in ("points", "skips")]
    if not all(isinstance(items, list) for items in lists):
        return "its points or skips are not lists"
    points, skips = lists
    if len(points) + len(skips) > len(kitchens) * len(steps):
        return f"it has more points than {len(kitchens)} kitchens × {len(steps)} loads"
    for point in points:
        if problem := _point_problem(point, kitchens):
            return problem
    for skip in skips:
        if problem := _skip_problem(skip, kitchens):
            return problem
    theory = data.get("theory", {})
    if not isinstance(theory, dict) or not set(theory) <= set(kitchens):
        return "its theory names kitchens it did not sweep"
    for name, line in theory.items():
        if not isinstance(line, list) or len(line) > len(steps):
            return f"{name}: its theory line is not a list of loads"
        for xy in line:
            if not isinstance(xy, list) or len(xy) != 2:
                return f"{name}: a theory point is not a pair"
            load, p95 = xy
            if problem := _first(
                _number(load, f"{name}: a theory load", 0, 1e4),
                _number(p95, f"{name}: a theory p95", 0, MAX_SECONDS),
            ):
                return problem
    if not isinstance(data.get("when", ""), str) or len(data.get("when", "")) > 64:
        return "its date is not text"
    return None


def _spec_problem(spec: dict[str, Any]) -> str | None:
    kitchens, steps = spec.get("kitchens"), spec.get("steps")
    if not isinstance(kitchens, list) or not 1 <= len(kitchens) <= len(MODES):
        return f"it must sweep 1 to {len(MODES)} kitchens"
    if not all(isinstance(name, str) and name in MODES for name in kitchens):
        return "it names a kitchen Chefline does not have"
    if len(set(kitchens)) != len(kitchens):
        return "it names a kitchen twice"
    if not isinstance(steps, list) or not 1 <= len(steps) <= MAX_STEPS:
        return f"it must have 1 to {MAX_STEPS} loads"
    axis = spec.get("axis")
    if axis not in {a.value for a in SweepAxis}:
        return "its axis is neither users nor rate"
    high = limits.MAX_CUSTOMERS if axis == SweepAxis.USERS else limits.MAX_RATE
    settings = spec.get("settings", {})
    return _first(
        *(_number(x, "a load", 0, high) for x in steps),
        None if spec.get("dish") in {d.value for d in DishKind} else "its dish is unknown",
        _number(spec.get("one_order"), "one order's time", 0, MAX_SECONDS),
        _number(spec.get("limit"), "the limit", 0, MAX_SECONDS),
        _number(spec.get("duration", 0.0), "the duration", 0, limits.MAX_DURATION_S),
        _whole(spec.get("seed", 0), "the seed", 0, 2**63),
        _whole(spec.get("cores", 1), "the cores", 1, 4096),
        None if isinstance(settings, dict) and len(settings) <= 8 else "its settings are odd",
        *(_whole(v, f"setting {k}", 0, 10_000) for k, v in settings.items()),
    )


def _point_problem(point: object, kitchens: list[str]) -> str | None:
    if not isinstance(point, dict):
        return "a point is not an object"
    name = point.get("kitchen")
    if name not in kitchens:
        return "a point belongs to a kitchen the sweep does not name"
    where = f"{name} at {point.get('x')!r}"
    customers = point.get("customers")
    top = customers if isinstance(customers, int) and not isinstance(customers, bool) else 0
    return _first(
        _number(point.get("x"), f"{name}: a load", 0, 1e4),
        _whole(customers, f"{where}: customers", 1, limits.MAX_CUSTOMERS),
        _whole(point.get("served"), f"{where}: served", 0, top),
        _whole(point.get("failed"), f"{where}: failed", 0, top),
        *(_number(point.get(key), f"{where}: {key}", 0, MAX_SECONDS, none_ok=True)
          for key in ("p50", "p95", "p99", "makespan", "theory_p50", "theory_p95",
                      "theory_p99", "theory_makespan", "seconds")),
        _number(point.get("queue_growth"), f"{where}: queue growth", -MAX_SECONDS,
                MAX_SECONDS, none_ok=True),
        _number(point.get("spare_cores"), f"{where}: spare cores", 0, 4096, none_ok=True),
        _whole(point.get("processes"), f"{where}: processes", 0, 10_000, none_ok=True),
        _whole(point.get("threads"), f"{where}: threads", 0, 100_000, none_ok=True),
        _whole(point.get("memory"), f"{where}: memory", 0, MAX_BYTES, none_ok=True),
        _whole(point.get("app_memory"), f"{where}: app memory", 0, MAX_BYTES, none_ok=True),
        None if len(point) <= len(SweepPoint.__dataclass_fields__) else f"{where}: odd fields",
    )  # fmt: skip


def _skip_problem(skip: object, kitchens: list[str]) -> str | None:
    if not isinstance(skip, dict):
        return "a skipped load is not an object"
    name = skip.get("kitchen")
    if name not in kitchens:
        return "a skipped load belongs to a kitchen the sweep does not name"
    reason = skip.get("reason")
    return _first(
        _number(skip.get("x"), f"{name}: a skipped load", 0, 1e4),
        None if isinstance(reason, str) and len(reason) <= MAX_TEXT else f"{name}: bad reason",
        _number(skip.get("expected"), f"{name}: expected time", 0, 1e9, none_ok=True),
    )


CSV_COLUMNS = [
    "kitchen", "load", "customers", "served", "failed", "p50", "p95", "p99", "theory_p95",
    "ratio_p95", "makespan", "theory_makespan", "queue_growth", "processes", "threads",
    "memory_bytes", "app_memory_bytes", "spare_cores", "skipped",
]  # fmt: skip


def save_sweep_csv(sweep: Sweep, path: Path) -> Path:
    """One row per point (seconds, bytes), then one per skipped load with its reason."""

    def cell(value: object) -> object:
        if value is None:
            return ""
        return f"{value:.6f}" if isinstance(value, float) else value

    try:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for p in sweep.points:
                writer.writerow(cell(v) for v in (
                    p.kitchen, p.x, p.customers, p.served, p.failed, p.p50, p.p95, p.p99,
                    p.theory_p95, p.ratio, p.makespan, p.theory_makespan, p.queue_growth,
                    p.processes, p.threads, p.memory, p.app_memory, p.spare_cores, ""))  # fmt: skip
            for skip in sweep.skips:
                writer.writerow([skip.kitchen, cell(skip.x), *[""] * 16, skip.reason])
    except OSError as error:
        message = translate("Errors", "could not write {0}: {1}")
        raise FileWriteError(message.format(path, error.strerror or error)) from None
    return path
