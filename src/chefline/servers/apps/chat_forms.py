"""The LLM order (prompt, max_tokens, temperature) checked two ways, as the reference compares:
FastAPI declares it as a Pydantic model and answers bad input with 422 by itself; Flask reads
the JSON and checks each field by hand, answering 400.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from chefline.kitchen import limits
from chefline.kitchen.error_body import ErrorKind
from chefline.kitchen.errors import BadInput
from chefline.kitchen.faults import MAX_EVERY, FaultKind, Faults
from chefline.kitchen.llm import DEFAULT_PROMPT, ChatOrder
from chefline.kitchen.numbers import is_real, is_whole

MAX_RACE_ID = 64
MAX_ORDER = 1_000_000


@dataclass(frozen=True, slots=True)
class ChatTicket:
    """One checked LLM order with the race it belongs to."""

    race: str
    order: int
    chat: ChatOrder
    faults: Faults


class ChatBody(BaseModel):
    """What a customer sends to ``POST /chat``."""

    model_config = ConfigDict(extra="forbid")

    prompt: str = Field(DEFAULT_PROMPT, min_length=1, max_length=limits.MAX_PROMPT_CHARS,
                        description="What to ask the model")  # fmt: skip
    max_tokens: int = Field(16, ge=limits.MIN_MAX_TOKENS, le=limits.MAX_MAX_TOKENS,
                            description="Longest answer, in tokens")  # fmt: skip
    temperature: float = Field(0.7, ge=limits.MIN_TEMPERATURE, le=limits.MAX_TEMPERATURE,
                               allow_inf_nan=False, description="Sampling temperature")  # fmt: skip
    race: str = Field("", max_length=MAX_RACE_ID, description="Race id, to tag live events")
    order: int = Field(0, ge=0, le=MAX_ORDER, description="Order number within the race")
    fault: FaultKind = Field(FaultKind.NONE, description="Fault to inject: none, burn, slow")
    every: int = Field(0, ge=0, le=MAX_EVERY, description="The fault strikes 1 order in k")

    @field_validator("prompt")
    @classmethod
    def _some_words(cls, prompt: str) -> str:
        if not prompt.strip():
            raise ValueError("prompt must not be only spaces")
        return prompt

    @model_validator(mode="after")
    def _fault_with_frequency(self) -> ChatBody:
        # Checked here, not in ticket(): a BadInput raised in the route would be a 500.
        try:
            Faults(self.fault, self.every)
        except BadInput as error:
            raise ValueError(f"every: {error}") from None
        return self

    def ticket(self) -> ChatTicket:
        chat = ChatOrder(self.prompt, self.max_tokens, self.temperature)
        return ChatTicket(self.race, self.order, chat, Faults(self.fault, self.every))


class OrderProblems(BadInput):
    """A hand-checked order with something wrong; ``problems`` lists (field, what)."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{field}: {what}" for field, what in problems))
        self.problems = problems

    def to_json(self) -> dict[str, Any]:
        return {
            "error": ErrorKind.BAD_ORDER.value,
            "detail": str(self),
            "problems": [{"field": field, "problem": what} for field, what in self.problems],
        }


def _whole(value: object, low: int, high: int) -> str | None:
    if not is_whole(value):
        return "must be a whole number"
    return None if low <= value <= high else f"must be between {low} and {high}"


def _number(value: object, low: float, high: float) -> str | None:
    if not is_real(value):
        return "must be a number"
    return None if low <= value <= high else f"must be between {low:g} and {high:g}"


def _text(value: object, high: int, *, empty_ok: bool = False) -> str | None:
    if not isinstance(value, str):
        return "must be text"
    if not empty_ok and not value.strip():
        return "must not be empty"
    return None if len(value) <= high else f"must be at most {high} characters"


CHECKS: dict[str, tuple[object, Callable[[object], str | None]]] = {
    "prompt": (DEFAULT_PROMPT, lambda v: _text(v, limits.MAX_PROMPT_CHARS)),
    "max_tokens": (16, lambda v: _whole(v, limits.MIN_MAX_TOKENS, limits.MAX_MAX_TOKENS)),
    "temperature": (0.7, lambda v: _number(v, limits.MIN_TEMPERATURE, limits.MAX_TEMPERATURE)),
    "race": ("", lambda v: _text(v, MAX_RACE_ID, empty_ok=True)),
    "order": (0, lambda v: _whole(v, 0, MAX_ORDER)),
    "fault": (
        "none",
        lambda v: (
            None if isinstance(v, str) and v in set(FaultKind) else "must be none, burn or slow"
        ),
    ),
    "every": (0, lambda v: _whole(v, 0, MAX_EVERY)),
}
"""Each field's default and its check, which returns what is wrong or None."""


def read_chat_by_hand(body: object) -> ChatTicket:
    """Flask's way: every field looked at by hand; raises OrderProblems naming each fault."""
    if not isinstance(body, dict):
        raise OrderProblems([("body", "send a JSON object with prompt, max_tokens, temperature")])
    problems = [(name, "is not a field of an order") for name in body if name not in CHECKS]
    values = {}
    for name, (default, check) in CHECKS.items():
        values[name] = body.get(name, default)
        problem = check(values[name])
        if problem:
            problems.append((name, problem))
    if problems:
        raise OrderProblems(problems)
    try:
        faults = Faults(values["fault"], values["every"])
    except BadInput as error:
        raise OrderProblems([("every", str(error))]) from None
    try:
        chat = ChatOrder(values["prompt"], values["max_tokens"], float(values["temperature"]))
    except BadInput as error:
        raise OrderProblems([("order", str(error))]) from None
    return ChatTicket(values["race"], values["order"], chat, faults)
