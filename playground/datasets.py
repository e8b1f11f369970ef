"""Dataset registry: an id maps to a loader that returns one `Dataset`.

`load_dataset(DataConfig)` generates or reads the data, splits it (datasets
without an official test split use scikit-learn's `train_test_split`,
stratified for classification), and scales the inputs with a scaler fitted
on the training rows only.

MNIST and IMDB are read from `mnist.npz` / `imdb.npz` in the offline data
folder (`PLAYGROUND_DATA_DIR`) first, then from the Keras cache
(`$KERAS_HOME/datasets`, by default `~/.keras/datasets`); only when neither
has the file is it downloaded into the Keras cache, the same file
`keras.datasets` would download, without importing Keras
(`playground.downloads`).

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

import functools
import io
import json
import math
import os
import pickle
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn import datasets as sk_datasets
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler, StandardScaler

from playground import csv_reader, downloads, settings
from playground.config import SCALINGS, TASKS, DataConfig
from playground.limits import MAX_SEED, MIN_TOY_SAMPLES
from playground.errors import DatasetError
from playground.uploads import store_upload, upload_path  # noqa: F401 - store_upload is the pages' entry

KINDS = ("points2d", "tabular", "image", "text")

IMDB_NUM_WORDS = 10_000
PREVIEW_REVIEWS = 5
MAX_CLASSES = 100
MAX_CATEGORIES = 50
MAX_DISTINCT_FOR_CLASSES = 10

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


@dataclass
class Dataset:
    """Train and test arrays ready for Keras, plus what the pages show.

    Labels are integer class indices 0..K-1 (int64, shape (n,)) for
    classification and float32 of shape (n,) for regression. Inputs are
    already scaled as the `DataConfig` asked.

    Attributes:
        name: the dataset id.
        task: "regression", "binary" or "multiclass".
        kind: "points2d", "tabular", "image" or "text": which preview fits.
        class_names: one name per class; empty for regression.
        feature_names: one name per input column (flattened for images).
        notes: (message key, params) pairs for the page, e.g. how missing
            values were handled.
        preview_text: decoded sample reviews for text datasets.
        pixel_offset, pixel_scale: for images, model input =
            (pixel 0..255 - pixel_offset) / pixel_scale.
    """

    name: str
    task: str
    kind: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    feature_names: list[str]
    class_names: list[str] = field(default_factory=list)
    notes: list[tuple[str, dict]] = field(default_factory=list)
    preview_text: list[str] = field(default_factory=list)
    pixel_offset: float = 0.0
    pixel_scale: float = 1.0

    @property
    def n_classes(self) -> int:
        return len(self.class_names)

    @property
    def input_shape(self) -> tuple[int, ...]:
        return tuple(self.x_train.shape[1:])

    @property
    def n_features(self) -> int:
        return int(np.prod(self.input_shape))


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

    @property
    def name_key(self) -> str:
        """Message key of the display name, e.g. "data.name.moons"."""
        return f"data.name.{self.id}"


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


# =================================================================== entry
def load_dataset(data: DataConfig) -> Dataset:
    """Loads, splits and scales the dataset a `DataConfig` describes.

    Args:
        data: the data part of the experiment config.

    Returns:
        A `Dataset` whose inputs are float32 (uint8 multi-hot for IMDB) and
        scaled as `data.scaling` asks, with the scaler fitted on the
        training rows only.

    Raises:
        DatasetError: for a bad setting or data that cannot be loaded; its
            `code` is a message key in `playground.i18n.data`.
    """
    spec = get_spec(data.name)
    _validate(data, spec)
    dataset = _LOADERS[spec.id](data)
    if spec.fixed_task and data.task not in ("auto", spec.fixed_task):
        dataset.notes.append(("data.note.task_fixed", {"fixed": spec.fixed_task, "task": data.task}))
    return _scale(dataset, data.scaling)


def get_spec(name: str) -> DatasetSpec:
    """Returns the `DatasetSpec` of a dataset id.

    Raises:
        DatasetError: "data.unknown_dataset" for an id not in `DATASETS`.
    """
    if name not in DATASETS:
        raise DatasetError("data.unknown_dataset", name=name, choices=", ".join(DATASETS))
    return DATASETS[name]


def class_counts(y: np.ndarray, class_names: list[str]) -> dict[str, int]:
    """Number of examples per class, in class order (empty for regression).

    Args:
        y: integer labels 0..K-1.
        class_names: one name per class.

    Returns:
        A dict class name -> count, including classes with no examples.
    """
    if not class_names:
        return {}
    counts = np.bincount(np.asarray(y, dtype=np.int64), minlength=len(class_names))
    return {name: int(count) for name, count in zip(class_names, counts)}


def _validate(data: DataConfig, spec: DatasetSpec) -> None:
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
    max_samples = settings.Settings.from_env().max_samples
    if spec.kind == "points2d" and data.n_samples > max_samples:
        raise DatasetError("limits.too_many_samples", value=data.n_samples, maximum=max_samples)
    if not 0 <= data.seed <= MAX_SEED:
        raise DatasetError("limits.bad_data_seed", value=data.seed, maximum=MAX_SEED)
    if spec.uses_noise and not data.noise >= 0:
        raise DatasetError("data.bad_noise", value=data.noise)


# ========================================================== split, scale
def _split(
    data: DataConfig,
    x: np.ndarray,
    y: np.ndarray,
    task: str,
    feature_names: list[str],
    class_names: list[str],
    notes: list[tuple[str, dict]] | None = None,
) -> Dataset:
    """Splits x, y into a train and a test set with `data.test_fraction`."""
    notes = list(notes or [])
    rows = len(x)
    n_test = _test_rows(rows, data.test_fraction)
    stratify = y if task != "regression" else None
    if stratify is not None and not _can_stratify(y, n_test, rows - n_test):
        stratify = None
        notes.append(("data.note.split_not_stratified", {}))
    x_train, x_test, y_train, y_test = train_test_split(
        x, y, test_size=n_test, random_state=data.seed, stratify=stratify
    )
    label_dtype = np.float32 if task == "regression" else np.int64
    return Dataset(
        name=data.name,
        task=task,
        kind=DATASETS[data.name].kind,
        x_train=x_train,
        y_train=y_train.astype(label_dtype),
        x_test=x_test,
        y_test=y_test.astype(label_dtype),
        feature_names=feature_names,
        class_names=class_names,
        notes=notes,
    )


def _test_rows(rows: int, test_fraction: float) -> int:
    """Rows for the test set; raises "data.too_few_rows" when either set would be too small."""
    n_test = math.ceil(rows * test_fraction)
    if n_test < 1 or rows - n_test < 2:
        raise DatasetError("data.too_few_rows", rows=rows, fraction=test_fraction)
    return n_test


def _can_stratify(y: np.ndarray, n_test: int, n_train: int) -> bool:
    counts = np.unique(y, return_counts=True)[1]
    return counts.min() >= 2 and min(n_test, n_train) >= len(counts)


def _scale(dataset: Dataset, scaling: str) -> Dataset:
    """Scales the inputs in place, fitting on the training set only."""
    if dataset.kind == "text":
        if scaling != "none":
            dataset.notes.append(("data.note.text_not_scaled", {"scaling": scaling}))
        return dataset
    if dataset.kind == "image":
        dataset.pixel_offset, dataset.pixel_scale = _pixel_transform(dataset.x_train, scaling)
        dataset.x_train = _pixels_to_inputs(dataset.x_train, dataset.pixel_offset, dataset.pixel_scale)
        dataset.x_test = _pixels_to_inputs(dataset.x_test, dataset.pixel_offset, dataset.pixel_scale)
        return dataset
    x_train = dataset.x_train.astype(np.float32)
    x_test = dataset.x_test.astype(np.float32)
    if scaling != "none":
        scaler = StandardScaler() if scaling == "standard" else MinMaxScaler()
        x_train = scaler.fit_transform(x_train).astype(np.float32)
        x_test = scaler.transform(x_test).astype(np.float32)
    dataset.x_train, dataset.x_test = x_train, x_test
    return dataset


def _pixel_transform(x_train: np.ndarray, scaling: str) -> tuple[float, float]:
    """(offset, scale) so that model input = (pixel - offset) / scale.

    minmax: 0..255 -> 0..1; standard: one global mean and std; none: raw.
    Kept on the Dataset so a drawing can be scaled the same way later.
    """
    if scaling == "minmax":
        return 0.0, 255.0
    if scaling == "standard":
        mean, std = _mean_and_std(x_train)
        return mean, std if std > 0 else 1.0
    return 0.0, 1.0


_HISTOGRAM_SLICE = 1 << 22


def _mean_and_std(pixels: np.ndarray) -> tuple[float, float]:
    """Mean and standard deviation of all pixels; for uint8 images from the
    256-value histogram, without the float64 copy `np.std` makes (MNIST: 376 MB)."""
    if pixels.dtype != np.uint8:
        return float(pixels.mean(dtype=np.float64)), float(pixels.std(dtype=np.float64))
    flat = pixels.ravel()
    # In slices: bincount widens its input to int64, 8 bytes for every pixel at once.
    counts = sum((np.bincount(flat[start:start + _HISTOGRAM_SLICE], minlength=256)
                  for start in range(0, len(flat), _HISTOGRAM_SLICE)),
                 np.zeros(256, dtype=np.int64)).astype(np.float64)
    values = np.arange(256, dtype=np.float64)
    mean = float(counts @ values / counts.sum())
    return mean, float(np.sqrt(counts @ np.square(values - mean) / counts.sum()))


def _pixels_to_inputs(pixels: np.ndarray, offset: float, scale: float) -> np.ndarray:
    """(pixels - offset) / scale in float32, computed in place in one new array
    (the same float32 arithmetic as the expression, without three temporaries)."""
    inputs = pixels.astype(np.float32)
    inputs -= np.float32(offset)
    inputs /= np.float32(scale)
    return inputs


# ============================================================= toy sets
_XY = ["x1", "x2"]
_TWO_CLASSES = ["0", "1"]


def _load_moons(data: DataConfig) -> Dataset:
    """Two interleaving half circles (`sklearn.datasets.make_moons`)."""
    x, y = sk_datasets.make_moons(data.n_samples, noise=data.noise, random_state=data.seed)
    return _split(data, x, y, "binary", _XY, _TWO_CLASSES)


def _load_circles(data: DataConfig) -> Dataset:
    """A circle inside another (`make_circles`, factor 0.5); class 1 inside."""
    x, y = sk_datasets.make_circles(
        data.n_samples, noise=data.noise, factor=0.5, random_state=data.seed
    )
    return _split(data, x, y, "binary", _XY, _TWO_CLASSES)


def _load_xor(data: DataConfig) -> Dataset:
    """Uniform points in [-1, 1]²; class 1 where x and y have the same sign.

    The label is taken before `noise` (Gaussian jitter, std = noise) moves
    the points, so noise blurs the quadrant borders.
    """
    rng = np.random.default_rng(data.seed)
    x = rng.uniform(-1.0, 1.0, size=(data.n_samples, 2))
    y = (x[:, 0] * x[:, 1] > 0).astype(np.int64)
    x = x + rng.normal(0.0, data.noise, size=x.shape)
    return _split(data, x, y, "binary", _XY, _TWO_CLASSES)


def _load_spiral(data: DataConfig) -> Dataset:
    """Two interleaved spiral arms of 1.5 turns, radius 0 to 2.

    Adjacent arms are about 0.67 apart; `noise` is the std of the Gaussian
    jitter added to every point.
    """
    rng = np.random.default_rng(data.seed)
    sizes = (data.n_samples // 2, data.n_samples - data.n_samples // 2)
    points, labels = [], []
    for label, size in enumerate(sizes):
        t = np.linspace(0.0, 1.0, size)
        angle = 1.5 * 2 * np.pi * t + label * np.pi
        radius = 2.0 * t
        points.append(np.column_stack([radius * np.sin(angle), radius * np.cos(angle)]))
        labels.append(np.full(size, label, dtype=np.int64))
    x = np.concatenate(points) + rng.normal(0.0, data.noise, size=(data.n_samples, 2))
    return _split(data, x, np.concatenate(labels), "binary", _XY, _TWO_CLASSES)


def _load_gaussians(data: DataConfig) -> Dataset:
    """Two Gaussian blobs centred at (-1, -1) and (1, 1), std 0.5 + noise."""
    x, y = sk_datasets.make_blobs(
        data.n_samples,
        centers=[[-1.0, -1.0], [1.0, 1.0]],
        cluster_std=0.5 + data.noise,
        random_state=data.seed,
    )
    return _split(data, x, y, "binary", _XY, _TWO_CLASSES)


# ========================================================= scikit-learn
def _load_sklearn(loader, task: str):
    """Wraps a scikit-learn `load_*` function as a loader, keeping its names."""

    def load(data: DataConfig) -> Dataset:
        bunch = loader()
        class_names = [str(name) for name in getattr(bunch, "target_names", [])]
        return _split(
            data,
            bunch.data,
            bunch.target,
            task,
            [str(name) for name in bunch.feature_names],
            class_names if task != "regression" else [],
        )

    return load


# =================================================== offline data files
def keras_cache_dir() -> Path:
    """The folder where `keras.datasets` caches downloads.

    `$KERAS_HOME/datasets` when KERAS_HOME is set, else `~/.keras/datasets`
    (Keras falls back to `/tmp/.keras` when the home folder is read-only).
    """
    if "KERAS_HOME" in os.environ:
        return Path(os.environ["KERAS_HOME"]).expanduser() / "datasets"
    home = Path("~").expanduser()
    base = home if os.access(home, os.W_OK) else Path("/tmp")
    return base / ".keras" / "datasets"


def find_data_file(filename: str) -> Path | None:
    """Looks for `filename` in the data folder, then in the Keras cache.

    Args:
        filename: e.g. "mnist.npz".

    Returns:
        The first existing path, or None.
    """
    folders = [settings.data_dir(), keras_cache_dir()]
    for folder in folders:
        if folder is not None and (folder / filename).is_file():
            return folder / filename
    return None


def _file_key(path: Path) -> tuple[str, int, int]:
    """Cache key that changes when the file at `path` is replaced."""
    stat = path.stat()
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


_ALLOWED_PICKLE_GLOBALS = frozenset(
    {
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
    }
)


class _ArrayOnlyUnpickler(pickle.Unpickler):
    """Rebuilds numpy object arrays and refuses every other global.

    IMDB stores ragged sequences as pickled object arrays; this reads them
    the way `keras.datasets.imdb` does, without `allow_pickle=True`, so a
    tampered file cannot run code.
    """

    def find_class(self, module, name):
        if (module, name) in _ALLOWED_PICKLE_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"refusing to load `{module}.{name}`")


def _read_npz(path: Path, keys: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Reads arrays from a Keras-format .npz, object arrays included.

    Raises:
        DatasetError: "data.npz_unreadable" for a corrupt file or a missing key.
    """
    arrays = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for key in keys:
                with archive.open(f"{key}.npy") as member:
                    arrays[key] = _read_npy(io.BytesIO(member.read()))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, pickle.UnpicklingError, EOFError) as err:
        raise DatasetError("data.npz_unreadable", path=str(path), reason=_reason(err)) from None
    return arrays


