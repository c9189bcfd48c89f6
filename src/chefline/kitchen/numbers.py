"""What counts as a number where Chefline reads one from outside (a file, a flag, a reply).

``True`` is an ``int`` to Python and NaN is a ``float``: neither is a count of customers or a
number of seconds. Every check of a value read from outside starts here.
"""

from __future__ import annotations

import math
from typing import TypeGuard


def is_real(value: object) -> TypeGuard[int | float]:
    """An int or a float, and not a bool (it may still be NaN or infinite)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_number(value: object) -> TypeGuard[int | float]:
    """A real, finite number: an int, or a float that is neither NaN nor infinite."""
    return is_real(value) and (isinstance(value, int) or math.isfinite(value))


def is_whole(value: object) -> TypeGuard[int]:
    """An int, and not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)
