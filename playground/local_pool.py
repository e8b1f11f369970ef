"""The local backend: a bounded pool of spawned training processes on this machine.

One supervisor thread owns every process: it reads their events into the
`JobBoard`, hands the board's next job to an idle process, kills a process
that ignores Stop, and replaces one that died, failing its job with a
readable reason. Processes start with the server, one at a time (so
TensorFlow's import is paid before anyone presses Train, and two imports
never fight over a small server's cores), and are replaced by fresh ones
after `recycle_after_jobs` jobs, so that memory does not creep.

Which job goes next, and how long a queued job will wait, is the board's
business (`playground.scheduling`); this module only runs processes.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from dataclasses import dataclass
from multiprocessing import connection
from pathlib import Path

from playground import runs
from playground.board import JobBoard
from playground.classroom import Banner, ClassNotice, ClassOverview, Student, TrainerState
from playground.config import ExperimentConfig
from playground.errors import PlaygroundError
from playground.process_memory import resident_bytes
from playground.runs import JobView, RunOrder
from playground.scheduling import TRAINER_START_SECONDS, Trainer
from playground.settings import Settings, runs_dir
from playground.storage import disk_problem, ensure_writable_folder
from playground.worker import PAUSE, RUN, STEP, STOP, TrainerReady, worker_main

log = logging.getLogger(__name__)


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: connection.Connection
    control: object
    ready: bool = False
    job_id: str | None = None
    stop_requested_at: float | None = None
    jobs_done: int = 0


def _artifacts_root(chosen: Path | None) -> tuple[Path, str | None]:
    """The runs folder, created if needed, and what is wrong with it, if anything.

    A folder that cannot be created or written (PLAYGROUND_RUNS_DIR naming a
    file, a read-only disk) must not stop the pages: the pool starts anyway,
    the Train page explains, and every job fails fast with the same message.

    Returns:
        (folder, None) when runs can be saved there, else (folder, a message
        key: "train.disk_full" or "train.disk_not_writable").
    """
    text = str(chosen or os.environ.get("PLAYGROUND_RUNS_DIR", "").strip() or ".")
    try:
        folder = Path(chosen) if chosen else runs_dir()
        ensure_writable_folder(folder)
    except (OSError, PlaygroundError) as err:
        cause = err.__cause__ or err
        log.error("The runs folder %s cannot be used: %s", text, cause)
        code = err.code if isinstance(err, PlaygroundError) else disk_problem(err)
        return Path(text).expanduser(), code
    return folder, None


class LocalPool:
    """A bounded pool of spawned training processes (a `TrainingBackend`).

    Args:
        settings: pool size, threads per process, stop grace period,
            recycling, and the limits every job is checked against (the
            processes receive these settings, not the environment's).
        artifacts_root: folder for one sub-folder per job, and for the jobs
            log; PLAYGROUND_RUNS_DIR by default.
        worker_target: the function each process runs, with `worker_main`'s
            arguments (tests put a scripted worker here).

    Attributes:
        storage_problem: None, or the message key ("train.disk_full",
            "train.disk_not_writable") saying why runs cannot be saved.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        artifacts_root: Path | None = None,
        worker_target=worker_main,
    ):
        self.settings = settings or Settings.from_env()
        self._worker_target = worker_target
        self.artifacts_root, self.storage_problem = _artifacts_root(artifacts_root)
        self.board = JobBoard(
            log_folder=self.artifacts_root, pause_timeout_s=self.settings.pause_timeout_s
        )
        self._context = multiprocessing.get_context("spawn")
        self._lock = threading.Lock()
        self._retiring: list[_Worker] = []
        self._closed = False
        # One process imports TensorFlow at a time: two at once on a small server
        # made the first one ready twice as late (see docs/BENCHMARKS.md, first run).
        self._workers = [self._start_worker()]
        self._supervisor = threading.Thread(
            target=self._supervise, name="training-pool", daemon=True
        )
        self._supervisor.start()

    # ------------------------------------------------------------ the backend
    def submit(
        self, config: ExperimentConfig, owner: str, stream: bool = True, lesson: str = ""
    ) -> str:
        """Queues a job and returns its id.

        Args:
            config: the experiment.
            owner: the browser it belongs to; only that browser sees it.
            stream: False sends no batch or epoch events (benchmarks).
            lesson: the lesson it is trained under ("" for none).

        Raises:
            PlaygroundError: "class.paused" while the teacher has paused submissions.
        """
        with self._lock:
            if self._closed:
                raise RuntimeError("The training pool has been shut down.")
            return self.board.submit(config, owner, stream, lesson)

    def stop(self, job_id: str, final_status: str = runs.STOPPED) -> None:
        """Asks a job to stop: a queued job is dropped; a starting or running one
        ends after its current batch.

        Args:
            final_status: "stopped" (the student pressed Stop) or "cancelled"
                (the browser went away).
        """
        with self._lock:
            if not self.board.request_stop(job_id, final_status):
                return
            for worker in self._workers:
                if worker.job_id == job_id and worker.stop_requested_at is None:
                    worker.control.value = STOP
                    worker.stop_requested_at = time.monotonic()

    def pause(self, job_id: str) -> None:
        """Pauses a job at its next epoch's end (a queued one, at the end of its first
        epoch); it keeps its trainer until Resume, Stop or the pause timeout."""
        with self._lock:
            if self.board.request_pause(job_id):
                self._tell(job_id, PAUSE)

    def resume(self, job_id: str) -> None:
        """A paused (or pausing) job goes on training."""
        with self._lock:
            if self.board.request_resume(job_id):
                self._tell(job_id, RUN)

    def step(self, job_id: str) -> None:
        """A paused job trains exactly one more epoch, then pauses again."""
        with self._lock:
            if self.board.request_step(job_id):
                self._tell(job_id, STEP)

    def _tell(self, job_id: str, value: int) -> None:
        """Writes the control value of the trainer that holds `job_id`, unless it is stopping."""
        for worker in self._workers:
            if worker.job_id == job_id and worker.stop_requested_at is None:
                worker.control.value = value

    def cancel_jobs_of(self, owner: str) -> None:
        """The browser has gone: its queued and running jobs are cancelled."""
        for job in self.jobs_of(owner):
            if job.active:
                self.stop(job.id, final_status=runs.CANCELLED)

    def rename(self, job_id: str, owner: str, name: str) -> None:
        with self._lock:
            self.board.rename(job_id, owner, name)

    def snapshot(self, job_id: str) -> JobView | None:
        with self._lock:
            return self.board.view(job_id)

    def jobs_of(self, owner: str) -> list[JobView]:
        """Copies of every job the pool still keeps for one browser, oldest first."""
        with self._lock:
            return self.board.views_of(owner)

    def estimated_wait(self, job_id: str) -> float | None:
        """Seconds until a queued job should start, or None if it is not queued
        (a "starting" job has a trainer already)."""
        with self._lock:
            return self.board.estimated_wait(job_id, self._trainers(time.time()))

    def trainers_ready(self) -> int:
        """How many training processes have imported TensorFlow."""
        with self._lock:
            return sum(w.ready for w in self._workers)

    # ------------------------------------------------------------- the class
    def student(self, owner: str) -> Student:
        with self._lock:
            return self.board.student(owner)

    def set_nickname(self, owner: str, nickname: str) -> Student:
        with self._lock:
            return self.board.set_nickname(owner, nickname)

    def class_notice(self) -> ClassNotice:
        with self._lock:
            return self.board.notice()

    def pause_submissions(self, paused: bool) -> None:
        with self._lock:
            self.board.pause_submissions(paused)

    def set_banner(self, banner: Banner | None) -> None:
        with self._lock:
            self.board.set_banner(banner)

    def class_overview(self) -> ClassOverview:
        """Every run, the queue with its waits, and each process with its memory."""
        with self._lock:
            now = time.time()
            overview = ClassOverview(
                runs=self.board.class_runs(),
                queue=self.board.class_queue(self._trainers(now), now),
                notice=self.board.notice(),
            )
            pids = [(w.process.pid, w.job_id or "", w.ready) for w in self._workers]
        # /proc is read outside the lock: the supervisor never waits on the Teacher page.
        overview.trainers = [
            TrainerState(pid, job_id, ready, resident_bytes(pid)) for pid, job_id, ready in pids
        ]
        return overview

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stops all processes; none outlives this call."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._supervisor.join(timeout=2.0)
        with self._lock:  # read after the supervisor has stopped replacing workers
            workers = list(self._workers) + list(self._retiring)
        for worker in workers:
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        deadline = time.monotonic() + timeout
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(2.0)

    # ------------------------------------------------------ tests and benches
    def worker_pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._workers if w.process.pid is not None]

    def wait_until_ready(self, timeout: float = 120.0) -> bool:
        """Blocks until every process of the pool has imported TensorFlow."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self._workers) == self.settings.pool_size and self._all_ready():
                    return True
            time.sleep(0.05)
        return False

    # ------------------------------------------------------------- processes
    def _start_worker(self) -> _Worker:
        parent_conn, child_conn = self._context.Pipe(duplex=True)
        control = self._context.Value("i", RUN)  # its lock: the trainer turns STEP into PAUSE
        process = self._context.Process(
            target=self._worker_target,
            name="playground-trainer",
            daemon=True,
            args=(child_conn, control, self.settings, os.getpid()),
        )
        process.start()
        child_conn.close()
        return _Worker(process=process, conn=parent_conn, control=control)

    def _all_ready(self) -> bool:
        return all(w.ready for w in self._workers)

    def _trainers(self, now: float) -> list[Trainer]:
        """Every process there is or will be, as the wait estimate sees it."""
        trainers = []
        for worker in self._workers:
            job = self.board.get(worker.job_id or "")
            free_in = (
                TRAINER_START_SECONDS
                if not worker.ready
                else self.board.remaining_seconds(worker.job_id, now)
            )
            trainers.append(Trainer(free_in, job.owner if job else None))
        # Processes not started yet start one after another, each once the last is ready.
        pending = self.settings.pool_size - len(self._workers)
        trainers += [
            Trainer(TRAINER_START_SECONDS * (n + 1 + (not self._all_ready())))
            for n in range(pending)
        ]
        return trainers

    def _supervise(self) -> None:
        while True:
            with self._lock:
                if self._closed:
                    return
                conns = [w.conn for w in self._workers]
            try:
                ready = connection.wait(conns, timeout=0.1)
            except OSError:
                ready = []
            with self._lock:
                if self._closed:
                    return
                for worker in list(self._workers):
                    if worker.conn in ready:
                        self._drain(worker)
                self._replace_dead_or_stuck_workers()
                self._recycle_worn_workers()
                self._dispatch()
                self._start_next_worker()  # after dispatch: it asks whether the workers are busy

    def _drain(self, worker: _Worker) -> None:
        try:
            while worker.conn.poll():
                event = worker.conn.recv()
                if isinstance(event, TrainerReady):
                    worker.ready = True
                elif self.board.apply(event) is not None:
                    self._release(worker)
        except (EOFError, OSError):
            pass  # the process died; _replace_dead_or_stuck_workers reports it

    def _release(self, worker: _Worker) -> None:
        worker.job_id = None
        worker.stop_requested_at = None
        worker.control.value = RUN
        worker.jobs_done += 1

    def _replace_dead_or_stuck_workers(self) -> None:
        for index, worker in enumerate(self._workers):
            stuck = (
                worker.stop_requested_at is not None
                and time.monotonic() - worker.stop_requested_at > self.settings.stop_grace_s
            )
            if worker.process.is_alive() and not stuck:
                continue
            if stuck:
                worker.process.kill()
            worker.process.join(1.0)
            job = self.board.get(worker.job_id or "")
            if job is not None and job.active:
                if stuck:
                    self.board.end(job, runs.STOPPED)
                else:
                    exitcode = worker.process.exitcode
                    log.warning(
                        "job %s: its worker %s died (exit code %s)",
                        job.id,
                        worker.process.pid,
                        exitcode,
                    )
                    self.board.fail(
                        job,
                        "train.worker_died",
                        {"exitcode": exitcode},
                        {
                            "kind": "WorkerDied",
                            "message": f"pid {worker.process.pid} exit code {exitcode}",
                        },
                    )
            worker.conn.close()
            self._workers[index] = self._start_worker()

    def _start_next_worker(self) -> None:
        """Starts one more process, up to the pool size, once all the others are ready.

        While every process is busy and nobody else waits, the next one waits
        too: on a small server its TensorFlow import would slow down the run
        in progress, which on a fresh server is the teacher's first click.
        """
        if len(self._workers) >= self.settings.pool_size or not self._all_ready():
            return
        if all(w.job_id for w in self._workers) and self._next_job() is None:
            return
        self._workers.append(self._start_worker())

    def _recycle_worn_workers(self) -> None:
        """Replaces an idle process that has run its share of jobs by a fresh one."""
        for worker in [w for w in self._retiring if not w.process.is_alive()]:
            worker.process.join(0.1)
            worker.conn.close()
            self._retiring.remove(worker)
        for index, worker in enumerate(self._workers):
            if worker.job_id is None and worker.jobs_done >= self.settings.recycle_after_jobs:
                try:
                    worker.conn.send(None)
                except (OSError, ValueError):
                    worker.process.kill()
                self._retiring.append(worker)
                self._workers[index] = self._start_worker()

    def _busy_owners(self) -> set[str]:
        return {
            job.owner
            for job in (self.board.get(w.job_id) for w in self._workers if w.job_id)
            if job is not None
        }

    def _next_job(self) -> str | None:
        return self.board.queue.next_job(self._busy_owners())

    def _dispatch(self) -> None:
        for worker in self._workers:
            if not worker.ready or worker.job_id is not None:
                continue
            job = self.board.next_job(self._busy_owners(), worker.process.pid)
            if job is None:
                break
            # Set here, not in the process: a Stop may come before it reads the order.
            worker.control.value = PAUSE if job.pause_requested else RUN
            order = RunOrder(job.id, job.config, str(self.artifacts_root / job.id), job.stream)
            try:
                worker.conn.send(order)
            except (OSError, ValueError):
                self.board.put_back(job.id)  # the process died; it is replaced next round
                continue
            worker.job_id = job.id
