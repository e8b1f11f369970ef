"""The whole experiment as one serializable value.

`ExperimentConfig` is the single source of truth for what a student chose:
the data, the hidden layers, the output head, compile and fit settings.
Pages read and write it; the trainer receives it as a dict; it round-trips
through JSON and URL query parameters, like TensorFlow Playground's `state.ts`.

Values are *not* validated here (a student may build a wrong model on
purpose); `playground.checks` explains what is wrong with them.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

TASKS = ("regression", "binary", "multiclass")
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
    n_samples: int = 500
    noise: float = 0.2
    test_fraction: float = 0.2
    scaling: str = "standard"
    seed: int = 0
    csv_file: str = ""
    target: str = ""
    task: str = "auto"


@dataclass
class LayerConfig:
    """One hidden Dense layer."""

    units: int = 16
    activation: str = "relu"


def _default_layers() -> list[LayerConfig]:
    return [LayerConfig(16, "relu"), LayerConfig(16, "relu")]


@dataclass
class ExperimentConfig:
    """Everything needed to build, compile and fit one model.

    `output_activation`, `output_units` and `loss` are "auto" (or 0 units)
    by default: `playground.models.resolve_head` picks them from the task.
    A student may override them to see the classic mistakes explained.
    """

    data: DataConfig = field(default_factory=DataConfig)
    layers: list[LayerConfig] = field(default_factory=_default_layers)
    output_activation: str = "auto"
    output_units: int = 0
    loss: str = "auto"
    label_encoding: str = "integer"
    optimizer: str = "adam"
    learning_rate: float = 0.01
    momentum: float = 0.9
    epochs: int = 30
    batch_size: int = 32
    validation_split: float = 0.2
    early_stopping: bool = False
    patience: int = 5
    restore_best_weights: bool = True
    seed: int = 0

    # ----------------------------------------------------------------- dict
    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> "ExperimentConfig":
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
        if layers is not None:  # absent keeps the default layers; [] means none
            config.layers = [_fill(LayerConfig, layer, prefix="layers.") for layer in layers]
        return config

    # ----------------------------------------------------------------- JSON
    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "ExperimentConfig":
        try:
            values = json.loads(text)
        except json.JSONDecodeError as err:
            raise ValueError(f"The configuration is not valid JSON: {err}") from None
        if not isinstance(values, dict):
            raise ValueError(
                f"The configuration must be a JSON object. Received: {type(values).__name__}"
            )
        return cls.from_dict(values)

    # ------------------------------------------------------- query params
    def to_query_params(self) -> dict[str, str]:
        """Flat string dict for the page URL, e.g. `layers=16:relu,8:tanh`."""
        params: dict[str, str] = {}
        for f in dataclasses.fields(DataConfig):
            params[f"data.{f.name}"] = _to_text(getattr(self.data, f.name))
        params["layers"] = ",".join(f"{l.units}:{l.activation}" for l in self.layers)
        for f in dataclasses.fields(self):
            if f.name not in ("data", "layers"):
                params[f.name] = _to_text(getattr(self, f.name))
        return params

    @classmethod
    def from_query_params(cls, params: dict[str, str]) -> "ExperimentConfig":
        values: dict[str, Any] = {"data": {}}
        for key, text in params.items():
            if key.startswith("data."):
                values["data"][key[len("data.") :]] = text
            elif key == "layers":
                values["layers"] = _parse_layers(text)
            else:
                values[key] = text
        return cls.from_dict(values)


# --------------------------------------------------------------- helpers
def _to_text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _parse_layers(text: str) -> list[dict[str, Any]]:
    layers = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        units, _, activation = part.partition(":")
        layers.append({"units": units, "activation": activation or "relu"})
    return layers


def _convert(value: Any, kind: type, name: str) -> Any:
    if kind is bool:
        if isinstance(value, str):
            if value.strip().lower() in ("1", "true", "yes", "on"):
                return True
            if value.strip().lower() in ("0", "false", "no", "off", ""):
                return False
            raise ValueError(f"Argument `{name}` must be a boolean. Received: {name}={value!r}")
        return bool(value)
    try:
        if kind is int and isinstance(value, float) and not value.is_integer():
            raise ValueError
        return kind(float(value)) if kind is int and isinstance(value, str) else kind(value)
    except (TypeError, ValueError):
        raise ValueError(
            f"Argument `{name}` must be of type {kind.__name__}. Received: {name}={value!r}"
        ) from None


_TYPES = {"int": int, "float": float, "str": str, "bool": bool}


def _fill(cls, values: dict[str, Any], prefix: str):
    if not isinstance(values, dict):
        raise ValueError(f"Argument `{prefix or cls.__name__}` must be a mapping. Received: {values!r}")
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in values and f.type in _TYPES:
            kwargs[f.name] = _convert(values[f.name], _TYPES[f.type], prefix + f.name)
    return cls(**kwargs)