def _read_npy(buffer: io.BytesIO) -> np.ndarray:
    try:
        return np.lib.format.read_array(buffer, allow_pickle=False)
    except ValueError:
        buffer.seek(0)
        version = np.lib.format.read_magic(buffer)
        if version[0] == 1:
            np.lib.format.read_array_header_1_0(buffer)
        else:
            np.lib.format.read_array_header_2_0(buffer)
        return _ArrayOnlyUnpickler(buffer).load()


def _reason(err: BaseException) -> str:
    text = str(err).strip()
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


# ================================================================ MNIST
def _load_mnist(data: DataConfig) -> Dataset:
    """MNIST digits as (n, 28, 28) images; the model adds the Flatten."""
    (x_train, y_train, x_test, y_test), source = _mnist_arrays()
    notes = [("data.note.loaded_from", {"path": source})]
    total = len(x_train)
    if 0 < data.n_samples < total:
        x_train, y_train = x_train[: data.n_samples], y_train[: data.n_samples]
        notes.append(("data.note.subset", {"kept": data.n_samples, "total": total}))
    return Dataset(
        name="mnist",
        task="multiclass",
        kind="image",
        x_train=x_train,
        y_train=y_train.astype(np.int64),
        x_test=x_test,
        y_test=y_test.astype(np.int64),
        feature_names=[f"pixel_{row}_{col}" for row in range(28) for col in range(28)],
        class_names=[str(digit) for digit in range(10)],
        notes=notes,
    )


