"""How much memory a process holds, read from /proc (Linux) without extra packages."""

from __future__ import annotations

import os
from pathlib import Path


def resident_bytes(pid: int | None) -> int | None:
    """The resident memory (RSS) of process `pid`, or None when it cannot be read
    (no such process, not Linux)."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/statm").read_text().split()
        return int(fields[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None
