"""The LLM dish: a chat order, how fast the model answers, and the built-in model's words.

Serving a language model is the reference's real case: the kitchen spends almost all of an
order waiting for the model's tokens, so the dish is I/O-bound and its wait is the call.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from chefline.kitchen import limits
from chefline.kitchen.errors import BadInput
from chefline.kitchen.recipe import DEFAULT_STEP_CPU_S, DishKind, Recipe, check_number

MOCK_MODEL = "chefline-mock"
"""The name the built-in model answers to."""

DEFAULT_PROMPT = "Suggest a dish for a rainy evening."

_MENU = (
    "rice", "simmer", "ginger", "garlic", "steam", "noodles", "broth", "pepper", "slowly",
    "tofu", "scallion", "wok", "fresh", "basil", "crisp", "sauce", "gently", "warm", "bowl",
    "serve", "spring", "onion", "sesame", "lime", "salt", "and", "with", "then", "a", "the",
)  # fmt: skip


def mock_tokens(prompt: str, count: int) -> list[str]:
    """The built-in model's reply: ``count`` words chosen from the prompt's hash.

    The same prompt always gives the same words, so tests and replays can check the text.
    """
    digest = hashlib.sha256(prompt.encode("utf-8", "replace")).digest()
    words = []
    for index in range(count):
        byte = digest[index % len(digest)] ^ (index * 131 % 251)
        words.append(_MENU[byte % len(_MENU)] + " ")
    return words


@dataclass(frozen=True, slots=True)
class ModelSpeed:
    """How the built-in model answers: ``ttft`` seconds of thinking, then a steady stream."""

    ttft: float = 0.2
    tokens_per_s: float = 50.0

    def __post_init__(self) -> None:
        check_number("time to first token", self.ttft, 0.0, limits.MAX_TTFT_S)
        check_number("tokens per second", self.tokens_per_s, limits.MIN_TOKENS_PER_S,
                     limits.MAX_TOKENS_PER_S, unit="")  # fmt: skip

    def call_seconds(self, tokens: int) -> float:
        """One whole call: the first token after ``ttft``, the others one gap apart."""
        return self.ttft + max(tokens - 1, 0) / self.tokens_per_s

    def token_due(self, index: int) -> float:
        """When token ``index`` (from 0) is due, in seconds after the call began."""
        return self.ttft + index / self.tokens_per_s


DEFAULT_MODEL_SPEED = ModelSpeed()
"""The built-in model's one default speed (first token after 0.2 s, then 50 tokens/s), as the
README's commands race it: the window and ``chefline race --llm`` both start from it."""


@dataclass(frozen=True, slots=True)
class ChatOrder:
    """What a customer asks the LLM kitchen for, with the bounds both kitchens enforce."""

    prompt: str = DEFAULT_PROMPT
    max_tokens: int = 16
    temperature: float = 0.7

    def __post_init__(self) -> None:
        if not isinstance(self.prompt, str) or not self.prompt.strip():
            raise BadInput("prompt must be some text")
        if len(self.prompt) > limits.MAX_PROMPT_CHARS:
            raise BadInput(f"prompt must be at most {limits.MAX_PROMPT_CHARS} characters")
        if isinstance(self.max_tokens, bool) or not isinstance(self.max_tokens, int):
            raise BadInput(f"max_tokens must be a whole number, not {self.max_tokens!r}")
        check_number("max_tokens", self.max_tokens, limits.MIN_MAX_TOKENS,
                     limits.MAX_MAX_TOKENS, unit="")  # fmt: skip
        check_number("temperature", self.temperature, limits.MIN_TEMPERATURE,
                     limits.MAX_TEMPERATURE, unit="")  # fmt: skip

    def as_json(self) -> dict[str, object]:
        return {"prompt": self.prompt, "max_tokens": self.max_tokens,
                "temperature": self.temperature}  # fmt: skip

    def recipe(self, speed: ModelSpeed) -> Recipe:
        """The dish as the theory sees it: the model call is the wait."""
        return Recipe(
            wait=speed.call_seconds(self.max_tokens),
            dish=DishKind.LLM,
            prep=DEFAULT_STEP_CPU_S,
            plate=DEFAULT_STEP_CPU_S,
        )
