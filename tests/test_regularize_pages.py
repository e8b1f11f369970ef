"""The Model page's Dropout and L1/L2 widgets, and Pause/Step/Resume and the penalty's share
on the Train page, against the in-process backend."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from playground.config import DataConfig, ExperimentConfig, LayerConfig
from tests import fake_backend
from tests.conftest import REPO_ROOT
from tests.test_pages import texts
from tests.test_train_page import open_train_page

TIMEOUT = 60
MOONS = ExperimentConfig(
    data=DataConfig(name="moons", n_samples=200), epochs=5, layers=[LayerConfig(8, "relu")]
)
LOGS = {"loss": 0.5, "val_loss": 0.55, "accuracy": 0.8, "val_accuracy": 0.78}


@pytest.fixture
def fake_in(monkeypatch):
    """Opens the Train page in a language, a FakeBackend behind it."""
    monkeypatch.setenv("PLAYGROUND_PAUSE_TIMEOUT_S", "120")
    with fake_backend.behind_the_pages(monkeypatch):
        yield lambda lang: (open_train_page(MOONS, lang), fake_backend.created[-1])


@pytest.fixture
def fake(fake_in):
    return fake_in("en")


def epochs_drawn(at: AppTest) -> list[str]:
    return [bar.proto.text for bar in at.get("progress")]


def test_pause_step_and_resume_from_the_train_page(fake):
    at, backend = fake
    at.button(key="train_button").click().run()
    assert at.button(key="pause_button").disabled is False  # queued: it pauses after epoch 1
    job_id = backend.start()
    backend.epoch(job_id, LOGS)
    at.run()
    at.button(key="pause_button").click().run()
    assert backend.board.get(job_id).paused
    at.run()
    assert "Paused after epoch 1" in texts(at)
    assert "keeps a trainer busy" in texts(at) and "2 min" in texts(at)
    assert epochs_drawn(at) == ["Epoch 1/5"]

    at.button(key="step_button").click().run()
    assert not backend.board.get(job_id).paused
    backend.epoch(job_id, LOGS)  # the one epoch of the step: then it pauses again
    at.run()
    assert backend.board.get(job_id).paused_epoch == 2
    assert "Paused after epoch 2" in texts(at) and epochs_drawn(at) == ["Epoch 2/5"]

    at.button(key="resume_button").click().run()
    job = backend.board.get(job_id)
    assert not job.paused and not job.pause_requested
    backend.epoch(job_id, LOGS)
    at.run()
    assert epochs_drawn(at) == ["Epoch 3/5"] and "Paused" not in texts(at)
    assert at.button(key="pause_button").disabled is False


def test_the_paused_run_speaks_korean(fake_in):
    at, backend = fake_in("ko")
    at.button(key="train_button").click().run()
    job_id = backend.start()
    backend.epoch(job_id, LOGS)
    backend.pause(job_id)
    at.run()
    assert "에포크 1 후 일시정지했습니다" in texts(at)
    assert [b.label for b in at.button if b.key in ("resume_button", "step_button")] == [
        "계속하기",
        "한 에포크만",
    ]


def test_the_penalty_share_is_shown_under_the_charts(fake):
    at, backend = fake
    at.button(key="train_button").click().run()
    job_id = backend.start()
    backend.epoch(job_id, {**LOGS, "loss": 0.4, "penalty": 0.1})
    at.run()
    shown = texts(at).replace("\\", "")  # the numbers arrive Markdown-escaped ("0\\.1")
    assert "weight penalty of 0.1 (25.0 % of the loss)" in shown
    assert "the rest, 0.3, comes from the data" in shown


def test_no_penalty_line_without_a_penalty(fake):
    at, backend = fake
    at.button(key="train_button").click().run()
    backend.epoch(backend.start(), LOGS)
    at.run()
    assert "weight penalty" not in texts(at)


# --------------------------------------------------------------- Model page
def open_model_page(config: ExperimentConfig, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    at.session_state["config"] = config
    at.run()
    at.switch_page("pages/model.py").run()
    assert not at.exception, at.exception
    return at


def test_dropout_and_l2_widgets_change_the_config_and_the_summary():
    at = open_model_page(ExperimentConfig(layers=[LayerConfig(16, "relu"), LayerConfig(8, "relu")]))
    at.number_input(key="dropout_0_0").set_value(0.25).run()
    at.number_input(key="l2_0_1").set_value(0.01).run()
    layers = at.session_state["config"].layers
    assert [(layer.dropout, layer.l1, layer.l2) for layer in layers] == [
        (0.25, 0.0, 0.0),
        (0.0, 0.0, 0.01),
    ]
    summary = at.dataframe[0].value
    assert list(summary.iloc[:, 0]) == [
        "dense (Dense)",
        "dropout (Dropout)",
        "dense_1 (Dense)",
        "dense_2 (Dense)",
    ]
    assert "Dropout layers have no parameters" in texts(at)


def test_a_config_beyond_the_widget_ranges_is_shown_clamped_and_explained():
    at = open_model_page(ExperimentConfig(layers=[LayerConfig(16, "relu", dropout=1.0, l2=5.0)]))
    assert at.number_input(key="dropout_0_0").value == 0.9
    assert at.number_input(key="l2_0_0").value == 1.0
