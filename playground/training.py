"""The background trainer: a bounded pool of spawned worker processes.

Pages talk to a `TrainingBackend`; `LocalPool` is the one that runs jobs on
this machine. A class that outgrows one server can put another backend
(for example one submitting the same job dicts to Ray) behind the same
five methods.

Inside `LocalPool`, one supervisor thread owns every worker: it reads their
events, hands queued jobs to idle workers, kills a worker that ignores
Stop, and replaces a worker that died, failing its job with a readable
reason. Workers are started when the pool is created, so TensorFlow's
import is paid before anyone presses Train, and are replaced by fresh ones
after `recycle_after_jobs` jobs, so that memory does not creep.

Scheduling for a class: jobs start in the order they were submitted
(FIFO), except that a browser session never has two jobs running at once;
its next job waits, without blocking anyone behind it, until its running
one ends. `estimated_wait` replays the queue against the recent run times.

Every job that ends is appended to `<runs dir>/jobs.jsonl` (times, status,
worker), for a teacher's record and for the classroom benchmark.
"""

from __future__ import annotations

import copy
import json
import logging
import multiprocessing
import os
import shutil
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from multiprocessing import connection
from pathlib import Path
from typing import Protocol

from playground.errors import PlaygroundError
from playground.settings import Settings, runs_dir
from playground.storage import disk_problem, ensure_writable_folder
from playground.worker import worker_main

log = logging.getLogger(__name__)

ACTIVE = ("queued", "starting", "running")
JOBS_LOG = "jobs.jsonl"
MAX_KEPT_JOBS = 2000  # ended jobs kept for the Evaluate page; the oldest go first
DEFAULT_EPOCH_SECONDS = 1.0  # the estimate before any job has finished
DEFAULT_OVERHEAD_SECONDS = 2.0
WORKER_START_SECONDS = 8.0


@dataclass
class JobView:
    """What a page needs to draw one job; a copy, safe to read anywhere.

    status is one of: queued (waiting for a free trainer), starting (handed
    to a trainer that has not picked it up yet), running (from loading the
    data to saving the model), finished, stopped, failed, cancelled.
    `history` holds one log dict per finished epoch; `batch` the latest
    throttled batch event; `grid` the latest 2-D decision values (after the
    run, those of the final model: with EarlyStopping's restored weights,
    the best epoch's). `error` is (message key, params) for the student;
    `error_detail` what the server log and the jobs log keep about an
    unexpected failure (exception kind and first line), never shown.
    """

    id: str
    owner: str
    config: dict
    status: str = "queued"
    queue_position: int = 0
    history: list[dict] = field(default_factory=list)
    batch: dict | None = None
    grid: list[float] | None = None
    error: tuple[str, dict] | None = None
    error_detail: dict | None = None
    result: dict | None = None
    artifacts: str | None = None
    stopped: str | None = None
    worker_pid: int | None = None
    stream: bool = True
    submitted_at: float = field(default_factory=time.time)
    started_at: float | None = None
    finished_at: float | None = None
    first_epoch_at: float | None = None

    @property
    def active(self) -> bool:
        return self.status in ACTIVE


