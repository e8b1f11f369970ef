"""The Lessons page, hide/lock and Reset with streamlit.testing.v1.AppTest."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest

from playground import lessons, links
from playground.config import ExperimentConfig
from playground.settings import Settings
from tests.conftest import REPO_ROOT
from tests.test_pages import texts

TIMEOUT = 120


def app(query: dict | None = None, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    if query:
        at.query_params.update(query)
    at.run()
    assert not at.exception, at.exception
    return at


def open_lessons(lang: str = "en") -> AppTest:
    at = app(lang=lang)
    at.switch_page("pages/lessons.py").run()
    assert not at.exception, at.exception
    return at


def labels(at: AppTest, kind: str) -> list[str]:
    return [widget.label for widget in at.get(kind)]


def lesson(lesson_id: str):
    return lessons.read_lesson(REPO_ROOT / "lessons" / f"{lesson_id}.toml", Settings())


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_lessons_page_lists_every_lesson_in_both_languages(lang):
    at = open_lessons(lang)
    found, problems = lessons.load_lessons(Settings())
    shown = [header.value for header in at.subheader]
    assert [f"{int(item.id[:2])}. {item.title[lang]}" for item in found] == shown
    assert len([button for button in at.button if button.key.startswith("start_")]) == len(found)
    assert len(at.warning) == len(problems)  # a broken file is reported, not a crash


def test_the_lessons_page_comes_first_after_home():
    from ui.page import PAGES

    assert PAGES[0].name == "lessons"


def test_start_loads_the_lesson_opens_its_page_and_hides_and_locks():
    at = open_lessons()
    at.button(key="start_02-breast-cancer").click().run()
    assert not at.exception, at.exception
    expected = lesson("02-breast-cancer")
    assert at.session_state["config"] == expected.config(Settings())
    assert at.session_state["lesson_id"] == "02-breast-cancer"
    assert at.title[0].value == "Train" or "Train" in texts(at)
    assert at.query_params["hide"] == ",".join(expected.hide)
    assert at.query_params["lock"] == ",".join(expected.lock)

    at.switch_page("pages/model.py").run()
    numbers = labels(at, "number_input")
    assert "Seed" not in numbers and "Output units (0 = auto)" not in numbers
    assert "Epochs" in numbers
    at.switch_page("pages/data.py").run()
    dataset = next(box for box in at.selectbox if box.label == "Dataset")
    assert dataset.disabled and dataset.value == "breast_cancer"
    assert "Seed" not in labels(at, "number_input")  # data.seed is hidden too


def test_a_step_changes_the_current_config_and_keeps_the_rest():
    at = open_lessons()
    at.button(key="start_03-iris-softmax").click().run()
    at.session_state["config"].batch_size = 8  # the student's own change
    at.switch_page("pages/lessons.py").run()
    at.button(key="step_03-iris-softmax_0").click().run()
    assert not at.exception, at.exception
    config = at.session_state["config"]
    assert (config.label_encoding, config.loss) == ("onehot", "categorical_crossentropy")
    assert config.batch_size == 8 and config.data.name == "iris"


def test_the_imdb_lesson_offers_the_offline_one_when_imdb_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    at = open_lessons()
    assert "imdb" in "\n".join(info.value for info in at.info)
    at.button(key="alternative_07-imdb-overfitting").click().run()
    assert at.session_state["lesson_id"] == "02-breast-cancer"
    assert at.session_state["config"].data.name == "breast_cancer"


def test_reset_clears_config_controls_and_lesson():
    at = open_lessons()
    at.button(key="start_01-hidden-layers").click().run()
    at.button(key="reset_defaults").click().run()
    assert not at.exception, at.exception
    assert at.session_state["config"] == ExperimentConfig()
    assert at.session_state["controls"] == {"hide": (), "lock": ()}
    assert "lesson_id" not in at.session_state


def test_a_link_hides_and_locks_and_explains_unknown_names():
    at = app({"data.name": "iris", "hide": "seed,momentum,nonsense", "lock": "optimizer"})
    assert "nonsense" in texts(at)
    at.switch_page("pages/model.py").run()
    assert "Seed" not in labels(at, "number_input")
    optimizer = next(box for box in at.selectbox if box.label == "Optimizer")
    assert optimizer.disabled


def test_locked_layers_cannot_be_edited_and_hidden_layers_are_gone():
    at = app({"lock": "layers"})
    at.switch_page("pages/model.py").run()
    assert at.button(key="add_layer").disabled
    assert all(box.disabled for box in at.selectbox if box.key and box.key.startswith("act_"))
    at = app({"hide": "layers"})
    at.switch_page("pages/model.py").run()
    assert not [button for button in at.button if button.key == "add_layer"]


def test_the_share_link_holds_the_experiment_controls_and_language():
    at = app({"data.name": "iris", "hide": "seed"}, lang="ko")
    link = at.code[0].value
    query = dict(parse_qsl(link.split("?", 1)[1]))
    assert query["data.name"] == "iris" and query["hide"] == "seed" and query["lang"] == "ko"
    config, notes = links.read_link(query, Settings())
    assert config.data.name == "iris" and notes == []
