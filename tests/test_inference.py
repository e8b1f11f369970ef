"""NumPy inference of Dense networks, and which digit model answers."""

import json

import numpy as np
import pytest

from playground import inference
from playground.inference import (
    DEFAULT_DIGIT_MODEL,
    choose_digit_model,
    load_dense_network,
    save_dense_network,
)
from tests.conftest import shared_mnist_path, train_in_process


@pytest.mark.parametrize("hidden", ["relu", "sigmoid", "tanh", "elu", "leaky_relu", "linear"])
def test_numpy_forward_pass_equals_keras(tmp_path, hidden):
    import keras

    keras.utils.set_random_seed(1)
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Flatten(),
            keras.layers.Dense(12, activation=hidden),
            keras.layers.Dropout(0.5),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    offset, scale = 33.0, 78.0
    from playground.trainer import dense_network_of

    save_dense_network(dense_network_of(model, offset, scale), tmp_path / "net.npz")
    network = load_dense_network(tmp_path / "net.npz")

    images01 = np.random.default_rng(0).random((5, 28, 28)).astype(np.float32)
    expected = model.predict((images01 * 255 - offset) / scale, verbose=0)
    np.testing.assert_allclose(network.predict_proba(images01), expected, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(
        network.predict_proba(images01[0]), expected[0], rtol=1e-4, atol=1e-6
    )
    assert network.n_params == model.count_params()


def test_export_refuses_layers_it_cannot_run(tmp_path):
    import keras

    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Conv2D(2, 3),
            keras.layers.Flatten(),
            keras.layers.Dense(10),
        ]
    )
    from playground.trainer import dense_network_of

    with pytest.raises(ValueError, match="Conv2D"):
        dense_network_of(model)


def _run(tmp_path, run_id, with_network=True, accuracy=0.9):
    """(run id, test accuracy, network file) of an MNIST run, as `choose_digit_model` takes them."""
    folder = tmp_path / run_id
    folder.mkdir()
    if with_network:
        (folder / "dense_network.npz").write_bytes(b"weights")
    return run_id, accuracy, folder / "dense_network.npz"


def test_the_default_model_answers_when_the_browser_has_no_mnist_run(tmp_path):
    for runs in ([], [_run(tmp_path, "a", with_network=False)]):
        choice = choose_digit_model(runs)
        assert choice.path == DEFAULT_DIGIT_MODEL and choice.run_id is None
        assert choice.test_accuracy >= 0.98


def test_the_sessions_newest_mnist_run_answers(tmp_path):
    runs = [
        _run(tmp_path, "old", accuracy=0.91),
        _run(tmp_path, "new", accuracy=0.95),
        _run(tmp_path, "later", with_network=False),
    ]
    choice = choose_digit_model(runs)
    assert choice.run_id == "new" and choice.test_accuracy == 0.95
    assert choice.path == tmp_path / "new" / "dense_network.npz"


def test_the_shipped_default_model_is_small_and_documented():
    assert DEFAULT_DIGIT_MODEL.stat().st_size < 5 * 2**20
    info = json.loads(DEFAULT_DIGIT_MODEL.with_suffix(".json").read_text())
    assert (
        info["test_accuracy"] >= 0.98 and "scripts/train_default_digit_model.py" in info["command"]
    )
    network = load_dense_network(DEFAULT_DIGIT_MODEL)
    assert network.kernels[0].shape == (784, 256) and network.activations[-1] == "softmax"


def test_the_default_model_scores_98_percent_on_the_real_mnist():
    path = shared_mnist_path()
    if path is None:
        pytest.skip("the full MNIST (PLAYGROUND_DATA_DIR or ../shared/data/mnist.npz) is absent")
    with np.load(path) as data:
        images, labels = data["x_test"] / np.float32(255), data["y_test"]
    predicted = load_dense_network(DEFAULT_DIGIT_MODEL).predict_proba(images).argmax(axis=1)
    assert (predicted == labels).mean() >= 0.98


def test_leaky_relu_slope_matches_keras():
    import keras

    z = np.array([-2.0, 3.0], dtype=np.float32)
    np.testing.assert_allclose(
        inference.ACTIVATIONS["leaky_relu"](z), keras.activations.leaky_relu(z), rtol=1e-6
    )


@pytest.mark.parametrize("scaling", ["standard", "minmax", "none"])
def test_a_trained_mnist_run_exports_a_network_that_matches_keras(tmp_path, monkeypatch, scaling):
    from playground.config import DataConfig, ExperimentConfig, LayerConfig
    from playground.runs import RunFinished, RunResult

    rng = np.random.default_rng(0)
    images = (rng.random((120, 28, 28)) * 255).astype(np.uint8)
    labels = rng.integers(0, 10, 120).astype(np.uint8)
    np.savez(
        tmp_path / "mnist.npz",
        x_train=images,
        y_train=labels,
        x_test=images[:20],
        y_test=labels[:20],
    )
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
    config = ExperimentConfig(
        data=DataConfig(name="mnist", n_samples=0, scaling=scaling),
        epochs=1,
        layers=[LayerConfig(8, "elu")],
    )
    end = train_in_process(config, tmp_path / "run")[-1]
    assert isinstance(end, RunFinished), end

    result = RunResult.load(tmp_path / "run")
    network = load_dense_network(RunResult.network_path(tmp_path / "run"))
    np.testing.assert_allclose(
        network.predict_proba(images[:20] / np.float32(255)), result.prob, rtol=1e-3, atol=1e-5
    )
    choice = choose_digit_model(
        [("job", end.summary.test["accuracy"], RunResult.network_path(tmp_path / "run"))]
    )
    assert choice.run_id == "job"


def test_concurrent_predictions_from_many_threads_agree():
    from concurrent.futures import ThreadPoolExecutor

    network = load_dense_network(DEFAULT_DIGIT_MODEL)
    images = np.random.default_rng(3).random((64, 28, 28)).astype(np.float32)
    expected = [network.predict_proba(image) for image in images]
    with ThreadPoolExecutor(8) as executor:
        answers = list(executor.map(network.predict_proba, images))
    for got, want in zip(answers, expected):
        np.testing.assert_array_equal(got, want)