def _local_or_download(filename: str, read_file, unavailable_code: str):
    """Reads `filename` from the data dir or Keras cache, downloading it there first if needed.

    Returns:
        (arrays, the path they were read from).

    Raises:
        DatasetError: `unavailable_code` when the file is nowhere and cannot be
            downloaded now; it says where to put the file and when the server
            tries again (the technical reason goes to the server log).
    """
    path = find_data_file(filename)
    if path is None:
        try:
            path = downloads.fetch(filename, keras_cache_dir())
        except downloads.DownloadError as err:
            raise DatasetError(unavailable_code, cache=str(keras_cache_dir()),
                               url=downloads.KERAS_DATASETS_URL,
                               minutes=max(1, math.ceil(err.retry_in_s / 60))) from None
    return read_file(_file_key(path)), str(path)


def _mnist_arrays() -> tuple[tuple[np.ndarray, ...], str]:
    """The raw uint8 MNIST arrays and where they came from."""
    return _local_or_download("mnist.npz", _read_mnist_file, "data.mnist_unavailable")


@functools.lru_cache(maxsize=2)
def _read_mnist_file(key: tuple[str, int, int]) -> tuple[np.ndarray, ...]:
    arrays = _read_npz(Path(key[0]), ("x_train", "y_train", "x_test", "y_test"))
    return tuple(arrays[k] for k in ("x_train", "y_train", "x_test", "y_test"))


