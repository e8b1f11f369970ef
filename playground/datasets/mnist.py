"""MNIST handwritten digits, read from the file `keras.datasets.mnist` uses.

`mnist.npz` holds `x_train` uint8 (60000, 28, 28), `y_train`, `x_test`
(10000, 28, 28) and `y_test`; it is found or downloaded by
`playground.datasets.files`. The images stay 28×28 (the model adds the
Flatten) and raw 0..255 until `base.scale` turns them into inputs.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

from playground.config import DataConfig
from playground.datasets import files
from playground.datasets.base import Dataset

FILENAME = "mnist.npz"
_KEYS = ("x_train", "y_train", "x_test", "y_test")


def load_mnist(data: DataConfig) -> Dataset:
    """MNIST digits as (n, 28, 28) images; `data.n_samples` training images kept (0: all)."""
    (x_train, y_train, x_test, y_test), source = _arrays()
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


def _arrays() -> tuple[tuple[np.ndarray, ...], str]:
    """The raw uint8 MNIST arrays and where they came from."""
    return files.local_or_download(FILENAME, _read_file, "data.mnist_unavailable")


@functools.lru_cache(maxsize=2)
def _read_file(key: tuple[str, int, int]) -> tuple[np.ndarray, ...]:
    arrays = files.read_npz(Path(key[0]), _KEYS)
    return tuple(arrays[k] for k in _KEYS)
