"""Page logic with streamlit.testing.v1.AppTest: each page, and the whole loop."""

import subprocess
import sys
import time

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from playground import datasets
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from tests.conftest import REPO_ROOT

TIMEOUT = 120


def open_page(
    page: str | None = None, config: ExperimentConfig | None = None, lang: str = "en"
) -> AppTest:
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    if config is not None:
        at.session_state["config"] = config
    at.run()
    if page:
        at.switch_page(page).run()
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


def small_moons(**changes) -> ExperimentConfig:
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=200), epochs=3, layers=[LayerConfig(8, "relu")]
    )
    for key, value in changes.items():
        setattr(config, key, value)
    return config


def test_core_and_landing_page_do_not_import_tensorflow():
    code = (
        "import sys; sys.path.insert(0, '.');"
        "import ui.backend, ui.state, ui.i18n, playground.checks, playground.models,"
        " playground.charts, playground.evaluation, playground.local_pool, playground.backend, playground.worker, playground.runs, playground.datasets;"
        "assert 'tensorflow' not in sys.modules, 'tensorflow was imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=True)


@pytest.mark.parametrize(
    "lang, title", [("en", "Deep Learning Playground"), ("ko", "딥러닝 놀이터")]
)
def test_home_page_in_both_languages(lang, title):
    at = open_page(lang=lang)
    assert title in at.title[0].value


@pytest.mark.parametrize(
    "name",
    ["moons", "circles", "xor", "spiral", "gaussians", "iris", "wine", "breast_cancer", "diabetes"],
)
def test_data_page_previews_every_builtin_dataset(name):
    at = open_page("pages/data.py", ExperimentConfig(data=DataConfig(name=name)))
    assert len(at.get("plotly_chart")) >= 1
    assert len(at.dataframe) == 1


def test_data_page_switches_dataset_and_keeps_it_across_pages():
    at = open_page("pages/data.py")
    at.selectbox[0].select("iris").run()
    assert at.session_state["config"].data.name == "iris"
    at.switch_page("pages/model.py").run()
    assert not at.exception
    assert "Iris" in texts(at) or "iris" in texts(at)
    assert at.session_state["config"].data.name == "iris"


def test_data_page_explains_a_malformed_csv():
    csv_id = datasets.store_upload(b"")
    at = open_page("pages/data.py", ExperimentConfig(data=DataConfig(name="csv", csv_file=csv_id)))
    assert at.error, "an empty CSV must be explained"
    assert "Traceback" not in texts(at)


def test_data_page_explains_a_single_class_target():
    csv_id = datasets.store_upload(b"a,b,label\n1,2,yes\n3,4,yes\n5,6,yes\n7,8,yes\n")
    config = ExperimentConfig(data=DataConfig(name="csv", csv_file=csv_id, target="label"))
    at = open_page("pages/data.py", config)
    assert at.error


def test_model_page_shows_keras_parameter_counts():
    config = ExperimentConfig(data=DataConfig(name="iris"), layers=[LayerConfig(32, "relu")])
    at = open_page("pages/model.py", config)
    # iris: 4 inputs -> Dense(32): 160 params; Dense(3): 99 params
    assert at.metric[0].value == "259"


def test_model_page_explains_zero_units_and_adding_a_layer_works():
    at = open_page("pages/model.py", small_moons())
    at.number_input(key="units_0_0").set_value(0).run()
    assert any("units=0" in e.value for e in at.error)
    at.button(key="add_layer").click().run()
    assert len(at.session_state["config"].layers) == 2


def test_model_page_explains_categorical_crossentropy_on_integer_labels():
    config = ExperimentConfig(data=DataConfig(name="iris"), loss="categorical_crossentropy")
    at = open_page("pages/model.py", config)
    assert any("incompatible" in e.value for e in at.error)


def test_train_page_blocks_a_broken_model():
    config = ExperimentConfig(
        data=DataConfig(name="iris"), output_units=1, output_activation="softmax"
    )
    at = open_page("pages/train.py", config)
    assert at.button(key="train_button").disabled


def run_until(at: AppTest, done, timeout=TIMEOUT) -> AppTest:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        at.run()
        assert not at.exception, at.exception
        if done(at):
            return at
        time.sleep(0.3)
    raise AssertionError("the page never reached the expected state:\n" + texts(at))


def test_whole_loop_train_then_evaluate_with_threshold():
    at = open_page("pages/train.py", small_moons(epochs=4))
    at.button(key="train_button").click().run()
    run_until(at, lambda page: "Finished after" in texts(page))
    assert "Finished after 4 epochs" in texts(at)
    assert at.get("download_button")

    at.switch_page("pages/evaluate.py").run()
    assert not at.exception
    assert "Confusion matrix" in texts(at)
    report_at_half = at.dataframe[0].value.copy()
    at.slider(key="threshold").set_value(0.05).run()
    assert not at.exception
    report_low = at.dataframe[0].value
    recall = report_low.columns[list(report_low.columns).index("recall")]
    assert report_low.loc["1", recall] >= report_at_half.loc["1", recall]


def block_texts(block) -> str:
    """Captions and progress-bar texts anywhere under an AppTest block."""
    kind = type(block).__name__
    found = [block.proto.text] if kind == "Progress" else [block.value] if kind == "Caption" else []
    return " ".join(
        found + [block_texts(child) for child in getattr(block, "children", {}).values()]
    )


def runs_of(at: AppTest) -> list[str]:
    """Ids of the runs the pool keeps for the page's browser, oldest first."""
    from ui import backend

    return [job.id for job in backend.pool().jobs_of(at.session_state["_browser_id"])]


def test_train_again_while_training_asks_to_stop_or_queue():
    at = open_page("pages/train.py", small_moons(epochs=200))
    at.button(key="train_button").click().run()
    run_until(at, lambda page: any("Epoch" in (p.proto.text or "") for p in page.get("progress")))
    first = runs_of(at)[-1]

    at.button(key="train_button").click().run()
    assert any("still training" in w.value for w in at.warning)
    at.button(key="queue_after").click().run()
    assert len(runs_of(at)) == 2
    assert "starts when your current run ends" in texts(at)

    at.button(key="train_button").click().run()
    at.button(key="stop_and_start").click().run()
    assert len(runs_of(at)) == 3
    run_until(
        at,
        lambda page: (
            any("Epoch" in (p.proto.text or "") for p in page.get("progress"))
            and "still training" not in texts(page)
            and "current run ends" not in texts(page)
        ),
    )
    assert runs_of(at)[0] == first

    at.switch_page("pages/model.py").run()  # every other page shows the run in its sidebar
    assert "Your run: Epoch" in block_texts(at.sidebar)
    at.switch_page("pages/train.py").run()
    at.button(key="stop_button").click().run()
    run_until(at, lambda page: "Stopped after" in texts(page))


def test_another_session_does_not_see_my_runs():
    at = open_page("pages/evaluate.py")
    assert any("No finished run" in i.value for i in at.info)


def test_a_learning_rate_of_1000_is_explained_not_crashed():
    config = small_moons(
        learning_rate=1e3,
        optimizer="sgd",
        epochs=10,
        loss="mse",
        data=DataConfig(name="diabetes", scaling="none"),
    )
    at = open_page("pages/train.py", config)
    assert any("learning rate" in w.value.lower() for w in at.warning)
    at.button(key="train_button").click().run()
    run_until(at, lambda page: "10× smaller" in texts(page))


def test_draw_page_answers_with_the_default_model_and_asks_for_a_drawing():
    at = open_page("pages/draw.py")
    assert "default digit model" in texts(at)
    assert any("Draw a digit" in info.value for info in at.info)
    assert not at.metric, "an empty canvas must not show a prediction"


def test_draw_page_browses_mnist_test_images(tmp_path, monkeypatch):
    rng = np.random.default_rng(0)
    images = (rng.random((30, 28, 28)) * 255).astype(np.uint8)
    labels = rng.integers(0, 10, 30).astype(np.uint8)
    np.savez(tmp_path / "mnist.npz", x_train=images, y_train=labels, x_test=images, y_test=labels)
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))

    at = open_page("pages/draw.py")
    at.radio(key="draw_mode").set_value("browse").run()
    assert not at.exception, at.exception
    assert at.metric[0].label == "Prediction"
    assert at.metric[0].value in [str(d) for d in range(10)]
    at.toggle(key="only_wrong").set_value(True).run()
    assert not at.exception, at.exception
    assert any("true label" in e.value for e in at.error)


def test_a_broken_link_is_explained_and_the_defaults_load():
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=TIMEOUT)
    at.query_params.update({"data.name": "moons", "epochs": "many"})
    at.run()
    assert not at.exception, at.exception
    assert any("could not be used" in w.value and "epochs" in w.value for w in at.warning)
    assert at.session_state["config"].epochs == ExperimentConfig().epochs
