"""The talk's last scene: the same bad LLM order to a Flask and a FastAPI kitchen, and what
each answers (FastAPI's Pydantic model: 422, one line per field; Flask's hand checks: 400).

The engine makes the call, so the window and a script see the same replies; each reply is
kept whole (status and body) and also read as one line per problem for a room to read.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from chefline.servers.kitchens import Kitchen

BAD_ORDER: dict[str, Any] = {"prompt": "", "max_tokens": -5, "temperature": 9}
"""Three mistakes at once: an empty prompt, a negative length, a temperature out of range."""
FRAMEWORKS = ("flask", "fastapi")
TIMEOUT_S = 5.0
MAX_PROBLEMS = 8


@dataclass(frozen=True)
class BadOrderReply:
    """What one kitchen answered to ``BAD_ORDER``."""

    kitchen: str
    status: int | None
    """The HTTP status (None: no answer; ``text`` says why)."""
    text: str
    """The status line and the body as it came (pretty JSON when it is JSON)."""
    problems: list[str] = field(default_factory=list)
    """One line per problem the kitchen named, field first."""

    @property
    def status_line(self) -> str:
        return self.text.partition("\n")[0]


def _problems(body: object) -> list[str]:
    """The fields a reply blames: FastAPI's ``detail`` list, or Flask's ``problems``."""
    found: list[str] = []
    if isinstance(body, dict) and isinstance(body.get("detail"), list):
        for item in body["detail"]:
            if isinstance(item, dict):
                where = ".".join(str(part) for part in item.get("loc", [])[1:]) or "body"
                found.append(f"{where}: {item.get('msg', '')}")
    elif isinstance(body, dict) and isinstance(body.get("problems"), list):
        for item in body["problems"]:
            if isinstance(item, dict):
                found.append(f"{item.get('field', '?')}: {item.get('problem', '')}")
    return found[:MAX_PROBLEMS]


def send_bad_order(kitchen: Kitchen) -> BadOrderReply:
    """``kitchen``'s reply to ``BAD_ORDER`` (blocking: call it off the GUI thread)."""
    import httpx

    try:
        reply = httpx.post(kitchen.chat_url, json=BAD_ORDER, timeout=TIMEOUT_S, trust_env=False)
    except httpx.HTTPError as error:
        return BadOrderReply(kitchen.name, None, f"No reply from {kitchen.url}: {error}")
    try:
        body = reply.json()
        shown = json.dumps(body, indent=2, ensure_ascii=False)
    except ValueError:
        body, shown = None, reply.text
    text = f"HTTP {reply.status_code} {reply.reason_phrase}\n\n{shown}"
    return BadOrderReply(kitchen.name, reply.status_code, text, _problems(body))


def bad_order_kitchens(kitchens: Sequence[Kitchen]) -> dict[str, Kitchen | None]:
    """The first open kitchen of each framework (None where there is none)."""
    return {
        framework: next((k for k in kitchens if k.mode.framework == framework), None)
        for framework in FRAMEWORKS
    }
