"""One family of errors: every exception Chefline raises for a person to read is a ChefError,
so each front end catches one name; each branch still is the built-in kind it always was."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from chefline.kitchen import errors
from chefline.kitchen.errors import BadInput, ChefError
from chefline.kitchen.recipe import Recipe

SRC = Path(__file__).resolve().parents[1] / "src" / "chefline"
NOT_FOR_PEOPLE = {"KitchenFire", "_TooLarge", "Refusal"}
"""Exceptions that never reach a front end: a burnt dish is the kitchen's own simulated
failure (an HTTP 500 to its customer), ``_TooLarge`` is control flow inside one module, and
``Refusal`` is your app's agent's reason to stop, raised in your app's own interpreter (which
cannot import Chefline's errors) and told to Chefline as a line, which makes it a
YourAppError."""


def test_every_exception_class_chefline_defines_is_a_chef_error():
    outside = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef) or node.name in NOT_FOR_PEOPLE:
                continue
            bases = {getattr(base, "id", getattr(base, "attr", "")) for base in node.bases}
            builtin = bases & {"Exception", "ValueError", "RuntimeError", "OSError", "TypeError"}
            if builtin and path.name != "errors.py":
                outside.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name}")
    assert outside == []


@pytest.mark.parametrize(
    ("branch", "builtin"),
    [
        (errors.BadInput, ValueError),
        (errors.KitchenError, RuntimeError),
        (errors.ModelError, RuntimeError),
        (errors.YourAppError, ValueError),
        (errors.CustomersGone, RuntimeError),
        (errors.FileWriteError, OSError),
    ],
)
def test_each_branch_is_a_chef_error_and_its_builtin_kind(branch, builtin):
    assert issubclass(branch, ChefError) and issubclass(branch, builtin)


def test_a_bad_recipe_is_bad_input_with_one_sentence():
    with pytest.raises(ChefError) as caught:
        Recipe(wait=-1)
    assert isinstance(caught.value, BadInput)
    assert str(caught.value) == "wait must be between 0 and 30 seconds, not -1"