# ================================================================= IMDB
def _load_imdb(data: DataConfig) -> Dataset:
    """IMDB reviews as 10,000-word multi-hot uint8 vectors (Keras book style).

    `data.n_samples` training reviews are kept (0 keeps all 25,000), and at
    most as many test reviews, to bound memory.
    """
    (train_seqs, y_train, test_seqs, y_test), source = _imdb_sequences()
    notes: list[tuple[str, dict]] = [("data.note.loaded_from", {"path": source})]
    limit = data.n_samples or len(train_seqs)
    if limit < len(train_seqs):
        notes.append(("data.note.subset", {"kept": limit, "total": len(train_seqs)}))
    if limit < len(test_seqs):
        notes.append(("data.note.test_subset", {"kept": limit, "total": len(test_seqs)}))
    train_seqs, y_train = train_seqs[:limit], y_train[:limit]
    test_seqs, y_test = test_seqs[:limit], y_test[:limit]

    words = _imdb_index_to_word(may_download=Path(source).parent == keras_cache_dir())
    if words is None:
        notes.append(("data.note.word_index_missing", {}))
        feature_names = [f"word_{i}" for i in range(IMDB_NUM_WORDS)]
        preview = []
    else:
        feature_names = [words.get(i, f"word_{i}") for i in range(IMDB_NUM_WORDS)]
        preview = [decode_review(seq, words) for seq in train_seqs[:PREVIEW_REVIEWS]]
    return Dataset(
        name="imdb",
        task="binary",
        kind="text",
        x_train=multi_hot(train_seqs, IMDB_NUM_WORDS),
        y_train=np.array(y_train, dtype=np.int64),
        x_test=multi_hot(test_seqs, IMDB_NUM_WORDS),
        y_test=np.array(y_test, dtype=np.int64),
        feature_names=feature_names,
        class_names=["negative", "positive"],
        notes=notes,
        preview_text=preview,
    )


