"""Where the Keras dataset files are found, and how they are read safely.

MNIST and IMDB are read from the offline data folder (`PLAYGROUND_DATA_DIR`)
first, then from the Keras cache (`$KERAS_HOME/datasets`, by default
`~/.keras/datasets`); only when neither has a file is it downloaded into
the Keras cache (`playground.datasets.downloads`), the same file
`keras.datasets` would download, without importing Keras.

The `.npz` files are read without `allow_pickle=True`: IMDB's ragged
sequences are pickled object arrays, rebuilt here by an unpickler that
refuses everything but NumPy arrays, so a tampered file cannot run code.
"""

from __future__ import annotations

import io
import math
import os
import pickle
import zipfile
from pathlib import Path

import numpy as np

from playground import settings
from playground.datasets import downloads
from playground.errors import DatasetError

_ALLOWED_PICKLE_GLOBALS = frozenset(
    {
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
    }
)


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


def file_key(path: Path) -> tuple[str, int, int]:
    """Cache key that changes when the file at `path` is replaced."""
    stat = path.stat()
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


def local_or_download(filename: str, read_file, unavailable_code: str):
    """Reads `filename` from the data dir or Keras cache, downloading it there first if needed.

    Args:
        filename: one of `downloads.REMOTE_FILES`, e.g. "mnist.npz".
        read_file: called with the file's `file_key`; returns its arrays.
        unavailable_code: the message key raised when the file cannot be had.

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
            raise DatasetError(
                unavailable_code,
                cache=str(keras_cache_dir()),
                url=downloads.KERAS_DATASETS_URL,
                minutes=max(1, math.ceil(err.retry_in_s / 60)),
            ) from None
    return read_file(file_key(path)), str(path)


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


def read_npz(path: Path, keys: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Reads arrays from a Keras-format .npz, object arrays included.

    Args:
        path: the .npz file.
        keys: the arrays to read, e.g. ("x_train", "y_train").

    Returns:
        A dict key -> array.

    Raises:
        DatasetError: "data.npz_unreadable" for a corrupt file or a missing key.
    """
    arrays = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for key in keys:
                with archive.open(f"{key}.npy") as member:
                    arrays[key] = _read_npy(io.BytesIO(member.read()))
    except (
        OSError,
        KeyError,
        ValueError,
        zipfile.BadZipFile,
        pickle.UnpicklingError,
        EOFError,
    ) as err:
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
