"""Dropout and L1/L2 weight penalties: the URL form, the link's bounds, the Keras model and its
summary, the exported code lines, the penalty in the epoch logs, and NumPy inference."""

from __future__ import annotations

import numpy as np
import pytest

from playground import limits
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.links import read_link
from playground.models import build_model, keras_layer_lines, summary_rows
from playground.runs import EpochEnded, RunFinished, RunResult
from playground.settings import Settings
from tests.conftest import train_in_process
from tests.test_models import BINARY, IMAGES

REGULARIZED = [
    LayerConfig(32, "relu", dropout=0.2, l2=0.01),
    LayerConfig(8, "tanh", l1=0.001),
    LayerConfig(4, "relu", dropout=0.5, l1=0.0001, l2=0.0001),
]


# ----------------------------------------------------------------- the URL form
def test_the_compact_layer_form_round_trips():
    config = ExperimentConfig(layers=REGULARIZED)
    text = config.to_query_params()["layers"]
    assert (
        text == "32:relu:dropout=0.2:l2=0.01,8:tanh:l1=0.001,4:relu:dropout=0.5:l1=0.0001:l2=0.0001"
    )
    assert ExperimentConfig.from_query_params({"layers": text}).layers == REGULARIZED
    assert read_link({"layers": text}, Settings()) == (config, [])


def test_old_links_without_options_still_read_and_are_written_as_before():
    config = ExperimentConfig.from_query_params({"layers": "16:relu,8:tanh"})
    assert config.layers == [LayerConfig(16, "relu"), LayerConfig(8, "tanh")]
    assert config.to_query_params()["layers"] == "16:relu,8:tanh"
    assert read_link({"layers": "16:relu,8:tanh"}, Settings())[0].layers == config.layers


def test_the_strict_reader_refuses_an_unknown_option_quoting_it():
    with pytest.raises(ValueError, match="dropuot=0.2"):
        ExperimentConfig.from_query_params({"layers": "16:relu:dropuot=0.2"})


def test_a_link_bounds_each_option_and_says_what_it_used():
    params = {"layers": "16:relu:dropout=1.0:l2=abc:l1=-1:foo=1,8:tanh:l2=50"}
    config, notes = read_link(params, Settings())
    assert config.layers == [
        LayerConfig(16, "relu", dropout=limits.MAX_DROPOUT),
        LayerConfig(8, "tanh", l2=limits.MAX_PENALTY),
    ]
    assert [(note.code, note.params["name"]) for note in notes] == [
        ("link.clamped", "layers[1].dropout"),
        ("link.not_a_number", "layers[1].l2"),
        ("link.too_small", "layers[1].l1"),
        ("link.unknown_layer_option", "layers[1]"),
        ("link.clamped", "layers[2].l2"),
    ]
    assert notes[2].params["default"] == "0.0"


# ------------------------------------------------------------ Keras and summary
@pytest.mark.parametrize("dataset", [IMAGES, BINARY], ids=["images", "points"])
def test_summary_rows_name_and_count_dropout_as_keras_does(dataset):
    config = ExperimentConfig(layers=REGULARIZED)
    model = build_model(config, dataset)
    layers = [layer for layer in model.layers if layer.__class__.__name__ != "InputLayer"]
    rows = summary_rows(config, dataset)
    assert [(row.name, row.layer_type) for row in rows] == [
        (layer.name, layer.__class__.__name__) for layer in layers
    ]
    assert [row.params for row in rows] == [layer.count_params() for layer in layers]
    assert [row.output_shape for row in rows] == [
        str(tuple(layer.output.shape)) for layer in layers
    ]
    dropouts = [layer for layer in layers if layer.__class__.__name__ == "Dropout"]
    assert [(layer.name, layer.rate) for layer in dropouts] == [
        ("dropout", 0.2),
        ("dropout_1", 0.5),
    ]


def test_the_penalties_are_keras_kernel_regularizers():
    model = build_model(ExperimentConfig(layers=REGULARIZED), BINARY)
    dense = [layer for layer in model.layers if layer.__class__.__name__ == "Dense"]
    configs = [
        None if layer.kernel_regularizer is None else layer.kernel_regularizer.get_config()
        for layer in dense
    ]
    assert configs == [
        {"l1": 0.0, "l2": pytest.approx(0.01)},
        {"l1": pytest.approx(0.001), "l2": 0.0},
        {"l1": pytest.approx(0.0001), "l2": pytest.approx(0.0001)},
        None,  # the output layer
    ]