def multi_hot(sequences: list[np.ndarray], width: int) -> np.ndarray:
    """One row per sequence with a 1 at every word index it contains.

    Args:
        sequences: integer arrays of word indices, each below `width`.
        width: the vocabulary size.

    Returns:
        A uint8 array of shape (len(sequences), width).
    """
    x = np.zeros((len(sequences), width), dtype=np.uint8)
    if len(sequences):
        lengths = [len(seq) for seq in sequences]
        rows = np.repeat(np.arange(len(sequences)), lengths)
        x[rows, np.concatenate([np.asarray(seq, dtype=np.int64) for seq in sequences])] = 1
    return x


def decode_review(sequence, index_to_word: dict[int, str]) -> str:
    """Turns a sequence of word indices back into words.

    The start marker is dropped; words cut by `num_words` read "[OOV]".
    """
    return " ".join(index_to_word.get(int(i), "[OOV]") for i in sequence if int(i) != 1)


def _imdb_sequences():
    """IMDB as `keras.datasets.imdb.load_data(num_words=10000)` returns it."""
    return _local_or_download("imdb.npz", _read_imdb_file, "data.imdb_unavailable")


@functools.lru_cache(maxsize=1)
def _read_imdb_file(key: tuple[str, int, int]):
    """Reads imdb.npz and applies what `keras.datasets.imdb.load_data` does.

    Shuffle train then test with one `RandomState(113)`, prepend
    start_char=1, shift word ids by index_from=3, and replace ids at or
    above num_words=10000 with oov_char=2.
    """
    arrays = _read_npz(Path(key[0]), ("x_train", "y_train", "x_test", "y_test"))
    rng = np.random.RandomState(113)
    result = []
    for split in ("train", "test"):
        x, y = arrays[f"x_{split}"], arrays[f"y_{split}"]
        order = np.arange(len(x))
        rng.shuffle(order)
        result += [[_keras_word_ids(x[i]) for i in order], np.asarray(y)[order]]
    return tuple(result)


