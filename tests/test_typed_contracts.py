"""Typed values where strings and dicts crossed modules: a chef's label, a scene's race, the
one default model speed, the theme."""

from __future__ import annotations

import copy
import json
import pickle
from dataclasses import fields
from typing import get_args

import pytest
from PySide6.QtGui import QColor

from chefline.assets import resource_path
from chefline.cli.main import build_parser
from chefline.cli.options import model_speed
from chefline.client.plan import scene_plan
from chefline.kitchen.chef import ChefLabel
from chefline.kitchen.events import OrderEvent, Phase
from chefline.kitchen.llm import DEFAULT_MODEL_SPEED, ModelSpeed
from chefline.kitchen.order import StepKind
from chefline.kitchen.recipe import DishKind
from chefline.kitchen.scenes import SceneRace, load_talk
from chefline.kitchen.timeline import RaceTimeline
from chefline.ui.look.palette import THEME, THEMES, Theme, ThemeKey, use_theme
from chefline.ui.look.theme import stylesheet


def test_a_chefs_label_is_its_string_and_keeps_its_number():
    label = ChefLabel(3)
    assert label == "chef 3" and {label: 1}["chef 3"] == 1
    assert label.number == 3
    for again in (copy.copy(label), copy.deepcopy(label), pickle.loads(pickle.dumps(label))):
        assert again == label and again.number == 3
    assert json.loads(json.dumps({label: [label]})) == {"chef 3": ["chef 3"]}
    for wrong in (0, -1, True, 1.5, "3"):
        with pytest.raises(ValueError):
            ChefLabel(wrong)


def test_the_timelines_chefs_are_labelled_in_the_order_they_started():
    timeline = RaceTimeline("flask-pool")
    for order, (chef, t) in enumerate([("b#2", 0.2), ("a#1", 0.1), ("b#2", 0.5)]):
        timeline.apply(OrderEvent("flask-pool", order, Phase.SENT, 0.0))
        timeline.apply(OrderEvent("flask-pool", order, Phase.ACCEPTED, t, chef=chef,
                                  chef_kind="thread"))  # fmt: skip
        timeline.apply(OrderEvent("flask-pool", order, Phase.STEP_START, t, step="wait",
                                  kind=StepKind.IO, holds_chef=True))  # fmt: skip
    labels = timeline.chef_labels()
    assert labels == {"a#1": "chef 1", "b#2": "chef 2"}
    assert [label.number for label in labels.values()] == [1, 2]
    assert all(isinstance(label, ChefLabel) for label in timeline.chef_segments(until=1.0))


def test_every_scene_of_the_talk_reads_as_a_typed_race():
    talk = load_talk(resource_path("talk", "scenes.json"))
    raw = json.loads(resource_path("talk", "scenes.json").read_text(encoding="utf-8"))
    for scene, data in zip(talk.scenes, raw["scenes"], strict=True):
        assert isinstance(scene.race, SceneRace)
        race = data.get("race", {})
        for name, value in race.items():
            assert getattr(scene.race, name) == (DishKind(value) if name == "dish" else value)
        assert scene.dish is scene.race.dish
        plan = scene_plan(scene)
        assert plan.arrivals.customers == scene.race.customers
        if scene.dish is DishKind.LLM:
            assert plan.speed == ModelSpeed(scene.race.ttft, scene.race.tokens_per_s)
            assert plan.chat is not None and plan.chat.max_tokens == scene.race.tokens
        assert plan.in_turn == scene.race.in_turn  # an LLM scene's too (it was dropped)


def test_a_scenes_race_leaves_out_what_the_control_bar_defaults():
    race = SceneRace.from_json({"dish": "llm", "customers": 4})
    assert race.dish is DishKind.LLM and race.customers == 4
    assert race.speed == DEFAULT_MODEL_SPEED
    assert SceneRace.from_json({}) == SceneRace()


def test_the_window_and_the_cli_start_from_one_model_speed():
    args = build_parser().parse_args(["race", "--llm"])
    assert model_speed(args) == DEFAULT_MODEL_SPEED == ModelSpeed()
    assert (DEFAULT_MODEL_SPEED.ttft, DEFAULT_MODEL_SPEED.tokens_per_s) == (0.2, 50.0)


def test_every_theme_names_every_colour_and_each_is_a_colour():
    assert [f.name for f in fields(Theme)] == list(get_args(ThemeKey))
    for name, theme in THEMES.items():
        for key in get_args(ThemeKey):
            assert QColor(theme[key]).isValid(), f"{name}.{key}"
        assert theme.named("panel") == theme.panel
        with pytest.raises(KeyError):
            theme.named("wallpaper")


def test_using_a_theme_changes_what_painters_and_the_stylesheet_read():
    try:
        use_theme("dark")
        assert THEME["panel"] == THEMES["dark"]["panel"] and "panel" in THEME
        assert THEMES["dark"]["panel"] in stylesheet()
        use_theme("contrast")
        assert THEME.values() == THEMES["contrast"].values()
    finally:
        use_theme("light")