def test_the_exported_lines_build_the_same_layers():
    import keras

    lines = [line for layer in REGULARIZED for line in keras_layer_lines(layer)]
    built = eval("[" + "".join(lines) + "]", {"keras": keras})  # noqa: S307 - our own code
    model = build_model(ExperimentConfig(layers=REGULARIZED), BINARY)
    hidden = [layer for layer in model.layers if layer.__class__.__name__ in ("Dense", "Dropout")]

    def described(layer):
        config = layer.get_config()
        return {
            key: config.get(key)
            for key in ("units", "activation", "rate", "kernel_regularizer")
            if key in config
        }

    def regularizer_values(description):
        regularizer = description.get("kernel_regularizer")
        return regularizer and regularizer["config"]

    assert len(built) == len(hidden) - 1  # all but the output layer
    for ours, theirs in zip(built, hidden):
        a, b = described(ours), described(theirs)
        assert {k: v for k, v in a.items() if k != "kernel_regularizer"} == {
            k: v for k, v in b.items() if k != "kernel_regularizer"
        }
        assert regularizer_values(a) == regularizer_values(b)


# ------------------------------------------------------------- the trainer
def test_the_epoch_logs_carry_the_penalty_keras_adds_to_the_loss(tmp_path):
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=100),
        layers=[LayerConfig(16, "relu", l2=0.01), LayerConfig(8, "relu", l1=0.001)],
        epochs=3,
    )
    events = train_in_process(config, tmp_path / "run")
    epochs = [event.logs for event in events if isinstance(event, EpochEnded)]
    assert len(epochs) == 3 and all(0 < logs["penalty"] < logs["loss"] for logs in epochs)
    finished = events[-1]
    assert isinstance(finished, RunFinished)
    network = RunResult.load(finished.artifacts).network
    expected = 0.01 * np.sum(np.square(network.kernels[0])) + 0.001 * np.sum(
        np.abs(network.kernels[1])
    )
    assert epochs[-1]["penalty"] == pytest.approx(float(expected), rel=1e-4)


def test_no_penalty_in_the_logs_of_a_model_without_one(tmp_path):
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=100), layers=[LayerConfig(4, "relu", dropout=0.3)]
    )
    config.epochs = 1
    events = train_in_process(config, tmp_path / "run")
    logs = next(event.logs for event in events if isinstance(event, EpochEnded))
    assert "penalty" not in logs


def test_the_numpy_network_skips_dropout_as_keras_does_when_predicting():
    from playground.trainer import dense_network_of

    config = ExperimentConfig(layers=REGULARIZED)
    model = build_model(config, IMAGES)
    x = np.random.default_rng(1).uniform(0, 1, (16, 28, 28)).astype("float32")
    expected = np.asarray(model(x, training=False))
    assert not np.allclose(np.asarray(model(x, training=True)), expected)  # Dropout is there
    network = dense_network_of(model, pixel_offset=0.0, pixel_scale=255.0)  # inputs in 0..1
    assert len(network.kernels) == 4
    np.testing.assert_allclose(network.predict_proba(x), expected, rtol=1e-5, atol=1e-6)


# ------------------------------------------------------- overfitting, shrunk
def test_l2_shrinks_the_gap_between_train_and_validation_loss(tmp_path):
    """bench/regularization.py's set: 50 noisy moons points, a 256-256 net, 80 epochs."""
    from bench.regularization import overfitting_config

    def last_epoch_and_test_loss(config, folder):
        finished = train_in_process(config, folder, stream=False)[-1]
        assert isinstance(finished, RunFinished)
        result = RunResult.load(finished.artifacts)
        return result.history[-1], result.summary.test["loss"]

    plain, plain_test = last_epoch_and_test_loss(overfitting_config(), tmp_path / "plain")
    l2, l2_test = last_epoch_and_test_loss(overfitting_config(l2=0.01), tmp_path / "l2")
    plain_gap, l2_gap = plain["val_loss"] - plain["loss"], l2["val_loss"] - l2["loss"]
    assert plain_gap > 0.5, plain  # it overfits: train loss near 0, validation loss far above
    assert l2_gap < plain_gap / 3, (plain, l2)
    assert l2_test < plain_test
    assert 0 < l2["penalty"] < l2["loss"]