def _keras_word_ids(raw_sequence) -> np.ndarray:
    ids = np.concatenate([[1], np.asarray(raw_sequence, dtype=np.int64) + 3])
    ids[ids >= IMDB_NUM_WORDS] = 2
    return ids.astype(np.int32)


def _imdb_index_to_word(may_download: bool) -> dict[int, str] | None:
    """Maps a word id (as in the sequences) to its word, or None if unknown.

    Args:
        may_download: fetch imdb_word_index.json when it is missing (done when
            imdb.npz itself sits in the Keras cache, not in an offline folder).
    """
    path = find_data_file("imdb_word_index.json")
    if path is None and may_download:
        try:
            path = downloads.fetch("imdb_word_index.json", keras_cache_dir())
        except downloads.DownloadError:
            return None  # the preview is optional; the reason is in the server log
    if path is None:
        return None
    try:
        return _read_word_index(_file_key(path))
    except (OSError, ValueError):
        return None


@functools.lru_cache(maxsize=1)
def _read_word_index(key: tuple[str, int, int]) -> dict[int, str]:
    with open(key[0], encoding="utf-8") as file:
        return _invert_word_index(json.load(file))


def _invert_word_index(word_index: dict[str, int]) -> dict[int, str]:
    words = {int(i) + 3: word for word, i in word_index.items()}
    words.update({0: "[PAD]", 1: "[START]", 2: "[OOV]"})
    return words


# ================================================================== CSV
def read_csv_columns(csv_file: str) -> list[str]:
    """The column names of an uploaded CSV, for the target chooser.

    The file is read in a child process (`csv_reader.read_upload`), once.

    Raises:
        DatasetError: when the file is missing, not a CSV table, empty, or
            beyond the server's limits.
    """
    return [str(column) for column in _read_table(csv_file).frame.columns]


def infer_task(series: pd.Series) -> str:
    """Guesses the task from a target column.

    Text (or boolean) targets are classification: "binary" with at most 2
    values, else "multiclass". Numbers are classification when they are
    whole numbers with at most 10 distinct values, else "regression".

    Args:
        series: the target column, missing values allowed.

    Returns:
        "regression", "binary" or "multiclass".
    """
    values = series.dropna()
    distinct = values.nunique()
    if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
        return "binary" if distinct <= 2 else "multiclass"
    whole = bool(np.all(np.mod(values.to_numpy(dtype=np.float64), 1) == 0))
    if whole and distinct <= MAX_DISTINCT_FOR_CLASSES:
        return "binary" if distinct <= 2 else "multiclass"
    return "regression"


def _load_csv(data: DataConfig) -> Dataset:
    """The user's CSV: target column chosen, features one-hot encoded.

    The work is bounded before any array is made: at most
    PLAYGROUND_MAX_FEATURES input columns after encoding, and at most
    PLAYGROUND_MAX_CSV_CELLS rows × input columns (more rows are sampled).
    """
    table = _read_table(data.csv_file)
    frame = table.frame
    columns = [str(c) for c in frame.columns]
    if not data.target:
        raise DatasetError("data.csv_no_target", columns=", ".join(columns))
    if data.target not in frame.columns:
        raise DatasetError("data.csv_unknown_target", target=data.target, columns=", ".join(columns))
    notes: list[tuple[str, dict]] = list(table.notes)

    missing_target = int(frame[data.target].isna().sum())
    if missing_target:
        frame = frame[frame[data.target].notna()]
        notes.append(("data.note.dropped_missing_target", {"count": missing_target, "target": data.target}))
    _test_rows(len(frame), data.test_fraction)  # before the target is judged on too few rows
    features = _usable_features(frame.drop(columns=[data.target]), notes)
    frame = _bounded_rows(frame, _encoded_width(features), notes)
    features = features.loc[frame.index]
    target = frame[data.target]
    task = data.task if data.task != "auto" else infer_task(target)
    if data.task == "auto":
        notes.append(("data.note.task_inferred", {"target": data.target, "task": task}))
    y, class_names = _encode_target(target, task, data.target)

    x, feature_names = _encode_features(features, notes)
    if not feature_names:
        raise DatasetError("data.csv_no_features", target=data.target)
    return _split(data, x, y, task, feature_names, class_names, notes)


