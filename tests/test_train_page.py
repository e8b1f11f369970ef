"""The Train page tells the truth about a run: AppTest on the real page and pool."""

import time

from streamlit.testing.v1 import AppTest

from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.local_pool import LocalPool
from playground.settings import Settings
from tests.conftest import REPO_ROOT
from tests.test_training import scripted_worker

TIMEOUT = 120


def open_train_page(config: ExperimentConfig, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    at.session_state["config"] = config
    at.run()
    at.switch_page("pages/train.py").run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    parts = [
        e.value
        for kind in (
            "markdown",
            "caption",
            "title",
            "subheader",
            "error",
            "warning",
            "info",
            "success",
        )
        for e in at.get(kind)
        if isinstance(getattr(e, "value", None), str)
    ]
    return "\n".join(parts)


def sidebar_texts(block) -> str:
    """Captions and progress texts anywhere under an AppTest block."""
    kind = type(block).__name__
    found = [block.proto.text] if kind == "Progress" else [block.value] if kind == "Caption" else []
    return " ".join(
        found + [sidebar_texts(child) for child in getattr(block, "children", {}).values()]
    )


def run_until(at: AppTest, done, timeout=TIMEOUT, never: str | None = None) -> AppTest:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        at.run()
        assert not at.exception, at.exception
        if never is not None:
            assert never not in texts(at)
        if done(at):
            return at
        time.sleep(0.3)
    raise AssertionError("the page never reached the expected state:\n" + texts(at))


def train(config: ExperimentConfig, until: str, lang: str = "en") -> AppTest:
    at = open_train_page(config, lang)
    at.button(key="train_button").click().run()
    return run_until(at, lambda page: until in texts(page))


def test_a_diverged_run_offers_a_smaller_rate_then_shows_the_page_ready_for_it():
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=200), learning_rate=1000.0, epochs=10
    )
    at = train(config, until="10× smaller")
    assert "Finished after" not in texts(at)
    assert "Overfitting" not in texts(at)

    at.button(key="use_smaller_lr").click().run()
    assert not at.exception, at.exception
    assert at.session_state["config"].learning_rate == 100.0
    assert "lr=100 " in texts(at)
    assert "Ready to train with learning rate 100" in texts(at)
    assert "Training stopped" not in texts(at), "the stale failure must be gone"
    assert not at.button(key="train_button").disabled


def test_a_chance_level_run_says_so_with_its_numbers_on_train_and_evaluate():
    config = ExperimentConfig(data=DataConfig(name="circles", n_samples=300), layers=[], epochs=5)
    at = train(config, until="Finished after")
    page = texts(at)
    assert "does no better than always guessing" in page
    assert "Its test accuracy is" in page and "on the same 60 test examples" in page
    assert "no hidden layer" in page
    assert "Overfitting" not in page

    at.switch_page("pages/evaluate.py").run()
    assert not at.exception, at.exception
    assert "does no better than always guessing" in texts(at)


def test_a_chance_level_run_in_korean():
    config = ExperimentConfig(data=DataConfig(name="circles", n_samples=300), layers=[], epochs=5)
    at = train(config, until="학습이 끝났습니다", lang="ko")
    assert "찍는 것보다 나을 게 없습니다" in texts(at)
    assert "은닉층이 없습니다" in texts(at)


def test_early_stopping_says_which_epoch_the_weights_came_back_to():
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=200),
        epochs=200,
        early_stopping=True,
        patience=2,
        restore_best_weights=True,
        learning_rate=0.05,
        layers=[LayerConfig(8, "relu")],
    )
    at = train(config, until="Finished after")
    page = texts(at)
    assert "stopped it early at epoch" in page
    assert "The weights were restored to epoch" in page
    assert "restored by EarlyStopping" in page  # the boundary caption names the restored epoch


def test_the_train_page_explains_a_runs_folder_that_is_a_file(monkeypatch, tmp_path):
    from ui import backend

    not_a_folder = tmp_path / "runs"
    not_a_folder.write_text("a file")
    monkeypatch.setenv("PLAYGROUND_RUNS_DIR", str(not_a_folder))
    broken = LocalPool(Settings(pool_size=1), worker_target=scripted_worker)
    monkeypatch.setattr(backend, "pool", lambda: broken)
    try:
        at = open_train_page(ExperimentConfig(data=DataConfig(name="moons", n_samples=200)))
        assert "runs folder is missing or not writable" in texts(at)
        assert str(tmp_path) not in texts(at)
        assert at.button(key="train_button").disabled
    finally:
        broken.shutdown()
