"""Uploaded files on the server's disk, each named by the sha256 of its bytes.

A file is written to a temporary name in the uploads folder and then renamed
(`os.replace`), so a reader never sees half a file; a file already stored
under a hash is reused only when its bytes still have that hash, so a copy
left truncated by a full disk is replaced rather than trusted. A disk that
cannot take the file becomes a `DatasetError` with a translated message;
the operating system's text and the server's paths go to the server log.

Example:

```python
from playground.datasets.uploads import store_upload, upload_path

file_id = store_upload(b"a,b\\n1,2\\n")
upload_path(file_id).read_bytes()  # b"a,b\\n1,2\\n"
```
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from pathlib import Path

from playground import settings
from playground.errors import DatasetError

_FILE_ID = re.compile(r"[0-9a-f]{64}")
_LOGGER = logging.getLogger(__name__)


def store_upload(content: bytes) -> str:
    """Saves uploaded bytes in the uploads folder, named by their sha256.

    Args:
        content: the file's bytes.

    Returns:
        The file id to put in `DataConfig.csv_file`.

    Raises:
        DatasetError: "data.upload_too_large" above PLAYGROUND_MAX_UPLOAD_MB;
            "data.upload_not_saved" when the disk cannot take the file.
    """
    limit_mb = settings.Settings.from_env().max_upload_mb
    if len(content) > limit_mb * 1024 * 1024:
        raise DatasetError(
            "data.upload_too_large", size_mb=len(content) / 1024 / 1024, limit_mb=limit_mb
        )
    file_id = hashlib.sha256(content).hexdigest()
    try:
        path = settings.uploads_dir() / f"{file_id}.csv"
        if not _holds(path, file_id, len(content)):
            _write_atomically(path, content)
    except OSError as err:
        _LOGGER.error("could not store upload %s: %s", file_id, err)
        raise DatasetError("data.upload_not_saved") from None
    return file_id


def upload_path(file_id: str) -> Path:
    """The stored file of an upload id.

    Raises:
        DatasetError: "data.csv_no_file" for an empty id, "data.csv_not_found"
            for an id that is not a stored upload (or not a hash at all).
    """
    if not file_id:
        raise DatasetError("data.csv_no_file")
    shown = file_id[:12] + ("…" if len(file_id) > 12 else "")
    if not _FILE_ID.fullmatch(file_id):
        raise DatasetError("data.csv_not_found", file=shown)
    try:
        path = settings.uploads_dir() / f"{file_id}.csv"
        found = path.is_file()
    except OSError:
        found = False
    if not found:
        raise DatasetError("data.csv_not_found", file=shown)
    return path


def _holds(path: Path, file_id: str, size: int) -> bool:
    """Whether `path` exists with exactly the bytes whose sha256 is `file_id`."""
    try:
        if path.stat().st_size != size:
            return False
        with open(path, "rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest() == file_id
    except OSError:
        return False


def _write_atomically(path: Path, content: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