def _read_table(csv_file: str) -> csv_reader.CsvTable:
    server = settings.Settings.from_env()
    return csv_reader.read_upload(upload_path(csv_file), csv_reader.CsvLimits.from_settings(server),
                                  server.csv_parse_timeout_s, server.csv_parse_memory_mb)


def _encode_target(target: pd.Series, task: str, name: str) -> tuple[np.ndarray, list[str]]:
    """Regression: float32 values. Classification: int64 codes and names."""
    if task == "regression":
        if pd.api.types.is_bool_dtype(target):
            target = target.astype(np.float64)
        if not pd.api.types.is_numeric_dtype(target):
            raise DatasetError("data.csv_text_target_regression", target=name, example=str(target.iloc[0]))
        return target.to_numpy(dtype=np.float32), []
    codes, classes = pd.factorize(target, sort=True)
    if len(classes) < 2:
        value = _class_name(classes[0]) if len(classes) else ""
        raise DatasetError("data.csv_single_class", target=name, value=value)
    if task == "binary" and len(classes) != 2:
        raise DatasetError("data.csv_binary_needs_two", target=name, count=len(classes))
    if len(classes) > MAX_CLASSES:
        raise DatasetError("data.csv_too_many_classes", target=name, count=len(classes), limit=MAX_CLASSES)
    return codes.astype(np.int64), [_class_name(value) for value in classes]


def _class_name(value) -> str:
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


def _is_number(column: pd.Series) -> bool:
    """Numbers, booleans and dates: each becomes one input column."""
    return (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column)
            or pd.api.types.is_datetime64_any_dtype(column))


def _usable_features(frame: pd.DataFrame, notes: list) -> pd.DataFrame:
    """Drops the columns that cannot be inputs: empty ones, and text with too many values.

    Text columns with more than `MAX_CATEGORIES` distinct values (ids, free
    text) would one-hot encode into too many columns. Each drop adds a note.
    """
    empty = [str(c) for c in frame.columns if frame[c].isna().all()]
    if empty:
        frame = frame.drop(columns=empty)
        notes.append(("data.note.dropped_empty_columns", {"columns": ", ".join(empty)}))
    too_many = [c for c in frame.columns if not _is_number(frame[c]) and frame[c].nunique() > MAX_CATEGORIES]
    if too_many:
        frame = frame.drop(columns=too_many)
        notes.append(
            ("data.note.dropped_high_cardinality", {"limit": MAX_CATEGORIES, "columns": ", ".join(map(str, too_many))})
        )
    return frame


def _encoded_width(frame: pd.DataFrame) -> int:
    """Input columns after one-hot encoding, counted before any is made.

    Raises:
        DatasetError: "data.csv_too_many_features" above PLAYGROUND_MAX_FEATURES.
    """
    widths = {str(c): 1 if _is_number(frame[c]) else frame[c].nunique() + int(frame[c].isna().any())
              for c in frame.columns}
    width = sum(widths.values())
    limit = settings.Settings.from_env().max_features
    if width > limit:
        widest = sorted(widths.items(), key=lambda item: -item[1])[:5]
        raise DatasetError("data.csv_too_many_features", count=width, limit=limit,
                           columns=", ".join(f"{name} ({n})" for name, n in widest))
    return width


