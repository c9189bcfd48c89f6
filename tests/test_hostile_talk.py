"""A scenes.json of the wrong shape is refused in one sentence: by `chefline rehearse` with
exit 2, by the window with one dialog while it keeps running without the talk."""

import json

import pytest

from chefline.assets import resource_path
from chefline.cli.main import main
from chefline.kitchen.errors import BadInput
from chefline.kitchen.scenes import load_talk


def good_talk() -> dict:
    return json.loads(resource_path("talk", "scenes.json").read_text(encoding="utf-8"))


def scenes_a_number(talk):
    talk["scenes"] = 5


def no_id(talk):
    del talk["scenes"][0]["id"]


def no_kitchens(talk):
    del talk["scenes"][1]["kitchens"]


def no_table(talk):
    del talk["table"]


def unknown_claim_field(talk):
    talk["scenes"][0]["claims"][0]["maybe"] = 1


def claim_kind_unknown(talk):
    talk["scenes"][0]["claims"][0]["kind"] = "vibes"


def race_value_text(talk):
    talk["scenes"][0]["race"]["customers"] = "five"


def race_value_absurd(talk):
    talk["scenes"][0]["race"]["customers"] = 10**9


def scene_a_list(talk):
    talk["scenes"][2] = ["one-chef"]


def kitchens_a_string(talk):
    talk["scenes"][0]["kitchens"] = "flask-one-chef"


def figure_unknown(talk):
    talk["scenes"][0]["claims"][1]["figure"] = "__class__"


BREAKAGES = [scenes_a_number, no_id, no_kitchens, no_table, unknown_claim_field,
             claim_kind_unknown, race_value_text, race_value_absurd, scene_a_list,
             kitchens_a_string, figure_unknown]  # fmt: skip


def broken_file(tmp_path, breakage):
    talk = good_talk()
    breakage(talk)
    path = tmp_path / "scenes.json"
    path.write_text(json.dumps(talk), encoding="utf-8")
    return path


@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda f: f.__name__)
def test_a_wrong_shape_talk_is_refused_in_one_sentence(tmp_path, breakage):
    with pytest.raises(BadInput) as refused:
        load_talk(broken_file(tmp_path, breakage))
    message = str(refused.value)
    assert message.startswith("the talk scenes.json is damaged: ") and "\n" not in message


def test_deeply_nested_talk_is_refused(tmp_path):
    path = tmp_path / "scenes.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(BadInput, match="cannot read the talk"):
        load_talk(path)


def test_rehearse_says_one_sentence_and_exits_2(tmp_path, monkeypatch, capsys):
    from chefline.cli import rehearse_command

    path = broken_file(tmp_path, scenes_a_number)
    monkeypatch.setattr(rehearse_command, "resource_path", lambda *parts: path)
    assert main(["rehearse"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("chefline: the talk scenes.json is damaged: scenes must be a list")
    assert "\n" not in err


def test_the_window_opens_without_the_talk_and_says_why_once(qtbot, tmp_path, monkeypatch,
                                                              open_window):  # fmt: skip
    from PySide6.QtWidgets import QMessageBox

    from chefline.ui.talk import presenter

    path = broken_file(tmp_path, no_id)
    monkeypatch.setattr(presenter, "resource_path", lambda *parts: path)
    window = open_window(["flask-one-chef"])
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=2000)
    assert window.last_error == "the talk scenes.json is damaged: scene 1 has no id"
    shown = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(shown) == 1
    window.presenter.next()  # no talk: → does nothing, and the window still serves
    assert window.presenter.scene is None and window.controls.serve_button.isEnabled()
    for box in shown:
        box.close()
