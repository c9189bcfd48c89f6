"""JSON from outside, bounded before it is trusted: bytes, values of every kind, depth.

``json.loads`` builds every value it meets before anyone can look at it, and counting only
objects (``object_pairs_hook``) does not bound it: a 64 KB gzip of ``[[],[],…]`` parsed into
1.7 GB of lists, and 64 MB of ``0.5,`` into 900 MB of floats. So the text is measured first,
with operations that run at the speed of C over the bytes (``bytes.count``, one regular
expression, ``bytes.translate``), and parsed only when what it could build fits:

- **bytes**: at most ``max_bytes`` are read, or inflated from gzip, chunk by chunk;
- **values**: strings (keys too), numbers, ``true``/``false``/``null``, arrays and objects,
  each counted — a scalar is the first of its container or follows a comma;
- **strings** on their own (the costliest small value) and **containers**;
- **depth**: the deepest nesting of arrays and objects.

A file is opened only if it is a regular file (``stat``), without blocking: a named pipe or
a device is refused at once instead of hanging whoever opened it. Every refusal is one
sentence (``BadInput``) naming the file and the bound.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import re
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chefline.kitchen.errors import BadInput
from chefline.texts import QT_TRANSLATE_NOOP, translate

_CHUNK = 1024 * 1024
_STRING = re.compile(rb'"[^"]*"')
"""A string once escaped backslashes and quotes are gone: a plain character-class run, no
backtracking and no stack whatever the text."""
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


@dataclass(frozen=True, slots=True)
class JsonBounds:
    """What one kind of document may hold at most (a race file, the talk, an order)."""

    max_bytes: int
    max_values: int
    """Values of every kind, keys included."""
    max_strings: int
    max_containers: int
    """Arrays and objects."""
    max_depth: int
    what: str = QT_TRANSLATE_NOOP("Errors", "document")
    """What the document is, for the sentences ("race", "talk"): marked for translation."""


def read_regular_file(path: Path, max_bytes: int, label: str | None = None) -> bytearray:
    """The bytes of ``path``, inflated when gzipped, at most ``max_bytes`` of them.

    Opened without blocking and refused unless ``stat`` says it is a regular file: a named
    pipe would block ``open()`` until a writer came, a device would never end. ``label``
    names the file in the sentence (default: its name).
    """
    label = label or path.name
    too_big = translate("Errors", "it is larger than {0} MB uncompressed")
    too_big = too_big.format(max_bytes // (1024 * 1024)) if max_bytes >= 1024 * 1024 else (
        translate("Errors", "it is larger than {0} kB").format(max_bytes // 1024))  # fmt: skip
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
    except OSError as error:
        raise refused(label, error.strerror or type(error).__name__) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise refused(label, translate("Errors", "it is not a regular file (a pipe, a device "
                                                    "or a folder)"))  # fmt: skip
        os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    try:
        with handle:
            size = os.fstat(handle.fileno()).st_size
            compressed = handle.read(2) == b"\x1f\x8b"
            if compressed and size >= 20:  # gzip ends with the inflated size (mod 4 GiB)
                handle.seek(-4, os.SEEK_END)
                size = int.from_bytes(handle.read(4), "little")
            handle.seek(0)
            stream = gzip.GzipFile(fileobj=handle) if compressed else handle
            data = _read_into(stream, min(size, max_bytes), max_bytes)
            if data is None:
                raise refused(label, too_big)
            return data
    except (OSError, EOFError, zlib.error) as error:  # gzip.BadGzipFile is an OSError
        raise refused(label, str(error) or type(error).__name__) from None


def _read_into(stream: Any, expected: int, max_bytes: int) -> bytearray | None:
    """At most ``max_bytes`` of ``stream`` (None past them), read into one buffer made for
    the ``expected`` size: growing a buffer chunk by chunk held up to three times the text
    at once. ``expected`` is a hint (a gzip's stated size may lie); the cap is not."""
    data = bytearray(expected + 1)
    view = memoryview(data)
    filled = 0
    while True:
        if filled == len(data):  # more than the hint said: grow, up to the cap
            if filled > max_bytes:
                return None
            view.release()
            data.extend(bytes(min(_CHUNK, max_bytes + 1 - filled)))
            view = memoryview(data)
        count = stream.readinto(view[filled : filled + _CHUNK])
        if not count:
            break
        filled += count
    view.release()
    if filled > max_bytes:
        return None
    del data[filled:]
    return data


def stated_size(path: Path) -> int | None:
    """How large ``path`` says its text is (a gzip's stated inflated size, else its size),
    without reading it; None when it is no regular file or cannot be looked at."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        try:
            size = os.fstat(fd).st_size
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            if size >= 20 and handle.read(2) == b"\x1f\x8b":
                handle.seek(-4, os.SEEK_END)
                return int.from_bytes(handle.read(4), "little")
            return size
        except OSError:
            return None


def refused(label: str, why: str) -> BadInput:
    return BadInput(translate("Errors", "cannot read {0}: {1}").format(label, why))


def measure(raw: bytes | bytearray, bounds: JsonBounds) -> str | None:
    """What makes ``raw`` too much to parse as ``bounds`` allow (None when it fits).

    A lower bound on what ``json.loads`` would build, computed without building it. Text
    that is not JSON may be miscounted past its first error, but the parser stops there.
    """
    too_many = translate("Errors", "it holds more {0} than any {1} can ({2} at most)")
    what = translate("Errors", bounds.what)
    if len(raw) > bounds.max_bytes:
        return translate("Errors", "it is larger than {0} bytes").format(bounds.max_bytes)
    quotes = raw.count(b'"')
    if quotes > 2 * bounds.max_strings + bounds.max_bytes // 64:
        return too_many.format(translate("Errors", "strings"), what, bounds.max_strings)
    bare: bytes | bytearray = raw
    strings = 0
    if quotes:
        # An escaped backslash, then an escaped quote, can never end a string: drop both.
        plain = raw.replace(b"\\\\", b"").replace(b'\\"', b"") if b"\\" in raw else raw
        bare, strings = _STRING.subn(b"0", plain)
        del plain
    if strings > bounds.max_strings:
        return too_many.format(translate("Errors", "strings"), what, bounds.max_strings)
    opened = bare.count(b"[") + bare.count(b"{")
    closed = bare.count(b"]") + bare.count(b"}")
    if max(opened, closed) > bounds.max_containers:
        kinds = translate("Errors", "arrays and objects")
        return too_many.format(kinds, what, bounds.max_containers)
    values = strings + bare.count(b",") + 2 * opened + 1
    if values > bounds.max_values:
        return too_many.format(translate("Errors", "values"), what, bounds.max_values)
    brackets = bare.translate(None, _NOT_BRACKETS)
    del bare
    depth = max(itertools.accumulate(_STEP[b] for b in brackets), default=0)
    if depth > bounds.max_depth:
        deeper = translate("Errors", "it is nested deeper than a {0} ({1} levels at most)")
        return deeper.format(what, bounds.max_depth)
    return None


def parse_bounded(raw: bytes | bytearray, bounds: JsonBounds) -> Any:
    """``raw`` parsed once ``measure`` says it fits; ValueError (with the reason) if not.

    NaN and Infinity are refused: no document Chefline reads holds them.
    """
    problem = measure(raw, bounds)
    if problem:
        raise ValueError(problem)

    def no_constant(name: str) -> float:
        text = translate("Errors", "{0} is not a number a {1} can hold")
        raise ValueError(text.format(name, translate("Errors", bounds.what)))

    try:
        return json.loads(raw, parse_constant=no_constant)
    except RecursionError:  # deeper than the parser goes, whatever the bound said
        text = translate("Errors", "it is nested deeper than a {0} ({1} levels at most)")
        raise ValueError(text.format(translate("Errors", bounds.what), bounds.max_depth)) from None


def load_file(path: Path, bounds: JsonBounds, label: str | None = None) -> Any:
    """The JSON of the regular file ``path`` (gzipped or not), within ``bounds``; BadInput
    in one sentence if it cannot be read, is too much, or is not JSON. ``label`` names the
    file in the sentence (default: its name)."""
    label = label or path.name
    raw = read_regular_file(path, bounds.max_bytes, label)
    try:
        return parse_bounded(raw, bounds)
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError, huge integers
        raise refused(label, str(error)) from None
