"""Write a race as a Perfetto / Chrome trace (``chefline race --trace``, File → Export trace)."""

from __future__ import annotations

import json
from pathlib import Path

from chefline.client.race import RaceResult
from chefline.kitchen.errors import FileWriteError
from chefline.kitchen.trace import trace_document
from chefline.texts import translate


def save_trace(result: RaceResult, path: Path) -> Path:
    """The race's records as Trace Event Format JSON at ``path``; FileWriteError if it cannot."""
    plan = result.plan
    meta = {
        "race": result.race_id,
        "customers": plan.arrivals.customers,
        "arrivals": plan.arrivals.pattern,
        "dish": plan.recipe.dish.value if plan.chat is None else "llm",
        "cancelled": result.cancelled,
    }
    text = json.dumps(trace_document(list(result.timelines.values()), meta), separators=(",", ":"))
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        reason = error.strerror or str(error)
        raise FileWriteError(
            translate("Errors", "Could not write the trace to {0}: {1}.").format(path, reason)
        ) from None
    return path
