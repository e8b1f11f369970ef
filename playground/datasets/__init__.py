"""Dataset registry: an id maps to a loader that returns one `Dataset`.

`load_dataset(DataConfig)` generates or reads the data, splits it (datasets
without an official test split use scikit-learn's `train_test_split`,
stratified for classification), and scales the inputs with a scaler fitted
on the training rows only.

One module per kind of data, as `keras/src/datasets/` has:

- `base`: the `Dataset` value, the split and the scaling;
- `toy`: the 2-D sets (moons, circles, XOR, spiral, Gaussians);
- `sklearn_sets`: iris, wine, breast cancer and diabetes;
- `mnist`, `imdb`: the Keras files, found by `files` in the offline data
  folder or the Keras cache, or fetched by `downloads`;
- `csv`: the student's upload (`uploads`), read by `csv_reader` and
  `csv_types`.

Example:

```python
from playground.config import DataConfig
from playground.datasets import load_dataset

dataset = load_dataset(DataConfig(name="iris", scaling="standard"))
dataset.x_train.shape, dataset.task, dataset.class_names
# ((120, 4), 'multiclass', ['setosa', 'versicolor', 'virginica'])
```
"""

from __future__ import annotations

from dataclasses import dataclass

from playground import settings
from playground.config import SCALINGS, TASKS, DataConfig
from playground.datasets import csv, imdb, mnist, sklearn_sets, toy
from playground.datasets.base import KINDS, Dataset, scale
from playground.datasets.csv import infer_task, read_csv_columns, unique_names
from playground.datasets.files import find_data_file, keras_cache_dir
from playground.datasets.imdb import decode_review, multi_hot
from playground.datasets.uploads import store_upload
from playground.errors import DatasetError
from playground.limits import MAX_SEED, MIN_TOY_SAMPLES

__all__ = [
    "DATASETS",
    "DEFAULT_SAMPLES",
    "KINDS",
    "Dataset",
    "DatasetError",
    "DatasetSpec",
    "decode_review",
    "find_data_file",
    "get_spec",
    "infer_task",
    "keras_cache_dir",
    "load_dataset",
    "multi_hot",
    "read_csv_columns",
    "store_upload",
    "unique_names",
]

# What `DataConfig.n_samples` starts at when a student picks the dataset:
# points for the toy sets, training examples kept for MNIST and IMDB.
DEFAULT_SAMPLES = {
    "moons": 1000,
    "circles": 1000,
    "xor": 1000,
    "spiral": 1000,
    "gaussians": 1000,
    "mnist": 10_000,
    "imdb": 5_000,
}


@dataclass(frozen=True)
class DatasetSpec:
    """What the Data page needs to know about a dataset before loading it.

    Attributes:
        id: the dataset id, also the key in `DATASETS`.
        kind: "points2d", "tabular", "image" or "text".
        fixed_task: the task the dataset always has, or None (CSV: inferred).
        uses_noise: whether `DataConfig.noise` changes the data.
        has_official_test_split: whether the test set is the published one
            (then `DataConfig.test_fraction` is not used).
        positive_class: for a binary set, the class name the Evaluate
            page's threshold is about by default; None means class 1
            (see `evaluation.default_positive_class`).
    """

    id: str
    kind: str
    fixed_task: str | None
    uses_noise: bool
    has_official_test_split: bool
    positive_class: str | None = None

    @property
    def uses_n_samples(self) -> bool:
        """Whether `DataConfig.n_samples` changes the data."""
        return self.kind in ("points2d", "image", "text")


DATASETS: dict[str, DatasetSpec] = {
    spec.id: spec
    for spec in (
        DatasetSpec("moons", "points2d", "binary", True, False),
        DatasetSpec("circles", "points2d", "binary", True, False),
        DatasetSpec("xor", "points2d", "binary", True, False),
        DatasetSpec("spiral", "points2d", "binary", True, False),
        DatasetSpec("gaussians", "points2d", "binary", True, False),
        DatasetSpec("iris", "tabular", "multiclass", False, False),
        DatasetSpec("wine", "tabular", "multiclass", False, False),
        # scikit-learn stores malignant as class 0; it is what a screening test looks for.
        DatasetSpec("breast_cancer", "tabular", "binary", False, False, positive_class="malignant"),
        DatasetSpec("diabetes", "tabular", "regression", False, False),
        DatasetSpec("mnist", "image", "multiclass", False, True),
        DatasetSpec("imdb", "text", "binary", False, True),
        DatasetSpec("csv", "tabular", None, False, False),
    )
}

_LOADERS = {
    **toy.LOADERS,
    **sklearn_sets.LOADERS,
    "mnist": mnist.load_mnist,
    "imdb": imdb.load_imdb,
}


def load_dataset(data: DataConfig, limits: settings.Settings | None = None) -> Dataset:
    """Loads, splits and scales the dataset a `DataConfig` describes.

    Args:
        data: the data part of the experiment config.
        limits: the server's limits on generated points and on CSV files
            (a backend passes its own; by default the environment's).

    Returns:
        A `Dataset` whose inputs are float32 (uint8 multi-hot for IMDB) and
        scaled as `data.scaling` asks, with the scaler fitted on the
        training rows only.

    Raises:
        DatasetError: for a bad setting or data that cannot be loaded; its
            `code` is a message key in `playground.i18n.data`.
    """
    limits = limits or settings.Settings.from_env()
    spec = get_spec(data.name)
    _validate(data, spec, limits)
    # A generated set is bounded before it is made; a CSV while it is read.
    dataset = csv.load_csv(data, limits) if spec.id == "csv" else _LOADERS[spec.id](data)
    if spec.fixed_task and data.task not in ("auto", spec.fixed_task):
        dataset.notes.append(
            ("data.note.task_fixed", {"fixed": spec.fixed_task, "task": data.task})
        )
    return scale(dataset, data.scaling)


def get_spec(name: str) -> DatasetSpec:
    """Returns the `DatasetSpec` of a dataset id.

    Raises:
        DatasetError: "data.unknown_dataset" for an id not in `DATASETS`.
    """
    if name not in DATASETS:
        raise DatasetError("data.unknown_dataset", name=name, choices=", ".join(DATASETS))
    return DATASETS[name]


def _validate(data: DataConfig, spec: DatasetSpec, limits: settings.Settings) -> None:
    if data.scaling not in SCALINGS:
        raise DatasetError("data.bad_scaling", scaling=data.scaling, choices=", ".join(SCALINGS))
    if data.task != "auto" and data.task not in TASKS:
        raise DatasetError("data.bad_task", task=data.task, choices=", ".join(TASKS))
    if not spec.has_official_test_split and not 0 < data.test_fraction < 1:
        raise DatasetError("data.bad_test_fraction", value=data.test_fraction)
    if spec.kind == "points2d" and data.n_samples < MIN_TOY_SAMPLES:
        raise DatasetError("data.bad_n_samples", value=data.n_samples, minimum=MIN_TOY_SAMPLES)
    if spec.uses_n_samples and data.n_samples < 0:
        raise DatasetError("data.bad_n_samples", value=data.n_samples, minimum=0)
    # Bounded before any array is made: one student's link must not fill the server's memory.
    max_samples = limits.max_samples
    if spec.kind == "points2d" and data.n_samples > max_samples:
        raise DatasetError("limits.too_many_samples", value=data.n_samples, maximum=max_samples)
    if not 0 <= data.seed <= MAX_SEED:
        raise DatasetError("limits.bad_data_seed", value=data.seed, maximum=MAX_SEED)
    if spec.uses_noise and not data.noise >= 0:
        raise DatasetError("data.bad_noise", value=data.noise)
