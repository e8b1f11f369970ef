"""The whole experiment as one serializable value.

`ExperimentConfig` is the single source of truth for what a student chose:
the data, the hidden layers, the output head, compile and fit settings.
Pages read and write it; a backend hands it to a trainer; it round-trips
through a dict (JSON-ready, saved with every run) and URL query parameters,
like TensorFlow Playground's `state.ts`.

Values are *not* validated here (a student may build a wrong model on
purpose); `playground.checks` explains what is wrong with them.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from dataclasses import dataclass, field
from typing import Any

TASKS = ("regression", "binary", "multiclass")
TASK_CHOICES = ("auto", *TASKS)  # for DataConfig.task: "auto" infers it from the data
SCALINGS = ("standard", "minmax", "none")
ACTIVATIONS = ("relu", "sigmoid", "tanh", "elu", "leaky_relu", "linear")
OUTPUT_ACTIVATIONS = ("auto", "softmax", "sigmoid", "linear", "relu")
LOSSES = (
    "auto",
    "sparse_categorical_crossentropy",
    "categorical_crossentropy",
    "binary_crossentropy",
    "mse",
    "mae",
)
LABEL_ENCODINGS = ("integer", "onehot")
OPTIMIZERS = ("adam", "sgd", "rmsprop", "adagrad")
# Each optimizer's own default learning rate in Keras (keras.optimizers.Adam()
# and so on; tests/test_keras_defaults.py reads them from Keras to keep these true).
DEFAULT_LEARNING_RATES = {"adam": 0.001, "sgd": 0.01, "rmsprop": 0.001, "adagrad": 0.001}

# A link can carry anything: every value is refused above this many
# characters before it is parsed, and `layers` above this many layers.
MAX_QUERY_VALUE_CHARS = 200
MAX_QUERY_LAYERS = 100
MAX_QUERY_LAYER_CHARS = 64  # "4096:leaky_relu:dropout=0.25:l1=0.001:l2=0.001," is 48
# A layer's options in a link, after its units and activation: `16:relu:dropout=0.2:l2=0.01`.
LAYER_OPTIONS = ("dropout", "l1", "l2")


def default_learning_rate(optimizer: str) -> float:
    """The Keras default learning rate of `optimizer` (Adam's for an unknown name)."""
    return DEFAULT_LEARNING_RATES.get(optimizer, DEFAULT_LEARNING_RATES["adam"])


@dataclass
class DataConfig:
    """Which data, how much of it, and how it is split and scaled.

    Args:
        name: a dataset id from `playground.datasets.DATASETS`.
        n_samples: points generated for the 2-D toy sets; for MNIST and
            IMDB, how many training examples to keep (0 keeps them all).
        noise: noise level of the 2-D toy sets.
        test_fraction: share of rows held out as the test set (datasets
            with an official test split, MNIST and IMDB, keep theirs).
        scaling: "standard", "minmax" (to 0..1) or "none".
        seed: seed for generation and splitting.
        csv_file: id of an uploaded CSV in the uploads folder.
        target: the CSV column to predict.
        task: "auto" (inferred) or one of `TASKS` to override it.
    """

    name: str = "moons"
    n_samples: int = 1000
    noise: float = 0.2
    test_fraction: float = 0.2
    scaling: str = "standard"
    seed: int = 0
    csv_file: str = ""
    target: str = ""
    task: str = "auto"


@dataclass
class LayerConfig:
    """One hidden Dense layer, and how it is regularized.

    Args:
        units: the Dense layer's units.
        activation: its activation's Keras name.
        dropout: the rate of a `keras.layers.Dropout` placed after it
            (0 places none); 0 <= dropout < 1.
        l1, l2: the factors of its `kernel_regularizer`,
            `keras.regularizers.L1L2(l1, l2)` (both 0: none).
    """

    units: int = 16
    activation: str = "relu"
    dropout: float = 0.0
    l1: float = 0.0
    l2: float = 0.0

    @property
    def penalized(self) -> bool:
        """Whether the layer has a weight penalty (L1, L2 or both)."""
        return self.l1 != 0 or self.l2 != 0

    def link_text(self) -> str:
        """The layer as a link writes it: `16:relu`, then any option that is not 0,
        e.g. `16:relu:dropout=0.2:l2=0.01`."""
        options = [
            f"{name}={getattr(self, name):g}" for name in LAYER_OPTIONS if getattr(self, name)
        ]
        return ":".join([str(self.units), self.activation, *options])

    def short_text(self) -> str:
        """The layer in a few words, e.g. `16 relu` or `16 relu dropout 0.2 l2 0.01`."""
        options = [
            f"{name} {getattr(self, name):g}" for name in LAYER_OPTIONS if getattr(self, name)
        ]
        return " ".join([str(self.units), self.activation, *options])


def layers_line(layers: list[LayerConfig]) -> str:
    """The hidden layers in one line ("16 relu → 8 tanh dropout 0.2"), "—" for none."""
    return " → ".join(layer.short_text() for layer in layers) or "—"


def _default_layers() -> list[LayerConfig]:
    return [LayerConfig(16, "relu"), LayerConfig(16, "relu")]


@dataclass
class ExperimentConfig:
    """Everything needed to build, compile and fit one model.

    `output_activation`, `output_units` and `loss` are "auto" (or 0 units)
    by default: `playground.models.resolve_head` picks them from the task.
    A student may override them to see the classic mistakes explained.

    Every default that Keras has is Keras's own: the optimizer's learning
    rate (`learning_rate=None` becomes it), momentum 0, batch size 32,
    EarlyStopping's patience 0 without restoring the best weights. Three
    depart on purpose, and the pages say so next to their controls: epochs
    (Keras: 1), validation_split (Keras: 0.0) and the input scaling
    (`DataConfig.scaling`; Keras does none).
    """

    data: DataConfig = field(default_factory=DataConfig)
    layers: list[LayerConfig] = field(default_factory=_default_layers)
    output_activation: str = "auto"
    output_units: int = 0
    loss: str = "auto"
    label_encoding: str = "integer"
    optimizer: str = "adam"
    learning_rate: float | None = None
    momentum: float = 0.0
    epochs: int = 60
    batch_size: int = 32
    validation_split: float = 0.2
    early_stopping: bool = False
    patience: int = 0
    restore_best_weights: bool = False
    seed: int = 0

    def __post_init__(self):
        if self.learning_rate is None:
            self.learning_rate = default_learning_rate(self.optimizer)

    def switch_optimizer(self, optimizer: str) -> None:
        """Changes the optimizer; a learning rate still at the old optimizer's
        Keras default follows to the new one's, as it would in a notebook
        that writes `keras.optimizers.SGD()` instead of `Adam()`."""
        if self.learning_rate == default_learning_rate(self.optimizer):
            self.learning_rate = default_learning_rate(optimizer)
        self.optimizer = optimizer

    # ----------------------------------------------------------------- dict
    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> ExperimentConfig:
        """Builds a config from a dict, ignoring unknown keys.

        Raises:
            ValueError: when a value cannot be converted to its field's type,
                quoting the bad value.
        """
        values = dict(values or {})
        data = _fill(DataConfig, values.pop("data", {}) or {}, prefix="data.")
        layers = values.pop("layers", None)
        config = _fill(cls, values, prefix="")
        config.data = data
        if layers is not None and not isinstance(layers, (list, tuple)):
            raise ValueError(f"Argument `layers` must be a list. Received: layers={quote(layers)}")
        if layers is not None:  # absent keeps the default layers; [] means none
            config.layers = [_fill(LayerConfig, layer, prefix="layers.") for layer in layers]
        return config

    # ------------------------------------------------------- query params
    def to_query_params(self) -> dict[str, str]:
        """Flat string dict for the page URL, e.g. `layers=16:relu,8:tanh`."""
        params: dict[str, str] = {}
        for f in dataclasses.fields(DataConfig):
            params[f"data.{f.name}"] = _to_text(getattr(self.data, f.name))
        params["layers"] = ",".join(layer.link_text() for layer in self.layers)
        for f in dataclasses.fields(self):
            if f.name not in ("data", "layers"):
                params[f.name] = _to_text(getattr(self, f.name))
        return params

    @classmethod
    def from_query_params(cls, params: dict[str, str]) -> ExperimentConfig:
        """Builds a config from URL query parameters; unknown keys are ignored.

        Only the types are checked here, strictly: the first bad value
        raises. `playground.links.read_link` reads a link leniently instead,
        keeping every good value and bounding each one to the server's limits.

        Raises:
            ValueError: naming the parameter, for a value longer than
                `MAX_QUERY_VALUE_CHARS`, more than `MAX_QUERY_LAYERS` layers,
                or a value that is not of its field's type.
        """
        values: dict[str, Any] = {"data": {}}
        for key, text in params.items():
            check_query_value(key, text)
            if key.startswith("data."):
                values["data"][key[len("data.") :]] = text
            elif key == "layers":
                values["layers"] = parse_layers(text)
            else:
                values[key] = text
        return cls.from_dict(values)


# --------------------------------------------------------------- helpers
def _to_text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def quote(value: Any, limit: int = 80) -> str:
    """`repr(value)`, cut to `limit` characters with "…", for a message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_query_value(name: str, text: Any) -> None:
    """Refuses a query value too long to parse.

    Raises:
        ValueError: above `MAX_QUERY_VALUE_CHARS` characters.
    """
    limit = MAX_QUERY_LAYERS * MAX_QUERY_LAYER_CHARS if name == "layers" else MAX_QUERY_VALUE_CHARS
    if isinstance(text, str) and len(text) > limit:
        raise ValueError(
            f"Argument `{name}` must be at most {limit} characters "
            f"long. Received: {name}={quote(text)} ({len(text)} characters)"
        )


def parse_layers(text: str, max_layers: int = MAX_QUERY_LAYERS) -> list[dict[str, Any]]:
    """`"16:relu:dropout=0.2,8:tanh"` ->
    `[{"units": "16", "activation": "relu", "dropout": "0.2"}, {"units": "8", ...}]`.

    Each layer is `units:activation`, then any of `LAYER_OPTIONS` as
    `name=value`, in any order; `16:relu` alone is the form older links use.
    The values stay text: `ExperimentConfig.from_dict` converts them.

    Raises:
        ValueError: for more than `max_layers` layers, or an option that is
            not `name=value` with a name from `LAYER_OPTIONS`, quoting it.
    """
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if len(parts) > max_layers:
        raise ValueError(
            f"Argument `layers` must hold at most {max_layers} layers. "
            f"Received: {len(parts)} layers"
        )
    return [_parse_layer(part) for part in parts]


def _parse_layer(text: str) -> dict[str, Any]:
    units, _, rest = text.partition(":")
    activation, *options = rest.split(":")
    layer = {"units": units.strip(), "activation": activation.strip() or "relu"}
    for option in options:
        name, equals, value = option.partition("=")
        name = name.strip()
        if not equals or name not in LAYER_OPTIONS:
            raise ValueError(
                f"A layer's options must be written name=value, with a name from "
                f"{', '.join(LAYER_OPTIONS)}. Received: {quote(option)} in {quote(text)}"
            )
        layer[name] = value.strip()
    return layer


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


def convert(value: Any, kind: type, name: str) -> Any:
    """Converts a field's value (text from a URL, or JSON) to its type.

    Whole numbers may be written as floats ("30.0", "1e2"); a float is
    never silently cut to an int, and nan or inf never become one. Floats
    may be nan or inf: the checks explain those.

    Args:
        value: the value as received.
        kind: `int`, `float`, `str` or `bool`.
        name: the field's name, quoted by the error.

    Returns:
        The value as a `kind`.

    Raises:
        ValueError: naming the field and quoting the value, when it is not
            a `kind`.
    """
    if kind is bool:
        if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
            return value.strip().lower() in _TRUE
        if isinstance(value, (bool, int)) and value in (0, 1):
            return bool(value)
        raise ValueError(
            f"Argument `{name}` must be a boolean (1 or 0). Received: {name}={quote(value)}"
        )
    if kind is str:
        if isinstance(value, str):
            return value
        raise ValueError(f"Argument `{name}` must be text. Received: {name}={quote(value)}")
    number = _to_number(value, name)
    if kind is float:
        try:
            return float(number)
        except OverflowError:  # a whole number beyond float range
            raise ValueError(
                f"Argument `{name}` is too large. Received: {name}={quote(value)}"
            ) from None
    if isinstance(number, numbers.Integral):
        return int(number)
    if not (math.isfinite(number) and float(number).is_integer()):
        raise ValueError(
            f"Argument `{name}` must be a whole number. Received: {name}={quote(value)}"
        )
    return int(number)


def _to_number(value: Any, name: str) -> numbers.Real:
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, str)):
        raise ValueError(f"Argument `{name}` must be a number. Received: {name}={quote(value)}")
    if not isinstance(value, str):
        return value
    text = value.strip()
    try:
        return int(text)  # exact for whole numbers of any size
    except ValueError:
        pass
    try:
        return float(text)  # "1e400" is inf: callers decide whether inf is allowed
    except ValueError:
        raise ValueError(
            f"Argument `{name}` must be a number. Received: {name}={quote(value)}"
        ) from None


_TYPES = {"int": int, "float": float, "float | None": float, "str": str, "bool": bool}


def _fill(cls, values: dict[str, Any], prefix: str):
    if not isinstance(values, dict):
        raise ValueError(
            f"Argument `{prefix or cls.__name__}` must be a mapping. Received: {quote(values)}"
        )
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in values or f.type not in _TYPES:
            continue
        if values[f.name] is None and f.type.endswith("| None"):
            kwargs[f.name] = None
        else:
            kwargs[f.name] = convert(values[f.name], _TYPES[f.type], prefix + f.name)
    return cls(**kwargs)
