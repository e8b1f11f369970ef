"""Reads a shared link into an experiment: every value typed, bounded and explained.

A link is a teacher's shortcut, and also anyone's typo or prank: it must
never break a page nor start a job beyond the server's limits. `read_link`
keeps every good value, and for each other one writes a note saying what
the link asked and what is used instead:

- a number above its range is clamped to the top of it, the server's limit
  ("epochs=1000" on a server allowing 200 trains 200 epochs);
- anything else that cannot be used keeps the default: text where a number
  is needed, nan or inf, a number below the range (a negative seed, 0
  epochs), an unknown name (a dataset, an activation, a loss), a value
  longer than `config.MAX_QUERY_VALUE_CHARS`, more hidden layers than the
  server allows.

The ranges are `playground.limits`'s, the ones the Model and Data pages give
their widgets, so a link can hold nothing a student could not set there;
`playground.checks` then runs on the result as on any other config.
Unknown keys (such as `lang`) are ignored. A key given twice arrives once:
Streamlit's `st.query_params.to_dict()` keeps the last value.

Example:

```python
from playground.links import read_link
from playground.settings import Settings

config, notes = read_link({"data.name": "moons", "epochs": "1000", "seed": "-1"}, Settings())
config.epochs, config.seed  # (200, 0)
[note.code for note in notes]  # ['link.clamped', 'link.too_small']
```
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from playground import config as options
from playground import datasets, limits
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.settings import Settings

# Names a link may only pick from, by query parameter.
CHOICES = {
    "data.name": tuple(datasets.DATASETS),
    "data.scaling": options.SCALINGS,
    "data.task": options.TASK_CHOICES,
    "output_activation": options.OUTPUT_ACTIVATIONS,
    "loss": options.LOSSES,
    "label_encoding": options.LABEL_ENCODINGS,
    "optimizer": options.OPTIMIZERS,
}
_TYPES = {"int": int, "float": float, "float | None": float, "str": str, "bool": bool}
# Query parameter -> the type of its field; "layers" has its own syntax.
_FIELDS = {
    **{f"data.{f.name}": _TYPES[f.type] for f in dataclasses.fields(DataConfig)},
    **{
        f.name: _TYPES[f.type]
        for f in dataclasses.fields(ExperimentConfig)
        if f.name not in ("data", "layers")
    },
}
_UNSET = object()
# Every query parameter of an experiment, in the order of `ExperimentConfig.to_query_params`.
EXPERIMENT_KEYS = tuple(ExperimentConfig().to_query_params())
# What a link or a lesson may hide or lock: the config's own field names.
CONTROL_NAMES = EXPERIMENT_KEYS
HIDE_PARAM, LOCK_PARAM = "hide", "lock"


@dataclass(frozen=True)
class LinkNote:
    """What happened to one value of a link that could not be used as it was.

    Attributes:
        code: a message key in `playground/i18n/limits.py`, e.g. "link.clamped".
        params: the values the message quotes: the parameter's `name`, the
            `value` received (quoted and cut to 80 characters), and what is
            used instead.
    """

    code: str
    params: dict = field(default_factory=dict)


def is_experiment_link(params: Mapping[str, str]) -> bool:
    """Whether the query parameters hold any experiment setting."""
    return any(key in _FIELDS or key == "layers" for key in params)


def read_controls(params: Mapping[str, str]) -> tuple[dict[str, tuple[str, ...]], list[LinkNote]]:
    """The controls a link hides and locks (`hide=momentum,seed&lock=data.name`).

    Args:
        params: query parameters, one string each.

    Returns:
        ({"hide": names, "lock": names}, notes): each name a `CONTROL_NAMES`
        entry, in the order given, without repeats; a note for every other
        name, which is left out, and for a value longer than
        `MAX_QUERY_VALUE_CHARS` characters, which is ignored.
    """
    controls: dict[str, tuple[str, ...]] = {}
    notes: list[LinkNote] = []
    for key in (HIDE_PARAM, LOCK_PARAM):
        text = params.get(key, "")
        if len(text) > options.MAX_QUERY_VALUE_CHARS:
            notes.append(
                LinkNote(
                    "link.too_long",
                    {
                        "name": key,
                        "value": options.quote(text),
                        "max_chars": options.MAX_QUERY_VALUE_CHARS,
                        "default": "—",
                    },
                )
            )
            text = ""
        names = [name.strip() for name in text.split(",") if name.strip()]
        for name in names:
            if name not in CONTROL_NAMES:
                notes.append(
                    LinkNote("link.unknown_control", {"name": key, "value": options.quote(name)})
                )
        controls[key] = tuple(dict.fromkeys(name for name in names if name in CONTROL_NAMES))
    return controls, notes


def controls_params(hide: tuple[str, ...], lock: tuple[str, ...]) -> dict[str, str]:
    """The query parameters of what is hidden and locked; none when nothing is."""
    params = {HIDE_PARAM: ",".join(hide), LOCK_PARAM: ",".join(lock)}
    return {key: value for key, value in params.items() if value}


def read_link(
    params: Mapping[str, str], settings: Settings
) -> tuple[ExperimentConfig, list[LinkNote]]:
    """The experiment a link describes, within the server's limits.

    Args:
        params: query parameters, one string each (`st.query_params.to_dict()`).
        settings: the server's limits.

    Returns:
        The config and a note for every value that was clamped or refused
        (empty when the link was used exactly as written). Fields the link
        does not give keep their defaults; the learning rate follows the
        optimizer's Keras default, and `data.n_samples` the dataset's
        default size.
    """
    reader = _Reader(settings)
    name = reader.field("data.name", params)  # first: the ranges depend on the dataset
    name = DataConfig.name if name is _UNSET else name
    ranges = {
        **{f"data.{key}": rng for key, rng in limits.data_ranges(name, settings).items()},
        **limits.model_ranges(settings),
    }
    values = {
        key: reader.field(key, params, ranges.get(key)) for key in _FIELDS if key != "data.name"
    }
    values = {key: value for key, value in values.items() if value is not _UNSET}
    values["data.name"] = name
    values.setdefault("data.n_samples", datasets.DEFAULT_SAMPLES.get(name, DataConfig.n_samples))

    data = DataConfig(
        **{key[len("data.") :]: value for key, value in values.items() if key.startswith("data.")}
    )
    config = ExperimentConfig(
        data=data, **{key: value for key, value in values.items() if not key.startswith("data.")}
    )
    if "layers" in params:
        layers = reader.layers(params["layers"], ranges)
        if layers is not None:
            config.layers = layers
    return config, reader.notes_with_defaults(config)


class _Reader:
    """Reads one value at a time, collecting the notes."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.notes: list[LinkNote] = []

    def field(self, key: str, params: Mapping[str, str], allowed: limits.Range | None = None):
        """The typed, bounded value of config field `key`, or `_UNSET` (absent or refused)."""
        if key not in params:
            return _UNSET
        return self.value(key, params[key], _FIELDS[key], allowed, CHOICES.get(key))

    def value(
        self,
        key: str,
        text: str,
        kind: type,
        allowed: limits.Range | None = None,
        choices: tuple[str, ...] | None = None,
    ):
        """`text` as a `kind` within `allowed` or `choices`, or `_UNSET` when refused."""
        if len(text) > options.MAX_QUERY_VALUE_CHARS:
            return self._refuse("link.too_long", key, text, max_chars=options.MAX_QUERY_VALUE_CHARS)
        try:
            value = options.convert(text, kind, key)
        except ValueError:
            return self._refuse(_NOT_A[kind], key, text)
        if choices is not None and value not in choices:
            return self._refuse("link.unknown_choice", key, text, choices=", ".join(choices))
        if allowed is None:
            return value
        if isinstance(value, float) and not math.isfinite(value):
            return self._refuse("link.not_finite", key, text)
        if value < allowed.low:
            return self._refuse("link.too_small", key, text, low=allowed.low)
        if value > allowed.high:
            self.notes.append(
                LinkNote(
                    "link.clamped",
                    {"name": key, "value": options.quote(text), "used": allowed.high},
                )
            )
            return allowed.high
        return value

    def layers(self, text: str, ranges: dict[str, limits.Range]) -> list[LayerConfig] | None:
        """The hidden layers of `layers=16:relu:dropout=0.2,8:tanh`; None keeps the default layers.

        Each layer's units, activation and options (`config.LAYER_OPTIONS`)
        are read one by one: a bad one keeps its default, with a note.
        """
        max_chars = self.settings.max_layers * options.MAX_QUERY_LAYER_CHARS
        if len(text) > max_chars:
            self._refuse("link.too_long", "layers", text, max_chars=max_chars)
            return None
        parts = [part.strip() for part in text.split(",") if part.strip()]
        if len(parts) > self.settings.max_layers:
            self._refuse(
                "link.too_many_layers",
                "layers",
                text,
                count=len(parts),
                max_layers=self.settings.max_layers,
            )
            return None
        return [self._layer(index, part, ranges) for index, part in enumerate(parts, start=1)]

    def _layer(self, index: int, text: str, ranges: dict[str, limits.Range]) -> LayerConfig:
        layer = LayerConfig()
        units, _, rest = text.partition(":")
        activation, *layer_options = rest.split(":")
        values = {
            "units": self.value(f"layers[{index}].units", units.strip(), int, ranges["units"]),
            "activation": self.value(
                f"layers[{index}].activation",
                activation.strip() or "relu",
                str,
                choices=options.ACTIVATIONS,
            ),
        }
        for option in layer_options:
            name, _, value = option.partition("=")
            name = name.strip()
            if name not in options.LAYER_OPTIONS:
                self._refuse(
                    "link.unknown_layer_option",
                    f"layers[{index}]",
                    option,
                    choices=", ".join(options.LAYER_OPTIONS),
                )
                continue
            values[name] = self.value(f"layers[{index}].{name}", value.strip(), float, ranges[name])
        for name, value in values.items():
            if value is not _UNSET:
                setattr(layer, name, value)
        return layer

    def _refuse(self, code: str, key: str, text: str, **params):
        self.notes.append(LinkNote(code, {"name": key, "value": options.quote(text), **params}))
        return _UNSET

    def notes_with_defaults(self, config: ExperimentConfig) -> list[LinkNote]:
        """The notes, each refusal saying which value is used instead."""
        return [
            note
            if note.code == "link.clamped"
            else LinkNote(
                note.code, {**note.params, "default": _used_instead(note.params["name"], config)}
            )
            for note in self.notes
        ]


def _used_instead(key: str, config: ExperimentConfig) -> str:
    """The value a refused parameter keeps, as a link would write it."""
    if key.startswith("layers["):
        _, dot, name = key.partition("].")
        return str(getattr(LayerConfig(), name)) if dot else "—"
    return config.to_query_params()[key] or "—"


# Text always converts to text; these are the kinds a link's text can fail to be.
_NOT_A = {int: "link.not_a_whole_number", float: "link.not_a_number", bool: "link.not_a_boolean"}
