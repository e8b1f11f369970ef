"""Output heads, parameter counts against Keras, and tiny real fits."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from playground.config import ExperimentConfig, LayerConfig
from playground.datasets import Dataset
from playground.models import (
    Head,
    SummaryRow,
    build_model,
    encode_labels,
    label_width,
    resolve_head,
    summary_rows,
    total_params,
)


def make_dataset(
    task: str, classes: int = 0, shape: tuple[int, ...] = (2,), rows: int = 40
) -> Dataset:
    """A tiny dataset of `task` with `classes` classes and inputs of `shape`."""
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, (rows, *shape)).astype("float32")
    x_test = rng.uniform(-1, 1, (8, *shape)).astype("float32")
    if task == "regression":
        y, y_test = x.reshape(rows, -1).sum(axis=1), x_test.reshape(8, -1).sum(axis=1)
        names: list[str] = []
    else:
        classes = classes or 2
        y, y_test = np.arange(rows) % classes, np.arange(8) % classes
        names = [f"class {i}" for i in range(classes)]
    features = [f"x{i}" for i in range(int(np.prod(shape)))]
    return Dataset(
        "tiny",
        task,
        "tabular",
        x,
        y.astype("int64" if names else "float32"),
        x_test,
        y_test,
        features,
        names,
    )


BINARY = make_dataset("binary")
MULTI3 = make_dataset("multiclass", 3, (4,))
MULTI10 = make_dataset("multiclass", 10, (5,))
REGRESSION = make_dataset("regression", shape=(3,))
IMAGES = make_dataset("multiclass", 10, (28, 28), rows=20)


# --------------------------------------------------------------- heads
@pytest.mark.parametrize(
    "dataset, encoding, expected",
    [
        (REGRESSION, "integer", Head(1, "linear", "mse")),
        (REGRESSION, "onehot", Head(1, "linear", "mse")),
        (BINARY, "integer", Head(1, "sigmoid", "binary_crossentropy")),
        (BINARY, "onehot", Head(2, "softmax", "categorical_crossentropy")),
        (MULTI3, "integer", Head(3, "softmax", "sparse_categorical_crossentropy")),
        (MULTI10, "onehot", Head(10, "softmax", "categorical_crossentropy")),
    ],
)
def test_auto_head_follows_the_task(dataset, encoding, expected):
    assert resolve_head(ExperimentConfig(label_encoding=encoding), dataset) == expected


def test_each_override_wins_on_its_own():
    assert resolve_head(ExperimentConfig(loss="mse"), MULTI10) == Head(10, "softmax", "mse")
    assert resolve_head(ExperimentConfig(output_units=3), MULTI10) == Head(
        3, "softmax", "sparse_categorical_crossentropy"
    )
    assert resolve_head(ExperimentConfig(output_activation="sigmoid"), MULTI3) == Head(
        3, "sigmoid", "sparse_categorical_crossentropy"
    )
    assert resolve_head(ExperimentConfig(output_activation="relu"), REGRESSION) == Head(
        1, "relu", "mse"
    )
    everything = ExperimentConfig(
        output_units=2, output_activation="softmax", loss="categorical_crossentropy"
    )
    assert resolve_head(everything, BINARY) == Head(2, "softmax", "categorical_crossentropy")


def test_label_width_and_encoding():
    onehot = ExperimentConfig(label_encoding="onehot")
    assert label_width(onehot, MULTI10) == 10
    assert label_width(onehot, BINARY) == 2
    assert label_width(onehot, REGRESSION) == 1
    assert label_width(ExperimentConfig(), MULTI10) == 1

    encoded = encode_labels(MULTI3.y_train, onehot, MULTI3)
    assert encoded.shape == (40, 3)
    np.testing.assert_array_equal(encoded.argmax(axis=1), MULTI3.y_train)
    assert encoded.sum(axis=1).tolist() == [1.0] * 40
    assert encode_labels(MULTI3.y_train, ExperimentConfig(), MULTI3) is MULTI3.y_train
    assert encode_labels(REGRESSION.y_train, onehot, REGRESSION) is REGRESSION.y_train


# ------------------------------------------------------------- summary
def test_dense_32_on_784_inputs_has_25120_params():
    config = ExperimentConfig(layers=[LayerConfig(32, "relu")])
    rows = summary_rows(config, IMAGES)
    assert rows == [
        SummaryRow("flatten", "Flatten", "(None, 784)", 0),
        SummaryRow("dense", "Dense", "(None, 32)", 25_120),
        SummaryRow("dense_1", "Dense", "(None, 10)", 330),
    ]
    assert total_params(rows) == 25_450


def test_no_hidden_layers_is_one_dense():
    rows = summary_rows(ExperimentConfig(layers=[]), BINARY)
    assert rows == [SummaryRow("dense", "Dense", "(None, 1)", 3)]


SUMMARY_CASES = [
    (ExperimentConfig(layers=[LayerConfig(32, "relu")]), IMAGES),
    (ExperimentConfig(), BINARY),
    (ExperimentConfig(layers=[]), MULTI3),
    (
        ExperimentConfig(
            layers=[LayerConfig(7, "tanh"), LayerConfig(5, "leaky_relu"), LayerConfig(3, "elu")],
            label_encoding="onehot",
        ),
        MULTI10,
    ),
    (ExperimentConfig(layers=[LayerConfig(9, "sigmoid")], output_units=4, loss="mse"), REGRESSION),
]


@pytest.mark.parametrize("config, dataset", SUMMARY_CASES)
def test_summary_rows_match_keras(config, dataset):
    model = build_model(config, dataset)
    layers = [layer for layer in model.layers if layer.__class__.__name__ != "InputLayer"]
    rows = summary_rows(config, dataset)
    assert [row.name for row in rows] == [layer.name for layer in layers]
    assert [row.layer_type for row in rows] == [layer.__class__.__name__ for layer in layers]
    assert [row.params for row in rows] == [layer.count_params() for layer in layers]
    assert [row.output_shape for row in rows] == [
        str(tuple(layer.output.shape)) for layer in layers
    ]
    assert total_params(rows) == model.count_params()


# ---------------------------------------------------------------- fits
FIT_CASES = [
    ("binary", ExperimentConfig(layers=[LayerConfig(4, "leaky_relu")]), BINARY, "accuracy"),
    ("multiclass integer", ExperimentConfig(optimizer="sgd"), MULTI3, "accuracy"),
    (
        "multiclass one-hot",
        ExperimentConfig(label_encoding="onehot", optimizer="rmsprop"),
        MULTI10,
        "accuracy",
    ),
    ("regression", ExperimentConfig(optimizer="adagrad"), REGRESSION, "mae"),
    ("binary one-hot", ExperimentConfig(label_encoding="onehot"), BINARY, "accuracy"),
]


@pytest.mark.parametrize(
    "name, config, dataset, metric", FIT_CASES, ids=[case[0] for case in FIT_CASES]
)
def test_two_epoch_fit_runs(name, config, dataset, metric):
    model = build_model(config, dataset)
    y = encode_labels(dataset.y_train, config, dataset)
    history = model.fit(
        dataset.x_train, y, epochs=2, batch_size=16, validation_split=0.2, verbose=0
    )
    assert set(history.history) == {"loss", metric, "val_loss", "val_" + metric}
    assert len(history.history["loss"]) == 2
    assert all(np.isfinite(history.history["loss"]))
    assert model.optimizer.__class__.__name__.lower() == config.optimizer
    assert model.optimizer.learning_rate.numpy() == pytest.approx(config.learning_rate)


@pytest.mark.parametrize(
    "config, dataset",
    [
        (ExperimentConfig(), BINARY),
        (ExperimentConfig(), MULTI3),
        (ExperimentConfig(label_encoding="onehot"), MULTI3),
        # mse on a classification: accuracy must still mean accuracy.
        (ExperimentConfig(label_encoding="onehot", loss="mse"), MULTI3),
    ],
)
def test_accuracy_metric_is_real_accuracy(config, dataset):
    model = build_model(config, dataset)
    y = encode_labels(dataset.y_test, config, dataset)
    accuracy = model.evaluate(dataset.x_test, y, verbose=0, return_dict=True)["accuracy"]
    probabilities = model.predict(dataset.x_test, verbose=0)
    if probabilities.shape[1] == 1:
        predicted = (probabilities[:, 0] > 0.5).astype(int)
    else:
        predicted = probabilities.argmax(axis=1)
    assert accuracy == pytest.approx(np.mean(predicted == dataset.y_test))


def test_sgd_uses_momentum_and_seed_repeats_weights():
    config = ExperimentConfig(optimizer="sgd", momentum=0.5, seed=3)
    first = build_model(config, BINARY)
    assert first.optimizer.momentum == pytest.approx(0.5)
    second = build_model(config, BINARY)
    for a, b in zip(first.get_weights(), second.get_weights()):
        np.testing.assert_array_equal(a, b)
    other = build_model(config, BINARY, seed=4)
    assert not np.array_equal(first.get_weights()[0], other.get_weights()[0])


def test_importing_the_core_does_not_import_tensorflow():
    code = (
        "import sys, playground.models, playground.checks; "
        "assert 'keras' not in sys.modules and 'tensorflow' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
