"""A training process: its start, its loop over orders, and how it ends.

`worker_main` is the entry point of a spawned process. It gives up CPU
priority, imports TensorFlow once (so a student's click never waits for
it), says `TrainerReady`, then trains the `RunOrder`s its backend sends,
one at a time, until it receives None or its parent has gone. The training
itself is `playground.trainer`, imported only after TensorFlow: this module
stays free of Keras so that a backend can import it.
"""

from __future__ import annotations

import os
import signal
import threading
from dataclasses import dataclass

from playground import compile_cache
from playground.config import DataConfig
from playground.settings import Settings, runs_dir

# The shared control value a backend writes and the running job reads: RUN,
# STOP, PAUSE (at the next epoch's end), STEP (one more epoch, then PAUSE; the
# trainer turns STEP into PAUSE itself, under the value's lock).
RUN, STOP, PAUSE, STEP = 0, 1, 2, 3
# Under PLAYGROUND_RUNS_DIR: XLA's compiled programs, shared by the machine's trainers.
XLA_CACHE_FOLDER = "xla-cache"


class SharedControl:
    """The trainer's side of a job's shared control value: Stop, Pause, Step, Resume.

    Args:
        value: a `multiprocessing.Value("i")` (with its lock) the backend writes.
        parent_pid: the backend's process; a job whose backend has gone stops.
    """

    def __init__(self, value, parent_pid: int | None = None):
        self.value, self.parent_pid = value, parent_pid

    def should_stop(self) -> bool:
        """Stop was pressed, or the backend has gone."""
        parent_gone = self.parent_pid is not None and not _parent_alive(self.parent_pid)
        return self.value.value == STOP or parent_gone

    def after_epoch(self) -> bool:
        """Whether to pause at this epoch's end; a Step's one epoch ends here."""
        with self.value.get_lock():
            if self.value.value == STEP:
                self.value.value = PAUSE
            return self.value.value == PAUSE

    def resumed(self) -> bool:
        """Whether a paused job may go on: Resume (RUN) or Step (one more epoch)."""
        return self.value.value in (RUN, STEP)


@dataclass(frozen=True)
class TrainerReady:
    """The process has imported TensorFlow and waits for orders."""

    pid: int


def worker_main(conn, control, settings: Settings, parent_pid: int) -> None:
    """Entry point of a spawned training process.

    Args:
        conn: this process's end of a duplex pipe: `RunOrder`s (or None to
            quit) in, `TrainerReady` and `playground.runs` events out.
        control: shared `Value("i")`: `STOP` asks the running job to stop,
            `PAUSE` to pause at its next epoch's end, `STEP` to train one more
            epoch and pause, `RUN` to go on (see `SharedControl`).
        settings: the backend's settings: threads, priority and the limits
            every job is checked against.
        parent_pid: the backend's process; the worker exits when it is gone.
    """
    # Ctrl+C in the server's terminal reaches the whole process group; the server
    # stops its workers itself, after any job has been told to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if settings.worker_nice:
        os.nice(settings.worker_nice)
    share_compiled_programs(settings)
    # Reading MNIST (mostly zlib, which lets go of the GIL) overlaps the TensorFlow import.
    preload = threading.Thread(target=_preload_local_mnist, name="preload-mnist", daemon=True)
    preload.start()
    trainer = import_trainer(settings.threads_per_worker)
    conn.send(TrainerReady(os.getpid()))
    while _parent_alive(parent_pid):
        if not conn.poll(1.0):
            continue
        order = conn.recv()
        if order is None:
            return
        preload.join()  # a job on MNIST reads it once, not twice at the same time
        # The backend resets `control` before it sends an order: a Stop pressed
        # while the order was on its way must not be lost.
        shared = SharedControl(control, parent_pid)
        trainer.run_job(order, conn.send, settings, should_stop=shared.should_stop, pause=shared)


def share_compiled_programs(settings: Settings) -> None:
    """Before TensorFlow is imported: XLA reads and writes the machine's shared
    compilation cache (`playground.compile_cache`), unless PLAYGROUND_COMPILE_CACHE=0."""
    if not settings.compile_cache:
        return
    try:
        compile_cache.use_persistent_xla_cache(runs_dir() / XLA_CACHE_FOLDER)
    except OSError:
        pass  # a runs folder that cannot be written: the pool reports it; XLA compiles as before


def import_trainer(threads: int):
    """Imports the trainer (and with it TensorFlow), its thread counts set before its first op."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    from playground import trainer

    trainer.use_threads(threads)
    return trainer


def _parent_alive(parent_pid: int) -> bool:
    return os.getppid() == parent_pid


def _preload_local_mnist() -> None:
    """Reads mnist.npz from the data folder, if it is there (never downloads).

    What stays is the loader's cache of the file's arrays, which every MNIST
    job starts from whatever its rows and scaling; the one-row dataset made
    on the way is not kept.
    """
    from playground import datasets

    if datasets.find_data_file("mnist.npz") is not None:
        try:
            datasets.load_dataset(DataConfig(name="mnist", n_samples=1))
        except Exception:  # noqa: BLE001 - a job on MNIST will report the problem
            pass