class TrainingBackend(Protocol):
    def submit(self, config: dict, owner: str) -> str: ...
    def stop(self, job_id: str) -> None: ...
    def snapshot(self, job_id: str) -> JobView | None: ...
    def estimated_wait(self, job_id: str) -> float | None: ...
    def release_owner(self, owner: str) -> None: ...
    def shutdown(self) -> None: ...


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: connection.Connection
    stop_flag: object
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
    """A bounded pool of spawned training processes.

    Args:
        settings: pool size, threads per worker, stop grace period, recycling.
        artifacts_root: folder for one sub-folder of artifacts per job, and
            for the jobs log; PLAYGROUND_RUNS_DIR by default.
        worker_target: the function each worker process runs, with
            `worker_main`'s arguments (tests put a scripted worker here).

    Attributes:
        storage_problem: None, or the message key ("train.disk_full",
            "train.disk_not_writable") saying why runs cannot be saved.
    """

    def __init__(self, settings: Settings | None = None, artifacts_root: Path | None = None,
                 worker_target=worker_main):
        self.settings = settings or Settings.from_env()
        self._worker_target = worker_target
        self.artifacts_root, self.storage_problem = _artifacts_root(artifacts_root)
        self._context = multiprocessing.get_context("spawn")
        self._lock = threading.Lock()
        self._jobs: dict[str, JobView] = {}
        self._queue: deque[str] = deque()
        self._stop_requests: dict[str, str] = {}
        self._released_owners: set[str] = set()
        self._epoch_seconds: dict[str, float] = {}  # recent seconds per epoch, by dataset
        self._overhead_seconds = DEFAULT_OVERHEAD_SECONDS
        self._retiring: list[_Worker] = []
        self._closed = False
        # One worker imports TensorFlow at a time: two at once on a small server
        # made the first one ready twice as late (see docs/BENCHMARKS.md, first run).
        self._workers = [self._start_worker()]
        self._supervisor = threading.Thread(target=self._supervise, name="training-pool",
                                            daemon=True)
        self._supervisor.start()

    # ------------------------------------------------------------ public API
    def submit(self, config: dict, owner: str, stream: bool = True) -> str:
        """Queues a job and returns its id.

        Args:
            config: an ExperimentConfig dict.
            owner: the browser session's id; only it sees the job.
            stream: False sends no batch or epoch events (for benchmarks).
        """
        job_id = uuid.uuid4().hex[:12]
        with self._lock:
            if self._closed:
                raise RuntimeError("The training pool has been shut down.")
            self._jobs[job_id] = JobView(id=job_id, owner=owner, config=copy.deepcopy(config),
                                         stream=stream)
            self._queue.append(job_id)
            self._refresh_queue_positions()
        return job_id

    def stop(self, job_id: str, final_status: str = "stopped") -> None:
        """Asks a job to stop: a queued job is dropped; a starting or running one
        ends after its current batch.

        Args:
            final_status: "stopped" (the student pressed Stop) or "cancelled"
                (the session went away).
        """
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or not job.active:
                return
            if job.status == "queued":
                self._queue.remove(job_id)
                self._finish(job, final_status)
                self._refresh_queue_positions()
                return
            self._stop_requests[job_id] = final_status
            for worker in self._workers:
                if worker.job_id == job_id and worker.stop_requested_at is None:
                    worker.stop_flag.value = 1
                    worker.stop_requested_at = time.monotonic()

    def snapshot(self, job_id: str) -> JobView | None:
        with self._lock:
            job = self._jobs.get(job_id)
            return copy.deepcopy(job) if job is not None else None

    def release_owner(self, owner: str) -> None:
        """The browser session has gone: cancel its queued and running jobs,
        and forget all its jobs and their artifacts once they have ended."""
        with self._lock:
            self._released_owners.add(owner)
            ids = [j.id for j in self._jobs.values() if j.owner == owner and j.active]
            for job in [j for j in self._jobs.values() if j.owner == owner and not j.active]:
                self._forget(job)
        for job_id in ids:
            self.stop(job_id, final_status="cancelled")

    def estimated_wait(self, job_id: str) -> float | None:
        """Seconds until a queued job should start, or None if it is not queued
        (a "starting" job has a trainer already).

        Replays the queue on the workers: each running job ends after its
        remaining epochs at its own pace, each queued one takes what recent
        jobs on the same dataset took per epoch.
        """
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.status != "queued":
                return None
            now = time.time()
            free_at = [now + self._remaining_seconds(worker, now) for worker in self._workers]
            # Workers not started yet start one after another, each once the last is ready.
            not_started = self.settings.pool_size - len(self._workers)
            free_at += [now + WORKER_START_SECONDS * (n + 1 + (not self._all_ready()))
                        for n in range(not_started)]
            owner_free_at: dict[str, float] = {}
            for worker, free in zip(self._workers, free_at):
                if worker.job_id in self._jobs:
                    owner_free_at[self._jobs[worker.job_id].owner] = free
            for queued_id in self._queue:
                queued = self._jobs[queued_id]
                slot = min(range(len(free_at)), key=free_at.__getitem__)
                start = max(free_at[slot], owner_free_at.get(queued.owner, now))
                if queued_id == job_id:
                    return max(0.0, start - now)
                free_at[slot] = owner_free_at[queued.owner] = start + self._expected_seconds(queued)
        return None

    def ready_workers(self) -> int:
        """How many workers have finished importing TensorFlow."""
        with self._lock:
            return sum(w.ready for w in self._workers)

    def _all_ready(self) -> bool:
        return all(w.ready for w in self._workers)

    def worker_pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._workers if w.process.pid is not None]

    def jobs_of(self, owner: str) -> list[JobView]:
        """Copies of every job the pool still keeps for one browser, oldest first."""
        with self._lock:
            return [copy.deepcopy(j) for j in self._jobs.values() if j.owner == owner]

    def active_jobs(self, owner: str) -> list[JobView]:
        """Copies of one session's queued and running jobs, oldest first."""
        with self._lock:
            return [copy.deepcopy(j) for j in self._jobs.values() if j.owner == owner and j.active]

    def wait_until_ready(self, timeout: float = 120.0) -> bool:
        """Blocks until every worker has imported TensorFlow (for tests and benches)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self._workers) == self.settings.pool_size and self._all_ready():
                    return True
            time.sleep(0.05)
        return False

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stops all workers; no worker process outlives this call."""
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

    # -------------------------------------------------------------- workers
    def _start_worker(self) -> _Worker:
        parent_conn, child_conn = self._context.Pipe(duplex=True)
        stop_flag = self._context.RawValue("i", 0)
        process = self._context.Process(
            target=self._worker_target, name="playground-trainer", daemon=True,
            args=(child_conn, stop_flag, self.settings.threads_per_worker, os.getpid(),
                  self.settings.worker_nice))
        process.start()
        child_conn.close()
        return _Worker(process=process, conn=parent_conn, stop_flag=stop_flag)

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
                self._handle(worker, worker.conn.recv())
        except (EOFError, OSError):
            pass  # the worker died; _replace_dead_or_stuck_workers reports it

    def _handle(self, worker: _Worker, event: dict) -> None:
        kind = event["type"]
        if kind == "ready":
            worker.ready = True
            return
        job = self._jobs.get(event.get("job", ""))
        if job is None:
            return
        if kind == "started":
            job.status, job.started_at = "running", time.time()
        elif kind == "batch":
            job.batch = event
        elif kind == "epoch":
            job.history.append(event["logs"])
            job.first_epoch_at = job.first_epoch_at or time.time()
            if "grid" in event:
                job.grid = event["grid"]
        elif kind == "finished":
            job.artifacts, job.stopped = event["artifacts"], event["stopped"]
            job.result = event["result"]
            job.grid = event.get("grid", job.grid)
            requested = self._stop_requests.get(job.id)
            self._finish(job, requested or ("stopped" if event["stopped"] == "user" else "finished"))
            self._release(worker)
        elif kind == "failed":
            job.error = (event["code"], event.get("params", {}))
            job.error_detail = event.get("detail")
            if job.error_detail:
                log.warning("job %s failed: %s: %s", job.id, job.error_detail.get("kind"),
                            job.error_detail.get("message"))
            self._finish(job, "failed")
            self._release(worker)

    def _release(self, worker: _Worker) -> None:
        worker.job_id = None
        worker.stop_requested_at = None
        worker.stop_flag.value = 0
        worker.jobs_done += 1

    def _finish(self, job: JobView, status: str) -> None:
        job.status = status
        job.finished_at = time.time()
        job.queue_position = 0
        self._stop_requests.pop(job.id, None)
        self._learn_durations(job)
        self._append_to_log(job)
        if job.owner in self._released_owners:
            self._forget(job)
        self._drop_oldest_ended_jobs()

    def _forget(self, job: JobView) -> None:
        self._jobs.pop(job.id, None)
        if job.artifacts:
            shutil.rmtree(job.artifacts, ignore_errors=True)
        if not any(j.owner == job.owner for j in self._jobs.values()):
            self._released_owners.discard(job.owner)

    def _drop_oldest_ended_jobs(self) -> None:
        ended = [j for j in self._jobs.values() if not j.active]
        for job in ended[:max(0, len(ended) - MAX_KEPT_JOBS)]:
            self._forget(job)  # its files too, so the disk does not fill

    def _append_to_log(self, job: JobView) -> None:
        record = {
            "id": job.id, "owner": job.owner, "status": job.status,
            "dataset": job.config.get("data", {}).get("name"), "epochs": job.config.get("epochs"),
            "epochs_done": len(job.history), "worker_pid": job.worker_pid,
            "submitted_at": job.submitted_at, "started_at": job.started_at,
            "first_epoch_at": job.first_epoch_at, "finished_at": job.finished_at,
            "queue_wait_s": None if job.started_at is None else job.started_at - job.submitted_at,
            "error": job.error[0] if job.error else None,
            "error_detail": job.error_detail,
            "seconds": (job.result or {}).get("seconds"),
        }
        try:
            with open(self.artifacts_root / JOBS_LOG, "a", encoding="utf-8") as log:
                log.write(json.dumps(record) + "\n")
        except OSError:
            pass  # the log is a record, never a reason to fail a job

    # ------------------------------------------------------------ estimates
    def _learn_durations(self, job: JobView) -> None:
        seconds = (job.result or {}).get("seconds") or {}
        epochs = len(job.history)
        if job.status != "finished" or not epochs or "fit" not in seconds:
            return
        dataset = job.config.get("data", {}).get("name", "")
        per_epoch = seconds["fit"] / epochs
        previous = self._epoch_seconds.get(dataset, per_epoch)
        self._epoch_seconds[dataset] = 0.5 * previous + 0.5 * per_epoch
        overhead = max(0.0, (job.finished_at - job.started_at) - seconds["fit"])
        self._overhead_seconds = 0.5 * self._overhead_seconds + 0.5 * overhead

    def _expected_seconds(self, job: JobView) -> float:
        dataset = job.config.get("data", {}).get("name", "")
        known = self._epoch_seconds.get(dataset)
        if known is None and self._epoch_seconds:
            known = max(self._epoch_seconds.values())
        per_epoch = known if known is not None else DEFAULT_EPOCH_SECONDS
        return self._overhead_seconds + per_epoch * max(1, int(job.config.get("epochs", 1)))

    def _remaining_seconds(self, worker: _Worker, now: float) -> float:
        if not worker.ready:
            return WORKER_START_SECONDS
        job = self._jobs.get(worker.job_id or "")
        if job is None:
            return 0.0
        expected = self._expected_seconds(job)
        started = job.started_at or now
        done = len(job.history)
        if done and job.first_epoch_at:
            pace = (now - started) / done
            expected = (now - started) + pace * (max(1, int(job.config["epochs"])) - done)
        return max(0.0, started + expected - now)

    def _replace_dead_or_stuck_workers(self) -> None:
        for index, worker in enumerate(self._workers):
            stuck = (worker.stop_requested_at is not None and
                     time.monotonic() - worker.stop_requested_at > self.settings.stop_grace_s)
            if worker.process.is_alive() and not stuck:
                continue
            if stuck:
                worker.process.kill()
            worker.process.join(1.0)
            job = self._jobs.get(worker.job_id or "")
            if job is not None and job.active:
                if stuck:
                    self._finish(job, self._stop_requests.get(job.id, "stopped"))
                else:
                    job.error = ("train.worker_died", {"exitcode": worker.process.exitcode})
                    job.error_detail = {"kind": "WorkerDied", "message":
                                        f"pid {worker.process.pid} exit code {worker.process.exitcode}"}
                    log.warning("job %s failed: its worker %s died (exit code %s)", job.id,
                                worker.process.pid, worker.process.exitcode)
                    self._finish(job, "failed")
            worker.conn.close()
            self._workers[index] = self._start_worker()

    def _start_next_worker(self) -> None:
        """Starts one more worker, up to the pool size, once all the others are ready.

        While every worker is busy and nobody else waits, the next one waits
        too: on a small server its TensorFlow import would slow down the run
        in progress, which on a fresh server is the teacher's first click.
        """
        if len(self._workers) >= self.settings.pool_size or not self._all_ready():
            return
        if all(w.job_id for w in self._workers) and self._next_job_for_a_free_worker() is None:
            return
        self._workers.append(self._start_worker())

    def _recycle_worn_workers(self) -> None:
        """Replaces an idle worker that has run its share of jobs by a fresh one."""
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

    def _next_job_for_a_free_worker(self) -> str | None:
        """The oldest queued job whose session has no job running."""
        busy_owners = {self._jobs[w.job_id].owner for w in self._workers
                       if w.job_id in self._jobs}
        for job_id in self._queue:
            if self._jobs[job_id].owner not in busy_owners:
                return job_id
        return None

    def _dispatch(self) -> None:
        for worker in self._workers:
            if not self._queue:
                break
            if not worker.ready or worker.job_id is not None:
                continue
            next_id = self._next_job_for_a_free_worker()
            if next_id is None:
                break
            self._queue.remove(next_id)
            job = self._jobs[next_id]
            folder = self.artifacts_root / job.id
            worker.stop_flag.value = 0  # set here, not in the worker: a Stop may come before it reads the job
            try:
                worker.conn.send({"id": job.id, "config": job.config,
                                  "artifacts": str(folder), "stream": job.stream})
            except (OSError, ValueError):
                self._queue.appendleft(job.id)  # the worker died; it is replaced next round
                continue
            worker.job_id = job.id
            job.status, job.worker_pid, job.queue_position = "starting", worker.process.pid, 0
        self._refresh_queue_positions()

    def _refresh_queue_positions(self) -> None:
        for position, job_id in enumerate(self._queue, start=1):
            self._jobs[job_id].queue_position = position