def _bounded_rows(frame: pd.DataFrame, width: int, notes: list) -> pd.DataFrame:
    """A random sample of the rows when rows × input columns exceed PLAYGROUND_MAX_CSV_CELLS."""
    server = settings.Settings.from_env()
    kept = min(server.max_csv_rows, max(1, server.max_csv_cells // max(width, 1)))
    if len(frame) <= kept:
        return frame
    earlier = [params for key, params in notes if key == "data.note.rows_sampled"]
    total = earlier[0]["total"] if earlier else len(frame)
    notes[:] = [(key, params) for key, params in notes if key != "data.note.rows_sampled"]
    notes.append(("data.note.rows_sampled", {"kept": kept, "total": total, "max_rows": server.max_csv_rows,
                                             "max_cells": server.max_csv_cells}))
    return frame.sample(n=kept, random_state=csv_reader.SAMPLE_SEED).sort_index()


def _encode_features(frame: pd.DataFrame, notes: list) -> tuple[np.ndarray, list[str]]:
    """Imputes missing values and one-hot encodes text columns.

    Booleans become 1/0 and dates the number of days since 1970-01-01.
    Numbers get the column median, text gets a "missing" category. Each
    step adds a note. Feature names are made unique ("a=b" from a column
    "a" may meet a column named "a=b").
    """
    numeric = [c for c in frame.columns if _is_number(frame[c])]
    text = [c for c in frame.columns if c not in numeric]
    booleans = [str(c) for c in numeric if pd.api.types.is_bool_dtype(frame[c])]
    dates = [str(c) for c in numeric if pd.api.types.is_datetime64_any_dtype(frame[c])]
    if booleans:
        notes.append(("data.note.booleans", {"columns": ", ".join(booleans)}))
    if dates:
        notes.append(("data.note.dates", {"columns": ", ".join(dates)}))

    numbers = pd.DataFrame({c: _as_float(frame[c]) for c in numeric}, index=frame.index)
    _note_missing(numbers, "data.note.imputed_median", notes)
    numbers = numbers.fillna(numbers.median())
    texts = frame[text].astype("object")
    _note_missing(texts, "data.note.missing_category", notes)
    texts = texts.fillna("missing").astype(str)
    one_hot = pd.get_dummies(texts, prefix_sep="=", dtype=np.float32) if text else texts
    if text:
        notes.append(("data.note.one_hot", {"columns": ", ".join(map(str, text)), "count": one_hot.shape[1]}))

    features = pd.concat([numbers, one_hot], axis=1)
    return features.to_numpy(dtype=np.float32), unique_names([str(c) for c in features.columns])


def _as_float(column: pd.Series) -> np.ndarray:
    if pd.api.types.is_datetime64_any_dtype(column):
        return ((column - pd.Timestamp("1970-01-01")) / pd.Timedelta(days=1)).to_numpy(
            dtype=np.float64, na_value=np.nan)
    return column.astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)


def unique_names(names: list[str]) -> list[str]:
    """The names, with " (2)", " (3)"... added to repeats so that no two are equal.

    Example: `unique_names(["a", "a", "a (2)"])` is `["a", "a (3)", "a (2)"]`.
    """
    taken = set(names)
    seen: set[str] = set()
    result = []
    for name in names:
        new = name
        if name in seen:
            number = 2
            while f"{name} ({number})" in taken:
                number += 1
            new = f"{name} ({number})"
            taken.add(new)
        seen.add(name)
        result.append(new)
    return result


def _note_missing(frame: pd.DataFrame, key: str, notes: list) -> None:
    counts = frame.isna().sum()
    counts = counts[counts > 0]
    if len(counts):
        columns = ", ".join(f"{name} ({int(n)})" for name, n in counts.items())
        notes.append((key, {"count": int(counts.sum()), "columns": columns}))


_LOADERS = {
    "moons": _load_moons,
    "circles": _load_circles,
    "xor": _load_xor,
    "spiral": _load_spiral,
    "gaussians": _load_gaussians,
    "iris": _load_sklearn(sk_datasets.load_iris, "multiclass"),
    "wine": _load_sklearn(sk_datasets.load_wine, "multiclass"),
    "breast_cancer": _load_sklearn(sk_datasets.load_breast_cancer, "binary"),
    # Unscaled diabetes features (age in years, bmi...), so "none" shows raw values.
    "diabetes": _load_sklearn(functools.partial(sk_datasets.load_diabetes, scaled=False), "regression"),
    "mnist": _load_mnist,
    "imdb": _load_imdb,
    "csv": _load_csv,
}
