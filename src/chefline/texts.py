"""Texts in the user's language without Qt: the command line's, and the domain's.

The window translates with Qt (``.qm`` files built from ``resources/translations/*.ts``);
the command line reads the same ``.ts`` files, so one set of translations serves both.
Strings are marked where they are written (``QT_TRANSLATE_NOOP``, ``translate``) so that
``pyside6-lupdate`` finds them.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ElementTree
from functools import cache

from chefline.assets import resources_dir

LANGUAGES = ("en", "zh_CN")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation where it is defined; it is translated where shown."""
    return text


def language_from_environment() -> str:
    """zh_CN when the user's locale is Chinese (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


@cache
def catalog(language: str) -> dict[tuple[str, str], str]:
    """The finished translations of ``language``: (context, source) → text."""
    if language == "en":
        return {}
    path = resources_dir() / "translations" / f"chefline_{language}.ts"
    entries: dict[tuple[str, str], str] = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            entries[(name, message.findtext("source", ""))] = translation.text or ""
    return entries


class _Language:
    current = language_from_environment()


def use_language(language: str) -> None:
    """The language of the Qt-free layers' texts. Callers check what a person chose (and
    say so in one sentence); an unknown language here is a programming error."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose from {', '.join(LANGUAGES)}")
    _Language.current = language


def current_language() -> str:
    return _Language.current


def translate(context: str, text: str) -> str:
    """``text`` in the command line's language (English when there is no translation)."""
    return catalog(_Language.current).get((context, text), text) or text


SECONDS = QT_TRANSLATE_NOOP("Units", "{0} s")


def seconds_text(value: float, decimals: int = 2) -> str:
    """``value`` seconds as the reader's language writes them ("1.50 s", "1.50 秒"): one
    unit everywhere, never "s" beside "秒"."""
    return translate("Units", SECONDS).format(f"{value:.{decimals}f}")
