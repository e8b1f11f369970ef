"""What a disk error means for a student, and a check before work starts.

A student cannot fix the server's disk, and must never see its paths: every
failure to write a run's files becomes one of two messages that say what
happened and who can fix it (the teacher). The details go to the server log.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from playground.errors import PlaygroundError

DISK_FULL = "train.disk_full"
DISK_NOT_WRITABLE = "train.disk_not_writable"

_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def disk_problem(err: OSError) -> str:
    """The message key for an OSError met while writing run files.

    Args:
        err: the error, e.g. `OSError(errno.ENOSPC, ...)`.

    Returns:
        "train.disk_full" when the disk (or the user's quota) is full,
        "train.disk_not_writable" for anything else: a read-only disk, no
        permission, a file where the folder should be.
    """
    return DISK_FULL if err.errno in _FULL_ERRNOS else DISK_NOT_WRITABLE


def ensure_writable_folder(folder: Path) -> None:
    """Creates `folder` and proves that a file can be written in it.

    Args:
        folder: where a run's files will be saved.

    Raises:
        PlaygroundError: "train.disk_full" or "train.disk_not_writable";
            its message shows no server path.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{os.getpid()}"
        probe.write_bytes(b"\0" * 4096)
        probe.unlink()
    except OSError as err:
        raise PlaygroundError(disk_problem(err)) from err
