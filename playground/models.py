"""Builds the Keras model an `ExperimentConfig` describes, and its summary.

The output head (units, activation, loss) is chosen from the task unless
the student overrides it; `summary_rows` counts parameters exactly as
Keras does, in pure Python, so the Model page never waits for TensorFlow.
Keras itself is imported only inside `build_model`, `make_optimizer` and
`encode_labels`. `keras_layer_lines` writes a hidden layer as Keras code,
for the exported script.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from playground.config import ExperimentConfig, LayerConfig
from playground.datasets import Dataset

CLASSIFICATION_TASKS = ("binary", "multiclass")


@dataclass(frozen=True)
class Head:
    """The output layer and the loss that trains it.

    Attributes:
        units: number of output units.
        activation: output activation, e.g. "softmax".
        loss: Keras loss name, e.g. "sparse_categorical_crossentropy".
    """

    units: int
    activation: str
    loss: str


@dataclass(frozen=True)
class SummaryRow:
    """One line of `model.summary()`.

    Attributes:
        name: layer name as Keras would print it ("dense_1", "dropout").
        layer_type: "Flatten", "Dense" or "Dropout".
        output_shape: e.g. "(None, 784)".
        params: trainable parameters of the layer.
    """

    name: str
    layer_type: str
    output_shape: str
    params: int


def uses_onehot(config: ExperimentConfig, dataset: Dataset) -> bool:
    """Whether labels are one-hot encoded (only classification can be)."""
    return dataset.task in CLASSIFICATION_TASKS and config.label_encoding == "onehot"


def auto_head(config: ExperimentConfig, dataset: Dataset) -> Head:
    """The output head that fits the task and the label encoding.

    Returns:
        regression: 1 linear unit, "mse"; binary: 1 sigmoid unit,
        "binary_crossentropy" (2 softmax units and "categorical_crossentropy"
        with one-hot labels); multiclass: K softmax units with
        "sparse_categorical_crossentropy" on integer labels or
        "categorical_crossentropy" on one-hot labels.
    """
    if dataset.task == "regression":
        return Head(1, "linear", "mse")
    onehot = uses_onehot(config, dataset)
    if dataset.task == "binary" and not onehot:
        return Head(1, "sigmoid", "binary_crossentropy")
    loss = "categorical_crossentropy" if onehot else "sparse_categorical_crossentropy"
    return Head(dataset.n_classes, "softmax", loss)


def resolve_head(config: ExperimentConfig, dataset: Dataset) -> Head:
    """The output head to build: the automatic one, with overrides applied.

    Each of `config.output_units` (when > 0), `config.output_activation` and
    `config.loss` (when not "auto") replaces its automatic value on its own.

    Args:
        config: the experiment.
        dataset: the data it trains on (its task and number of classes).

    Returns:
        A `Head`.
    """
    auto = auto_head(config, dataset)
    return Head(
        units=config.output_units if config.output_units > 0 else auto.units,
        activation=auto.activation
        if config.output_activation == "auto"
        else config.output_activation,
        loss=auto.loss if config.loss == "auto" else config.loss,
    )


def label_width(config: ExperimentConfig, dataset: Dataset) -> int:
    """Columns of the encoded labels: K for one-hot classification, else 1."""
    return dataset.n_classes if uses_onehot(config, dataset) else 1


def encode_labels(y: np.ndarray, config: ExperimentConfig, dataset: Dataset) -> np.ndarray:
    """Labels as the model is trained on them.

    Args:
        y: integer class indices, or regression targets.
        config: `config.label_encoding` decides.
        dataset: gives the task and the number of classes.

    Returns:
        `keras.utils.to_categorical(y, K)` for one-hot classification,
        otherwise `y` unchanged.
    """
    if not uses_onehot(config, dataset):
        return y
    import keras

    return keras.utils.to_categorical(y, num_classes=dataset.n_classes)


# ------------------------------------------------------------------ summary
def _shape_text(*dims: int) -> str:
    return "(None, " + ", ".join(str(d) for d in dims) + ")"


def _dense_names(count: int) -> list[str]:
    return _keras_names("dense", count)


def _keras_names(base: str, count: int) -> list[str]:
    """Keras's automatic names for `count` layers of one kind: "dense", "dense_1", ..."""
    return [base if i == 0 else f"{base}_{i}" for i in range(count)]


def _dropout_names(config: ExperimentConfig) -> list[str | None]:
    """Each hidden layer's Dropout name ("dropout", "dropout_1", ...), or None without one."""
    names = iter(_keras_names("dropout", sum(layer.dropout > 0 for layer in config.layers)))
    return [next(names) if layer.dropout > 0 else None for layer in config.layers]


def summary_rows(config: ExperimentConfig, dataset: Dataset) -> list[SummaryRow]:
    """The rows of `model.summary()`, without building the model.

    A Dense layer with `n` inputs and `u` units has `n * u + u` parameters
    (weights plus biases); Flatten and Dropout have none (a weight penalty
    adds none either). Names follow Keras: "flatten", "dense", "dense_1",
    ..., "dropout", "dropout_1", ...

    Args:
        config: hidden layers and output head.
        dataset: gives the input shape and the task.

    Returns:
        A list of `SummaryRow`: Flatten (for inputs with more than one
        dimension), each hidden Dense followed by its Dropout if it has
        one, then the output Dense.
    """
    rows: list[SummaryRow] = []
    inputs = dataset.n_features
    if len(dataset.input_shape) > 1:
        rows.append(SummaryRow("flatten", "Flatten", _shape_text(inputs), 0))
    dense_names = _dense_names(len(config.layers) + 1)
    for name, dropout, layer in zip(dense_names, _dropout_names(config), config.layers):
        rows.append(
            SummaryRow(name, "Dense", _shape_text(layer.units), inputs * layer.units + layer.units)
        )
        if dropout:
            rows.append(SummaryRow(dropout, "Dropout", _shape_text(layer.units), 0))
        inputs = layer.units
    width = resolve_head(config, dataset).units
    rows.append(SummaryRow(dense_names[-1], "Dense", _shape_text(width), inputs * width + width))
    return rows


