"""The `Dataset` every loader returns, and the split and scaling they share.

Datasets without an official test split are split with scikit-learn's
`train_test_split`, stratified for classification. Inputs are scaled with a
scaler fitted on the training rows only; images keep one global
(offset, scale) pair so that a drawing can be scaled the same way later.

scikit-learn is imported where it is first used: the CSV reader's child
process imports this package, and scikit-learn would triple its start.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from playground.config import DataConfig
from playground.errors import DatasetError

KINDS = ("points2d", "tabular", "image", "text")

# Pixels counted per `np.bincount` call: it widens its input to int64.
_HISTOGRAM_SLICE = 1 << 22


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
        source: for an uploaded CSV, the steps that made x and y from the
            file (see `datasets.csv.load_csv`), for exported code.
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
    source: dict = field(default_factory=dict)

    @property
    def n_classes(self) -> int:
        return len(self.class_names)

    @property
    def input_shape(self) -> tuple[int, ...]:
        return tuple(self.x_train.shape[1:])

    @property
    def n_features(self) -> int:
        return int(np.prod(self.input_shape))


def split(
    data: DataConfig,
    kind: str,
    x: np.ndarray,
    y: np.ndarray,
    task: str,
    feature_names: list[str],
    class_names: list[str],
    notes: list[tuple[str, dict]] | None = None,
) -> Dataset:
    """Splits x, y into a train and a test set with `data.test_fraction`.

    Args:
        data: the data config (name, test fraction and seed are used).
        kind: the dataset's kind, e.g. "tabular".
        x: inputs, one row per example.
        y: labels (class indices, or numbers for regression).
        task: "regression", "binary" or "multiclass"; classification is
            stratified when every class has enough rows for both sets.
        feature_names: one name per input column.
        class_names: one name per class; empty for regression.
        notes: (message key, params) pairs gathered so far.

    Returns:
        The unscaled `Dataset`.

    Raises:
        DatasetError: "data.too_few_rows" when either set would be too small.
    """
    from sklearn.model_selection import train_test_split

    notes = list(notes or [])
    rows = len(x)
    n_test = n_test_rows(rows, data.test_fraction)
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
        kind=kind,
        x_train=x_train,
        y_train=y_train.astype(label_dtype),
        x_test=x_test,
        y_test=y_test.astype(label_dtype),
        feature_names=feature_names,
        class_names=class_names,
        notes=notes,
    )


def n_test_rows(rows: int, test_fraction: float) -> int:
    """Rows for the test set.

    Raises:
        DatasetError: "data.too_few_rows" when the test set would be empty
            or fewer than 2 rows would be left to train on.
    """
    n_test = math.ceil(rows * test_fraction)
    if n_test < 1 or rows - n_test < 2:
        raise DatasetError("data.too_few_rows", rows=rows, fraction=test_fraction)
    return n_test


def _can_stratify(y: np.ndarray, n_test: int, n_train: int) -> bool:
    counts = np.unique(y, return_counts=True)[1]
    return counts.min() >= 2 and min(n_test, n_train) >= len(counts)


def scale(dataset: Dataset, scaling: str) -> Dataset:
    """Scales the inputs in place, fitting on the training set only.

    Args:
        dataset: a loaded, split dataset.
        scaling: "standard", "minmax" or "none". Text (multi-hot words) is
            never scaled, which a note says.

    Returns:
        The same dataset, inputs in float32 (text stays uint8).
    """
    if dataset.kind == "text":
        if scaling != "none":
            dataset.notes.append(("data.note.text_not_scaled", {"scaling": scaling}))
        return dataset
    if dataset.kind == "image":
        dataset.pixel_offset, dataset.pixel_scale = pixel_transform(dataset.x_train, scaling)
        dataset.x_train = pixels_to_inputs(
            dataset.x_train, dataset.pixel_offset, dataset.pixel_scale
        )
        dataset.x_test = pixels_to_inputs(dataset.x_test, dataset.pixel_offset, dataset.pixel_scale)
        return dataset
    x_train = dataset.x_train.astype(np.float32)
    x_test = dataset.x_test.astype(np.float32)
    if scaling != "none":
        from sklearn.preprocessing import MinMaxScaler, StandardScaler

        scaler = StandardScaler() if scaling == "standard" else MinMaxScaler()
        x_train = scaler.fit_transform(x_train).astype(np.float32)
        x_test = scaler.transform(x_test).astype(np.float32)
    dataset.x_train, dataset.x_test = x_train, x_test
    return dataset


def pixel_transform(x_train: np.ndarray, scaling: str) -> tuple[float, float]:
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


def _mean_and_std(pixels: np.ndarray) -> tuple[float, float]:
    """Mean and standard deviation of all pixels; for uint8 images from the
    256-value histogram, without the float64 copy `np.std` makes (MNIST: 376 MB)."""
    if pixels.dtype != np.uint8:
        return float(pixels.mean(dtype=np.float64)), float(pixels.std(dtype=np.float64))
    flat = pixels.ravel()
    counts = sum(
        (
            np.bincount(flat[start : start + _HISTOGRAM_SLICE], minlength=256)
            for start in range(0, len(flat), _HISTOGRAM_SLICE)
        ),
        np.zeros(256, dtype=np.int64),
    ).astype(np.float64)
    values = np.arange(256, dtype=np.float64)
    mean = float(counts @ values / counts.sum())
    return mean, float(np.sqrt(counts @ np.square(values - mean) / counts.sum()))


def pixels_to_inputs(pixels: np.ndarray, offset: float, scale: float) -> np.ndarray:
    """(pixels - offset) / scale in float32, computed in place in one new array
    (the same float32 arithmetic as the expression, without three temporaries)."""
    inputs = pixels.astype(np.float32)
    inputs -= np.float32(offset)
    inputs /= np.float32(scale)
    return inputs
