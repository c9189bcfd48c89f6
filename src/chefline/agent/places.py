"""Whose code a frame is: your app's own files, a library's (any environment's site-packages
or the standard library), or the agent's own (never blamed, never shown).

A verdict names the innermost frame of your app's own files, then the library frame it was
in: ``shop.py:16 → urllib3 connection.py:638``. Each file is placed once and remembered, so a
look at a stack costs dictionary lookups, not path resolution.
"""

from __future__ import annotations

import contextlib
import os
import site
import sys
import sysconfig
import threading

OWN, STDLIB, LIBRARY, AGENT = "own", "stdlib", "library", "agent"

Spot = tuple[str, int, str]
"""(file, line, function) of one frame."""


def _real(path: str) -> str:
    return os.path.realpath(path) + os.sep


def _library_roots() -> tuple[list[str], list[str]]:
    """(standard library folders, every site-packages folder this interpreter can see)."""
    paths = sysconfig.get_paths()
    stdlib = {paths.get("stdlib", ""), paths.get("platstdlib", "")}
    stdlib.add(os.path.dirname(os.__file__))
    sites = {paths.get("purelib", ""), paths.get("platlib", "")}
    with contextlib.suppress(AttributeError):  # an old virtualenv's site module
        sites.update(site.getsitepackages())
    user = getattr(site, "getusersitepackages", None)
    if user is not None:
        sites.add(user())
    sites.update(p for p in sys.path if os.path.basename(p) in ("site-packages", "dist-packages"))
    return [_real(p) for p in stdlib if p], [_real(p) for p in sites if p]


class Places:
    """Places files. ``app_root``: the app's own folder when it lies inside a library folder
    (an app installed as a package, such as datasette), so that its files count as its own."""

    def __init__(self, agent_root: str, app_root: str | None = None,
                 runner: str | None = None) -> None:  # fmt: skip
        self._stdlib, self._sites = _library_roots()
        self._agent = _real(agent_root)
        self._runner = os.path.realpath(runner) if runner else None
        """The script that started the agent (beside its package, when staged)."""
        self._app = os.path.realpath(app_root) if app_root else None
        self._placed: dict[str, tuple[str, str]] = {}
        self._lock = threading.Lock()

    def set_app_root(self, app_root: str | None) -> None:
        with self._lock:
            self._app = os.path.realpath(app_root) if app_root else None
            self._placed.clear()

    def of(self, filename: str) -> str:
        """OWN, STDLIB, LIBRARY or AGENT."""
        placed = self._placed.get(filename)
        if placed is None:
            placed = self._place(filename)
        return placed[0]

    def is_loop(self, filename: str) -> bool:
        """Whether ``filename`` is the event loop's own machinery (asyncio, selectors,
        uvloop): where a loop that is not blocked waits."""
        placed = self._placed.get(filename) or self._place(filename)
        if placed[0] not in (STDLIB, LIBRARY):
            return False
        label = placed[1]
        return label.startswith(("asyncio ", "uvloop ")) or label in ("selectors.py", "selectors")

    def label(self, filename: str) -> str:
        """A library file as a person names it: ``urllib3 connection.py``, ``socket.py``,
        ``posixpath`` (a frozen module); your own files by their name."""
        placed = self._placed.get(filename)
        if placed is None:
            placed = self._place(filename)
        return placed[1]

    def _place(self, filename: str) -> tuple[str, str]:
        if filename.startswith("<"):  # "<frozen posixpath>", "<string>"
            name = filename.strip("<>").replace("frozen ", "")
            placed = (STDLIB if filename.startswith("<frozen") else OWN, name)
        else:
            placed = self._place_path(filename)
        with self._lock:
            if len(self._placed) > 50000:  # a process that makes code on the fly: bounded
                self._placed.clear()
            self._placed[filename] = placed
        return placed

    def _place_path(self, filename: str) -> tuple[str, str]:
        real = os.path.realpath(filename)
        base = os.path.basename(real)
        if real.startswith(self._agent) or real == self._runner:
            return AGENT, base
        app = self._app
        if app is not None and (real == app or real.startswith(app + os.sep)):
            return OWN, base
        # The longest root wins: a system Python keeps site-packages inside its stdlib folder.
        best, kind = "", OWN
        for root in self._sites:
            if real.startswith(root) and len(root) > len(best):
                best, kind = root, LIBRARY
        for root in self._stdlib:
            if real.startswith(root) and len(root) > len(best):
                best, kind = root, STDLIB
        parts = real.split(os.sep)
        if kind is OWN:
            # Any environment's packages, also one this interpreter was not given.
            for marker in ("site-packages", "dist-packages"):
                if marker in parts:
                    at = len(parts) - 1 - parts[::-1].index(marker)
                    best, kind = os.sep.join(parts[: at + 1]) + os.sep, LIBRARY
                    break
        if kind is OWN:
            return OWN, base
        inside = real[len(best) :].split(os.sep)
        top = inside[0] if len(inside) > 1 else ""
        if top in ("site-packages", "dist-packages") and len(inside) > 2:
            top = inside[1]
        return kind, f"{top} {base}" if top else base


def module_root(filename: str, module_name: str) -> str:
    """The top package of ``module_name`` (whose file is ``filename``): its folder, or the
    module's own file for a module outside any package."""
    real = os.path.realpath(filename)
    depth = module_name.count(".")
    if os.path.basename(real).startswith("__init__."):
        depth += 1  # a package's own file: its folder is the package
    if depth == 0:
        return real
    folder = os.path.dirname(real)
    for _ in range(depth - 1):
        folder = os.path.dirname(folder)
    return folder