def keras_layer_lines(layer: LayerConfig, name: str | None = None) -> list[str]:
    """The Keras code of one hidden layer, as an exported script writes it.

    Args:
        layer: the hidden layer.
        name: the Dense layer's name, written as `name="..."` when given.

    Returns:
        One line for the Dense layer (with its `kernel_regularizer` when it
        has a penalty), and one for its Dropout when it has one, e.g.
        `['keras.layers.Dense(16, activation="relu", '
        'kernel_regularizer=keras.regularizers.L1L2(l1=0.0, l2=0.01)),',
        'keras.layers.Dropout(0.2),']`.
    """
    arguments = [str(layer.units), f'activation="{layer.activation}"']
    if layer.penalized:
        l1, l2 = float(layer.l1), float(layer.l2)
        arguments.append(f"kernel_regularizer=keras.regularizers.L1L2(l1={l1!r}, l2={l2!r})")
    if name:
        arguments.append(f'name="{name}"')
    lines = [f"keras.layers.Dense({', '.join(arguments)}),"]
    if layer.dropout > 0:
        lines.append(f"keras.layers.Dropout({float(layer.dropout)!r}),")
    return lines


def total_params(rows: list[SummaryRow]) -> int:
    """Sum of the parameters of all rows, as `model.count_params()`."""
    return sum(row.params for row in rows)


# ------------------------------------------------------------------- Keras
def make_optimizer(config: ExperimentConfig):
    """The Keras optimizer named by `config.optimizer`.

    Args:
        config: `optimizer` ("adam", "sgd", "rmsprop" or "adagrad"),
            `learning_rate`, and `momentum` (used by SGD).

    Returns:
        A `keras.optimizers.Optimizer`.

    Raises:
        ValueError: for an unknown optimizer name.
    """
    import keras

    rate = config.learning_rate
    if config.optimizer == "adam":
        return keras.optimizers.Adam(learning_rate=rate)
    if config.optimizer == "sgd":
        return keras.optimizers.SGD(learning_rate=rate, momentum=config.momentum)
    if config.optimizer == "rmsprop":
        return keras.optimizers.RMSprop(learning_rate=rate)
    if config.optimizer == "adagrad":
        return keras.optimizers.Adagrad(learning_rate=rate)
    raise ValueError(
        "Argument `optimizer` must be one of adam, sgd, rmsprop, adagrad. "
        f"Received: optimizer={config.optimizer!r}"
    )


def _make_metric(config: ExperimentConfig, dataset: Dataset, head: Head):
    import keras

    if dataset.task == "regression":
        return keras.metrics.MeanAbsoluteError(name="mae")
    if head.units == 1:
        return keras.metrics.BinaryAccuracy(name="accuracy")
    if uses_onehot(config, dataset):
        return keras.metrics.CategoricalAccuracy(name="accuracy")
    return keras.metrics.SparseCategoricalAccuracy(name="accuracy")


def build_model(
    config: ExperimentConfig, dataset: Dataset, seed: int | None = None, speed: dict | None = None
):
    """Builds and compiles the model; layer names match `summary_rows`.

    Run `playground.checks.run_checks` first: a config with errors may not
    compile, or may fail on its first batch.

    Args:
        config: the experiment.
        dataset: gives the input shape, the task and the classes.
        seed: seeds weight initialisation; defaults to `config.seed`.
        speed: extra `compile` arguments that change speed, not math
            (see `playground.fast_fit.speed_options`).

    Returns:
        A compiled `keras.Model` whose accuracy metric is named "accuracy"
        (classification) or whose error metric is named "mae" (regression).
    """
    import keras

    keras.utils.set_random_seed(config.seed if seed is None else seed)
    head = resolve_head(config, dataset)
    names = _dense_names(len(config.layers) + 1)
    inputs = keras.Input(shape=dataset.input_shape, name="input_layer")
    x = inputs
    if len(dataset.input_shape) > 1:
        x = keras.layers.Flatten(name="flatten")(x)
    for name, dropout, layer in zip(names, _dropout_names(config), config.layers):
        x = keras.layers.Dense(
            layer.units,
            activation=layer.activation,
            kernel_regularizer=_regularizer(layer),
            name=name,
        )(x)
        if dropout:
            x = keras.layers.Dropout(layer.dropout, name=dropout)(x)
    outputs = keras.layers.Dense(head.units, activation=head.activation, name=names[-1])(x)
    model = keras.Model(inputs, outputs, name="playground_model")
    model.compile(
        optimizer=make_optimizer(config),
        loss=head.loss,
        metrics=[_make_metric(config, dataset, head)],
        **(speed or {}),
    )
    return model


def _regularizer(layer: LayerConfig):
    """`keras.regularizers.L1L2(l1, l2)` for a layer with a weight penalty, else None."""
    import keras

    return keras.regularizers.L1L2(l1=layer.l1, l2=layer.l2) if layer.penalized else None


def fit_rows(config: ExperimentConfig, dataset: Dataset) -> int:
    """Training rows left after Keras's `validation_split` takes its share.

    A split outside [0, 1) counts as no split (the checks report it).
    """
    split = config.validation_split
    if not 0 <= split < 1:
        split = 0.0
    return int(math.ceil(len(dataset.x_train) * (1.0 - split)))
