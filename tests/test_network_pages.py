"""The network views in the pages, against the in-process backend: the live diagram on Train,
the saved one on Evaluate, and Evaluate's MNIST and IMDB views."""

import dataclasses

import numpy as np
import pytest

from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.inference import DenseNetwork
from playground.network_view import network_snapshot, plane_inputs, sample_inputs
from tests import fake_backend
from tests.conftest import shared_mnist_path
from tests.test_fake_backend import LOGS, MOONS
from tests.test_pages import texts

RNG = np.random.default_rng(2)


def moons_network() -> DenseNetwork:
    return DenseNetwork(
        (RNG.normal(size=(2, 8)).astype(np.float32), RNG.normal(size=(8, 1)).astype(np.float32)),
        (np.array([-50.0] + [0.0] * 7, np.float32), np.zeros(1, np.float32)),
        ("relu", "sigmoid"),
    )


def test_the_train_page_draws_the_epochs_diagram_and_states_its_rules(fake):
    at, backend = fake
    at.button(key="train_button").click().run()
    job_id = backend.start()
    backend.epoch(job_id, LOGS)
    at.run()
    assert "The diagram appears after the first epoch." in texts(at)
    network = moons_network()
    probe = plane_inputs(RNG.normal(size=(100, 2)), ["x1", "x2"])
    backend.epoch(job_id, LOGS, network=network_snapshot(network, probe, epoch=2))
    at.run()
    assert not at.exception, at.exception
    page = texts(at)
    assert "Inside the network" in page
    assert "the 40 strongest connections" in page
    assert "1 neuron drawn here is dead or saturated." in page  # the unit with bias -50
    figures = [chart.proto.spec for chart in at.get("plotly_chart")]
    assert any("After epoch 2" in spec for spec in figures)


def test_evaluate_draws_the_saved_models_diagram_from_its_weights(fake, tmp_path):
    at, backend = fake
    at.button(key="train_button").click().run()
    job_id = backend.start()
    result = fake_backend.binary_result(MOONS, [{"epoch": 1, **LOGS}])
    result.network = moons_network()
    result.network_inputs = plane_inputs(RNG.normal(size=(100, 2)), ["x1", "x2"])
    backend.finish(job_id, tmp_path / job_id, result)
    at.switch_page("pages/evaluate.py").run()
    assert not at.exception, at.exception
    figures = [chart.proto.spec for chart in at.get("plotly_chart")]
    assert any("The saved model (weights of epoch 1)" in spec for spec in figures)
    assert "1 neuron drawn here is dead or saturated." in texts(at)


def test_an_imdb_run_shows_the_words_it_weighs_and_reads_a_typed_review(fake, tmp_path):
    at, backend = fake
    at.button(key="train_button").click().run()
    job_id = backend.start()
    names = ["[PAD]", "[START]", "[OOV]", "great", "awful", "film"] + [
        f"w{i}" for i in range(6, 10_000)
    ]
    kernel = np.zeros((10_000, 1), np.float32)
    kernel[3], kernel[4] = 2.0, -3.0
    result = fake_backend.binary_result(MOONS, [{"epoch": 1, **LOGS}])
    result.summary = dataclasses.replace(
        result.summary, dataset="imdb", kind="text", class_names=["negative", "positive"]
    )
    result.network = DenseNetwork(
        (kernel, np.ones((1, 1), np.float32)), (np.zeros(1, np.float32),) * 2, ("linear", "sigmoid")
    )
    result.network_inputs = sample_inputs(np.zeros((5, 10_000), np.float32), names)
    backend.finish(job_id, tmp_path / job_id, result)
    at.switch_page("pages/evaluate.py").run()
    assert not at.exception, at.exception
    assert "Words the network weighs" in texts(at)
    at.text_area[0].input("An awful, AWFUL film <b>zzz</b>").run()
    page = texts(at)
    assert "the network reads this review as **negative**" in page
    assert "zzz" in page and "<b>" not in page.replace("\\<b\\>", "")
    review_chart = next(c for c in at.get("plotly_chart") if c.proto.id.endswith("imdb_review"))
    assert "awful" in review_chart.proto.spec and "film" in review_chart.proto.spec
    assert "-0." in review_chart.proto.spec  # "awful" pushes towards negative


@pytest.mark.skipif(shared_mnist_path() is None, reason="real mnist.npz not available")
def test_an_mnist_run_shows_its_first_layer_weights_and_class_averages(fake, tmp_path, monkeypatch):
    from playground.datasets import load_dataset
    from ui import backend as ui_backend

    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(shared_mnist_path().parent))
    ui_backend.settings.clear()
    at, backend = fake
    at.button(key="train_button").click().run()
    job_id = backend.start()
    config = ExperimentConfig(
        data=DataConfig(name="mnist", n_samples=500), layers=[LayerConfig(16, "relu")]
    )
    dataset = load_dataset(config.data)
    result = fake_backend.binary_result(config, [{"epoch": 1, **LOGS}])
    prob = np.eye(10, dtype=np.float32)[
        (dataset.y_test + (np.arange(len(dataset.y_test)) % 5 == 0)) % 10
    ]
    result.y_true, result.prob = dataset.y_test, prob
    result.summary = dataclasses.replace(
        result.summary,
        dataset="mnist",
        kind="image",
        task="multiclass",
        class_names=[str(i) for i in range(10)],
        n_test=len(prob),
    )
    result.network = DenseNetwork(
        (
            RNG.normal(size=(784, 16)).astype(np.float32),
            RNG.normal(size=(16, 10)).astype(np.float32),
        ),
        (np.zeros(16, np.float32), np.zeros(10, np.float32)),
        ("relu", "softmax"),
    )
    result.network_inputs = sample_inputs(dataset.x_test, dataset.feature_names)
    backend.finish(job_id, tmp_path / job_id, result)
    at.switch_page("pages/evaluate.py").run()
    assert not at.exception, at.exception
    page = texts(at)
    assert "What the first layer looks for" in page
    assert "Showing the first 16 of 16 neurons." in page
    assert "Average test digit, right and wrong answers" in page
    specs = " ".join(chart.proto.spec for chart in at.get("plotly_chart"))
    assert "pixel (" in specs  # the diagram's inputs are named pixels
