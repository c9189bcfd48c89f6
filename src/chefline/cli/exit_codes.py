"""What ``chefline`` exits with, defined once: the commands return these, ``--help`` lists
them (``EXIT_CODES_HELP``) and ``docs/reliability.md`` explains them.

A script running ``chefline race`` must be able to tell a race that served everyone from one
where a kitchen died or dishes burnt, and a race stopped by Ctrl+C from one that finished.
"""

from __future__ import annotations

import signal

from chefline.texts import QT_TRANSLATE_NOOP

OK = 0
"""Everything asked was done: every order of the race was served (``rehearse``: every scene
behaves as its caption says)."""
FAILED = 1
"""Chefline could not do it: a kitchen did not open, the model or your app failed, a file
could not be written, a scene did not behave as its caption says."""
BAD_INPUT = 2
"""A flag, a value or a file was refused before anything ran, or your app (``--app``)
cannot be loaded or started: one sentence says why."""
ORDERS_FAILED = 3
"""The race ran, but not every order was served (burnt, refused, walked out, stopped)."""
KITCHEN_DIED = 4
"""A kitchen died during the race (or while ``serve`` ran): its orders hung up."""
INTERRUPTED = 128 + signal.SIGINT
"""Ctrl+C (SIGINT): what was measured so far is printed, marked as stopped (130)."""
TERMINATED = 128 + signal.SIGTERM
"""SIGTERM: the same, exit 143."""

BY_SIGNAL: dict[int, int] = {signal.SIGINT: INTERRUPTED, signal.SIGTERM: TERMINATED}

EXIT_CODES_HELP = QT_TRANSLATE_NOOP(
    "Cli",
    "exit codes: 0 every order served; 1 a kitchen, the model or a file failed (rehearse: a "
    "scene did not behave); 2 bad input (a flag, a value, a file, an app that cannot load); "
    "3 some orders were not served; 4 a kitchen died; 130 stopped by Ctrl+C and 143 by "
    "SIGTERM (what was measured so far is printed, marked as stopped)",
)
