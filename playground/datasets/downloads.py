"""Downloads the files `keras.datasets` uses, without importing Keras.

The web server must never import TensorFlow, so MNIST and IMDB are fetched
here with the standard library: the same files, from the same address and
checked against the same hashes as `keras.datasets.mnist` and
`keras.datasets.imdb` (keras/src/datasets/mnist.py, imdb.py), into the Keras
cache folder, where the training workers and Keras itself find them.

A download gets one try with a short timeout and a bounded size. It is
written to a temporary file in the same folder and moved into place only
once its hash matches, so a reader never sees half a file. A failure is
remembered by the whole process for `RETRY_AFTER_S`: while a class works
without internet, every page answers at once instead of retrying.

Example:

```python
from playground.datasets.downloads import DownloadError, fetch
from playground.datasets.files import keras_cache_dir

try:
    path = fetch("mnist.npz", keras_cache_dir())
except DownloadError as err:
    err.retry_in_s  # seconds until the next try
```
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

# Where keras.datasets downloads from (keras/src/datasets/mnist.py, imdb.py).
KERAS_DATASETS_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
URL_VARIABLE = "PLAYGROUND_DATASETS_URL"
TIMEOUT_S = 10.0  # connecting, and each read
DEADLINE_S = 90.0  # the whole download
RETRY_AFTER_S = 600.0
CHUNK_BYTES = 1 << 20
MB = 1 << 20

_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class RemoteFile:
    """A file keras.datasets downloads.

    Attributes:
        name: its file name, on the server and in the cache.
        file_hash: the hash Keras checks, sha256 (64 hex digits) or md5 (32).
        max_bytes: a bound well above its real size.
    """

    name: str
    file_hash: str
    max_bytes: int


REMOTE_FILES = {
    remote.name: remote
    for remote in (
        RemoteFile(
            "mnist.npz", "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1", 32 * MB
        ),
        RemoteFile(
            "imdb.npz", "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f", 48 * MB
        ),
        RemoteFile("imdb_word_index.json", "bfafd718b763782e994055a2d397834f", 8 * MB),
    )
}


class DownloadError(Exception):
    """A file could not be downloaded now; the next try is `retry_in_s` away.

    Args:
        filename: the file that was asked for.
        reason: what went wrong, for the server log (never shown to students).
        retry_in_s: seconds until a download of this file is tried again.
    """

    def __init__(self, filename: str, reason: str, retry_in_s: float):
        self.filename = filename
        self.reason = reason
        self.retry_in_s = retry_in_s
        super().__init__(f"Could not download {filename}: {reason}")


_failed_at: dict[str, float] = {}
_failed_reason: dict[str, str] = {}
_state_lock = threading.Lock()
_file_locks: dict[str, threading.Lock] = {name: threading.Lock() for name in REMOTE_FILES}


def base_url() -> str:
    """Where files are downloaded from: PLAYGROUND_DATASETS_URL, else Keras's address."""
    text = os.environ.get(URL_VARIABLE, "").strip()
    return (text.rstrip("/") + "/") if text else KERAS_DATASETS_URL


def fetch(filename: str, folder: Path) -> Path:
    """Returns `folder / filename`, downloading it first if it is not there.

    Only one download of a file runs at a time; a caller that arrives during
    it waits for it and then uses its result.

    Args:
        filename: one of `REMOTE_FILES`, e.g. "imdb.npz".
        folder: where the file is kept (the Keras cache folder).

    Returns:
        The path of the verified file.

    Raises:
        ValueError: `filename` is not a file keras.datasets downloads.
        DownloadError: the download failed now or less than `RETRY_AFTER_S` ago.
    """
    remote = REMOTE_FILES.get(filename)
    if remote is None:
        raise ValueError(
            f"Argument `filename` must be one of {sorted(REMOTE_FILES)}. "
            f"Received: filename={filename!r}"
        )
    target = Path(folder) / filename
    with _file_locks[filename]:
        if target.is_file():
            return target
        _raise_if_failed_recently(filename)
        try:
            _download(base_url() + filename, target, remote)
        except (OSError, ValueError) as err:
            reason = _describe(err)
            with _state_lock:
                _failed_at[filename], _failed_reason[filename] = time.monotonic(), reason
            _LOGGER.warning(
                "Could not download %s from %s (%s); next try in %d s.",
                filename,
                base_url(),
                reason,
                RETRY_AFTER_S,
            )
            raise DownloadError(filename, reason, RETRY_AFTER_S) from None
        with _state_lock:
            _failed_at.pop(filename, None)
            _failed_reason.pop(filename, None)
        return target


def forget_failures() -> None:
    """Allows every file to be tried again at once (for tests)."""
    with _state_lock:
        _failed_at.clear()
        _failed_reason.clear()


def _raise_if_failed_recently(filename: str) -> None:
    with _state_lock:
        failed_at = _failed_at.get(filename)
        if failed_at is None:
            return
        retry_in = RETRY_AFTER_S - (time.monotonic() - failed_at)
        if retry_in > 0:
            raise DownloadError(filename, _failed_reason[filename], retry_in)


def _download(url: str, target: Path, remote: RemoteFile) -> None:
    """Downloads `url` into `target` atomically, checking its size and hash.

    Raises:
        OSError: the network, the server or the disk failed.
        ValueError: the file is too large or its hash does not match.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    hasher = _hasher(remote.file_hash)
    deadline = time.monotonic() + DEADLINE_S
    partial = tempfile.NamedTemporaryFile(
        dir=target.parent, prefix=f".{remote.name}.", suffix=".part", delete=False
    )
    try:
        with partial, urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
            declared = int(response.headers.get("Content-Length") or 0)
            if declared > remote.max_bytes:
                raise ValueError(
                    f"the server offers {declared:,} bytes, more than the "
                    f"{remote.max_bytes:,} expected"
                )
            received = 0
            while chunk := response.read(CHUNK_BYTES):
                received += len(chunk)
                if received > remote.max_bytes:
                    raise ValueError(f"more than the {remote.max_bytes:,} bytes expected")
                if time.monotonic() > deadline:
                    raise TimeoutError(f"not finished after {DEADLINE_S:.0f} s")
                hasher.update(chunk)
                partial.write(chunk)
        if hasher.hexdigest() != remote.file_hash:
            raise ValueError(
                f"its {hasher.name} hash is {hasher.hexdigest()}, not {remote.file_hash}"
            )
        os.replace(partial.name, target)
    finally:
        Path(partial.name).unlink(missing_ok=True)


def _hasher(file_hash: str):
    """sha256 for a 64-digit hash, else md5: the rule of keras.utils.get_file."""
    if len(file_hash) == 64:
        return hashlib.sha256()
    return hashlib.md5(usedforsecurity=False)


def _describe(err: BaseException) -> str:
    if isinstance(err, urllib.error.HTTPError):
        return f"HTTP {err.code}"
    if isinstance(err, urllib.error.URLError):
        return _describe(err.reason) if isinstance(err.reason, BaseException) else str(err.reason)
    text = str(err).strip()
    return f"{type(err).__name__}: {text}" if text else type(err).__name__
