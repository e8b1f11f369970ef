"""Short automatic names for a browser's runs, built from what sets them apart.

Among a browser's runs, only the settings that differ say which run is
which: two runs that differ in their activation, optimizer and learning
rate are "relu · adam · lr 0.001" and "tanh · sgd · lr 0.01". A run that
differs in nothing (the first one, or a repeat) is called by its dataset
and number, "moons #1". A student may rename a run; `bounded_name` makes
any text a safe name.

Example:

```python
from playground.config import ExperimentConfig

first, second = ExperimentConfig(), ExperimentConfig(optimizer="sgd")
automatic_names([first, second])  # ['adam · lr 0.001', 'sgd · lr 0.01']
automatic_names([first])  # ['moons #1']
```
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from playground.config import ExperimentConfig

MAX_NAME_CHARS = 60
MAX_PARTS = 4
SEPARATOR = " · "


def _number(value: float) -> str:
    return f"{value:g}"


def _units(config: ExperimentConfig) -> str:
    if not config.layers:
        return "no hidden layer"
    return "layers " + "-".join(str(layer.units) for layer in config.layers)


def _activations(config: ExperimentConfig) -> str:
    names = [layer.activation for layer in config.layers]
    return "-".join(dict.fromkeys(names)) if names else ""


def _early_stopping(config: ExperimentConfig) -> str:
    if not config.early_stopping:
        return "no early stop"
    restore = ", best" if config.restore_best_weights else ""
    return f"early stop p{config.patience}{restore}"


# What a name may say about a run, in the order it says it: (setting, its text).
DESCRIBERS: tuple[tuple[str, Callable[[ExperimentConfig], str]], ...] = (
    ("dataset", lambda c: c.data.name),
    ("activation", _activations),
    ("layers", _units),
    ("optimizer", lambda c: c.optimizer),
    ("learning_rate", lambda c: f"lr {_number(c.learning_rate)}"),
    # Only SGD uses a momentum; the other optimizers' runs say nothing about it.
    ("momentum", lambda c: f"momentum {_number(c.momentum)}" if c.optimizer == "sgd" else ""),
    ("batch_size", lambda c: f"batch {c.batch_size}"),
    ("epochs", lambda c: f"{c.epochs} epochs"),
    ("early_stopping", _early_stopping),
    ("validation_split", lambda c: f"val {_number(c.validation_split)}"),
    ("scaling", lambda c: f"{c.data.scaling} scaling"),
    ("label_encoding", lambda c: c.label_encoding),
    ("loss", lambda c: f"loss {c.loss}"),
    ("output_activation", lambda c: f"output {c.output_activation}"),
    ("output_units", lambda c: f"{c.output_units or 'auto'} outputs"),
    ("n_samples", lambda c: f"n {c.data.n_samples}"),
    ("noise", lambda c: f"noise {_number(c.data.noise)}"),
    ("test_fraction", lambda c: f"test {_number(c.data.test_fraction)}"),
    ("data_seed", lambda c: f"data seed {c.data.seed}"),
    ("target", lambda c: f"target {c.data.target}"),
    ("csv_file", lambda c: f"file {c.data.csv_file[:6]}"),
    ("seed", lambda c: f"seed {c.seed}"),
)


def automatic_names(configs: Sequence[ExperimentConfig]) -> list[str]:
    """One name per run, from the settings in which the runs differ.

    Args:
        configs: a browser's runs, oldest first (their position is their number).

    Returns:
        One name per config, at most `MAX_NAME_CHARS` long; names are unique
        (a repeated name gets its run's number, "adam · lr 0.001 #3").
    """
    texts = [[describe(config) for _, describe in DESCRIBERS] for config in configs]
    # A setting that only some runs have (SGD's momentum) differs when their values do.
    differing = [i for i in range(len(DESCRIBERS)) if len({row[i] for row in texts if row[i]}) > 1]
    names = []
    for number, (config, row) in enumerate(zip(configs, texts), start=1):
        parts = [row[i] for i in differing if row[i]][:MAX_PARTS]
        names.append(bounded_name(SEPARATOR.join(parts)) or f"{config.data.name} #{number}")
    counts = {name: names.count(name) for name in names}
    return [
        name if counts[name] == 1 or name.endswith(f"#{number}") else f"{name} #{number}"
        for number, name in enumerate(names, start=1)
    ]


def bounded_name(text: str) -> str:
    """A name a student typed, made safe to keep: control characters and
    surrounding spaces removed, runs of spaces joined, at most `MAX_NAME_CHARS`.

    It is still shown escaped (as every student text is), never as Markdown.
    """
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in str(text))
    text = " ".join(text.split())
    return text if len(text) <= MAX_NAME_CHARS else text[: MAX_NAME_CHARS - 1] + "…"


def run_names(configs: Sequence[ExperimentConfig], chosen: Sequence[str]) -> list[str]:
    """Each run's name: the one its student chose, else the automatic one.

    Args:
        configs: a browser's runs, oldest first.
        chosen: the names the student gave, "" for none, in the same order.
    """
    automatic = automatic_names(configs)
    return [mine or auto for mine, auto in zip(chosen, automatic)]
