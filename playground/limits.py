"""The range of every number a student or a link can set.

One table, built from the server's `Settings`, serves every reader, so they
always agree:

- the Model and Data pages use each range as their widget's min and max;
- `playground.links` clamps a link's values into it, or refuses them;
- `playground.checks` refuses to train beyond the server's limits, whatever
  the config came from (a page, a link, a script).

A range may hold a value that cannot train (0 units, a learning rate of
0): the widget shows it and the checks explain it, as a lesson.

Example:

```python
from playground.limits import model_ranges
from playground.settings import Settings

model_ranges(Settings())["epochs"]
# Range(low=1, high=200)
```
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from playground.settings import Settings

# NumPy and Keras seeds: 0 <= seed < 2**32.
MAX_SEED = 2**32 - 1
# Far above any rate that learns; high enough to show one that explodes.
MAX_LEARNING_RATE = 1e4
MAX_MOMENTUM = 0.99
MAX_VALIDATION_SPLIT = 0.5
MIN_TEST_FRACTION, MAX_TEST_FRACTION = 0.1, 0.5
MAX_NOISE = 1.0
# A Dropout rate must stay below 1 (1 drops every unit); above 0.9 nothing is left to learn with.
MAX_DROPOUT = 0.9
# An L1 or L2 factor: 0.01 is already strong; 1 lets the penalty swamp the loss.
MAX_PENALTY = 1.0
# Fewest points a generated 2-D set may have (train and test need a few each).
MIN_TOY_SAMPLES = 10
# The ranges of `model_ranges` that hold for each hidden layer (`LayerConfig` fields).
LAYER_FIELDS = ("units", "dropout", "l1", "l2")
# Training examples of the datasets whose `n_samples` keeps a share of them.
TRAIN_ROWS = {"mnist": 60_000, "imdb": 25_000}


@dataclass(frozen=True)
class Range:
    """Closed interval [low, high] of allowed values.

    Attributes:
        low: smallest allowed value.
        high: largest allowed value.
    """

    low: float
    high: float

    def __contains__(self, value) -> bool:
        return _is_finite(value) and self.low <= value <= self.high

    def clamp(self, value):
        """The nearest allowed value (`low` for nan), of `low`'s type."""
        if not _is_finite(value):
            return self.high if value == math.inf else self.low
        return type(self.low)(min(max(value, self.low), self.high))


def _is_finite(value) -> bool:
    return isinstance(value, int) or math.isfinite(value)


def model_ranges(settings: Settings) -> dict[str, Range]:
    """Ranges of the Model page's numbers, by `ExperimentConfig` field.

    "units", "dropout", "l1" and "l2" are every hidden layer's; 0 units (and `output_units` 0, which
    means Auto) may be shown, and the checks explain why 0 cannot train.
    """
    return {
        "units": Range(0, settings.max_units),
        "output_units": Range(0, settings.max_units),
        "dropout": Range(0.0, MAX_DROPOUT),
        "l1": Range(0.0, MAX_PENALTY),
        "l2": Range(0.0, MAX_PENALTY),
        "learning_rate": Range(0.0, MAX_LEARNING_RATE),
        "momentum": Range(0.0, MAX_MOMENTUM),
        "epochs": Range(1, settings.max_epochs),
        "batch_size": Range(1, settings.max_batch_size),
        "validation_split": Range(0.0, MAX_VALIDATION_SPLIT),
        "patience": Range(0, settings.max_epochs),
        "seed": Range(0, MAX_SEED),
    }


def n_samples_range(name: str, settings: Settings) -> Range:
    """Allowed `DataConfig.n_samples` for dataset `name`.

    Generated 2-D sets: points, up to the server's `max_samples`. MNIST and
    IMDB: training examples kept, 0 meaning all of them. Other datasets
    ignore it.
    """
    if name in TRAIN_ROWS:
        return Range(0, TRAIN_ROWS[name])
    return Range(MIN_TOY_SAMPLES, settings.max_samples)


def data_ranges(name: str, settings: Settings) -> dict[str, Range]:
    """Ranges of the Data page's numbers for dataset `name`, by `DataConfig` field."""
    return {
        "n_samples": n_samples_range(name, settings),
        "noise": Range(0.0, MAX_NOISE),
        "test_fraction": Range(MIN_TEST_FRACTION, MAX_TEST_FRACTION),
        "seed": Range(0, MAX_SEED),
    }
