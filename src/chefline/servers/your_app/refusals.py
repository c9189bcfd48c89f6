"""The agent's reasons for not serving your app, as one sentence each in the user's language
(the agent only names the reason and its words: it cannot read Chefline's translations)."""

from __future__ import annotations

from typing import Any

from chefline.kitchen.your_app import PythonUsed
from chefline.texts import QT_TRANSLATE_NOOP, translate

_CLI, _YOURS = "Cli", "YourApp"
REASONS: dict[str, tuple[str, str]] = {
    "bad-target": (_CLI, QT_TRANSLATE_NOOP(
        "Cli", "--app must look like path/to/app.py:app or package.module:app, not {0!r}")),
    "no-file": (_CLI, QT_TRANSLATE_NOOP("Cli", "there is no file {0}")),
    "not-python": (_CLI, QT_TRANSLATE_NOOP("Cli", "{0} is not a Python file")),
    "no-module": (_CLI, QT_TRANSLATE_NOOP("Cli", "there is no module {0}")),
    "import-failed": (_CLI, QT_TRANSLATE_NOOP("Cli", "cannot import {0}: {1}")),
    "no-attribute": (_CLI, QT_TRANSLATE_NOOP("Cli", "{0} has no attribute {1!r}")),
    "not-an-app": (_CLI, QT_TRANSLATE_NOOP(
        "Cli", "{0} is a {1}, not an app: name a FastAPI, Starlette or Flask app (ASGI or WSGI)")),
    "kind-mismatch": (_CLI, QT_TRANSLATE_NOOP(
        "Cli", "{0} is a {1} app, and {2} serves {3} apps; try --server {4}")),
    "no-server": (_YOURS, QT_TRANSLATE_NOOP(
        "YourApp", "{0} is not installed for your app's Python ({1}): install it there "
        "(pip install {0}) or choose another --server")),
    "startup-failed": (_CLI, QT_TRANSLATE_NOOP("Cli", "{0} failed to start: {1}")),
    "old-python": (_YOURS, QT_TRANSLATE_NOOP(
        "YourApp", "your app's Python is {0}; Chefline's agent needs Python 3.9 or newer")),
}  # fmt: skip
"""Each reason the agent may give: its translation context and its sentence."""
WHERE = QT_TRANSLATE_NOOP("Cli", " (at {0})")
ITS_APPS = QT_TRANSLATE_NOOP("Cli", "; its apps: {0}")
MISSING = QT_TRANSLATE_NOOP(
    "YourApp", "; your app runs on {0}: install {1} there, or name your app's Python with --python"
)  # fmt: skip


def refusal_sentence(refusal: Any, python: PythonUsed) -> str:
    """The sentence for the agent's ``{"why", "args"}``."""
    why = str(refusal.get("why", "")) if isinstance(refusal, dict) else ""
    words = [str(word) for word in refusal.get("args", [])] if isinstance(refusal, dict) else []
    if why not in REASONS:
        text = translate("YourApp", "your app could not be served ({0}: {1})")
        return text.format(why or "?", ", ".join(words))
    text = translate(*REASONS[why])
    if why == "import-failed":
        what, last, where, missing = [*words, "", "", "", ""][:4]
        sentence = text.format(what, last)
        if where:
            sentence += translate("Cli", WHERE).format(where)
        if missing:
            sentence += translate("YourApp", MISSING).format(python.describe(), missing)
        return sentence
    if why == "no-attribute":
        module, attr, found = [*words, "", "", ""][:3]
        sentence = text.format(module, attr)
        return sentence + (translate("Cli", ITS_APPS).format(found) if found else "")
    if why == "no-module":
        return text.format(*words[:1]) + translate("YourApp", MISSING).format(
            python.describe(), words[0].partition(".")[0] if words else "?")  # fmt: skip
    try:
        return text.format(*words)
    except IndexError:
        return text.format(*(words + ["?"] * 5))
