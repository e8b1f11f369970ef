"""Runs one function call in a fresh child process with a time and a memory limit.

Work on what a student uploads (reading a CSV) may be slow or huge. Run
here, it never holds the server thread that serves every other student's
page: the caller only waits for the child's answer, a child that runs too
long is killed, and a child that asks for too much memory gets a
`MemoryError` rather than pushing the server into swap.

The child is a new interpreter (`python -m playground.isolated`), never a
fork of the threaded web server or of a worker with TensorFlow loaded. It
reads one pickled call on stdin and writes one pickled answer on stdout.
Starting it costs about half a second of CPU (importing pandas), which is
why callers remember the outcome per file.

Example:

```python
from playground.isolated import run_isolated

run_isolated(sum, ([1, 2, 3],), timeout_s=5, memory_mb=256)  # 6
```
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import threading
from pathlib import Path

# Children at the same time, whatever the number of sessions asking: each
# may use `memory_mb`, so this bounds the memory and CPU that reading takes.
MAX_CHILDREN = 2
MiB = 1024 * 1024
_ROOT = str(Path(__file__).resolve().parent.parent)
# pyarrow's default allocator reserves about 1 GB of address space up front,
# which an address-space limit would count; the system allocator does not.
_CHILD_ENV = {"ARROW_DEFAULT_MEMORY_POOL": "system", "MALLOC_ARENA_MAX": "2"}

_LOGGER = logging.getLogger(__name__)
_SLOTS = threading.BoundedSemaphore(MAX_CHILDREN)


class IsolatedError(Exception):
    """The child gave no result; subclasses say why."""


class IsolatedTimeout(IsolatedError):
    """The call ran longer than `timeout_s` and its process was killed."""


class IsolatedOutOfMemory(IsolatedError):
    """The call needed more than `memory_mb` of memory."""


class IsolatedCrash(IsolatedError):
    """The child died, or raised an exception that is not a `PlaygroundError`."""


class IsolatedBusy(IsolatedError):
    """`MAX_CHILDREN` calls were running for longer than the wait allowed."""


def run_isolated(
    function,
    args: tuple = (),
    *,
    timeout_s: float,
    memory_mb: int | None,
    wait_s: float | None = None,
):
    """Calls `function(*args)` in a child process and returns its result.

    Args:
        function: a module-level function (it is pickled by name, and its
            module is imported in the child).
        args: picklable arguments; the result must be picklable too.
        timeout_s: seconds the call may take, the child's start included,
            before its process is killed.
        memory_mb: memory the child may add to what it holds once the
            function's module is imported (a Linux address-space limit);
            None for no limit.
        wait_s: seconds to wait for a free slot while `MAX_CHILDREN` calls
            are running; defaults to `timeout_s`.

    Returns:
        What `function` returned.

    Raises:
        PlaygroundError: as raised by `function`, re-raised here.
        IsolatedTimeout, IsolatedOutOfMemory, IsolatedCrash, IsolatedBusy:
            when there is no result; the child is gone by then.
    """
    call = pickle.dumps((function, args, memory_mb))
    if not _SLOTS.acquire(timeout=timeout_s if wait_s is None else wait_s):
        raise IsolatedBusy(f"{MAX_CHILDREN} isolated calls are still running")
    try:
        status, payload = _call_in_child(call, timeout_s)
    finally:
        _SLOTS.release()
    if status == "ok":
        return payload
    if status == "raised":
        raise payload
    if status == "memory":
        raise IsolatedOutOfMemory(f"more than {memory_mb} MB")
    _LOGGER.error(
        "isolated call to %s failed: %s", getattr(function, "__qualname__", function), payload
    )
    raise IsolatedCrash(payload)


def _call_in_child(call: bytes, timeout_s: float) -> tuple[str, object]:
    env = {
        **os.environ,
        **_CHILD_ENV,
        "PYTHONPATH": os.pathsep.join(filter(None, [_ROOT, os.environ.get("PYTHONPATH")])),
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "playground.isolated"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=_ROOT,
    )
    try:
        answer, errors = child.communicate(call, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise IsolatedTimeout(f"still running after {timeout_s} s") from None
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    try:
        return pickle.loads(answer)
    except Exception:  # noqa: BLE001 - no answer: the child died (killed, out of memory, crash)
        tail = errors.decode("utf-8", "replace").strip().splitlines()[-3:]
        return "crashed", f"exit code {child.returncode}: {' | '.join(tail)}"


# ================================================================ the child
def _child_main() -> None:
    """Reads one call on stdin, writes one (status, payload) answer on stdout."""
    answer_stream = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr  # whatever the call prints must not corrupt the answer
    function, args, memory_mb = pickle.loads(sys.stdin.buffer.read())
    from playground.errors import PlaygroundError

    if memory_mb:
        _limit_address_space(memory_mb * MiB)
    try:
        answer = ("ok", function(*args))
    except MemoryError:
        answer = ("memory", None)
    except PlaygroundError as err:
        answer = ("raised", err)
    except Exception as err:  # noqa: BLE001 - reported to the parent, which logs it
        answer = ("crashed", f"{type(err).__name__}: {err}")
    try:
        data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("memory", None))
    answer_stream.write(data)
    answer_stream.close()


def _limit_address_space(extra_bytes: int) -> None:
    """Lets this process grow by `extra_bytes` of address space, where Linux allows it."""
    try:
        import resource

        with open("/proc/self/statm") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):
        return  # not Linux: no per-process address-space limit
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = current + extra_bytes
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


if __name__ == "__main__":
    _child_main()
