"""Chefline's one family of errors. ``str(error)`` is one sentence for the person who must act.

Front ends (the window, the command line) catch ``ChefError`` and show that sentence; the
branches say what went wrong, for the few callers that act differently on each:

- ``BadInput``: something the user gave (a number, a flag, a file, an order) is refused.
- ``KitchenError``: a kitchen could not open, or died.
- ``ModelError``: the language model could not serve a call.
- ``YourAppError``: your app cannot be loaded or served.
- ``CustomersGone``: the customers' process ended or could not start.

Each also derives from the built-in exception it always was (``ValueError`` for input,
``RuntimeError`` for what broke, ``OSError`` for a file that cannot be written), so code that
only knows Python's own families still catches it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the domain's report type; errors are imported everywhere, keep them light
    from chefline.kitchen.order import KitchenReport


class ChefError(Exception):
    """Anything Chefline refuses or cannot do, with one sentence for the user."""


class BadInput(ChefError, ValueError):
    """A value, a flag, a file or an order that Chefline refuses; the message says which and
    why."""


class KitchenError(ChefError, RuntimeError):
    """A kitchen could not open (a busy port, a server that would not start), or died."""


class ModelError(ChefError, RuntimeError):
    """The model could not serve a call. ``report`` is the kitchen's record of the order up
    to the failure, set by the kitchen that was cooking it."""

    def __init__(self, message: str, report: KitchenReport | None = None) -> None:
        super().__init__(message)
        self.report = report


class YourAppError(ChefError, ValueError):
    """Your app cannot be loaded or served: the message is one sentence for you."""


class CustomersGone(ChefError, RuntimeError):
    """The customers' process ended or could not start; the message says why."""


class FileWriteError(ChefError, OSError):
    """A file Chefline was asked to write (a trace, an export) could not be written."""
