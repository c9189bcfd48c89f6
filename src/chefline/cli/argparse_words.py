"""argparse's own words (usage, options, its error messages) in the user's language.

argparse asks gettext for each of them when it prints; Chefline answers from the same
translations as the rest of the command line. Only the words a user can meet are listed.
"""

from __future__ import annotations

import argparse

from chefline.texts import QT_TRANSLATE_NOOP, translate

WORDS = (
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
)


def speak_the_users_language() -> None:
    """Make argparse translate its words (it looks ``_`` up in its module at each call)."""
    argparse._ = lambda text: translate("Argparse", text)  # type: ignore[attr-defined]
