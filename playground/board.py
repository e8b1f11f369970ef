"""The class's job board: every job, the queue, what happened to each, and the jobs log.

Bookkeeping only, no processes: a backend (the local pool, a Ray cluster)
hands jobs to its trainers and feeds their events in here, under its own
lock; the board decides the order (`playground.scheduling`), keeps the
`JobView` each page draws, and records every ended job, one JSON line each,
in `jobs.jsonl` for a teacher's record and the classroom benchmark.

It also keeps the class: each browser's number and nickname, whether the
teacher has paused new submissions, the banner every page shows, and the
rows of the Teacher page (`playground.classroom`).
"""

from __future__ import annotations

import copy
import json
import logging
import shutil
import time
import uuid
from pathlib import Path

from playground import runs
from playground.classroom import (
    Banner,
    ClassNotice,
    QueuedRun,
    RunRow,
    Student,
    clean_lesson,
    clean_nickname,
    run_row,
)
from playground.config import ExperimentConfig
from playground.errors import PlaygroundError
from playground.run_names import bounded_name
from playground.runs import (
    BatchProgress,
    EpochEnded,
    JobView,
    RunEvent,
    RunFailed,
    RunFinished,
    RunPaused,
    RunResumed,
    RunStarted,
)
from playground.scheduling import JobQueue, QueuedJob, Trainer, WaitEstimator

log = logging.getLogger(__name__)

JOBS_LOG = "jobs.jsonl"
MAX_KEPT_JOBS = 2000  # ended jobs kept for the pages; the oldest go first, with their files


class JobBoard:
    """Every job of a class, from submission to its end.

    Not thread-safe: its backend calls it under one lock.

    Args:
        log_folder: where `jobs.jsonl` is appended to; None keeps no log.
        estimator: learns run times and predicts waits.
        max_kept: ended jobs kept; older ones are forgotten and their files deleted.
        pause_timeout_s: the longest a paused job keeps its trainer (the
            trainer enforces it; the wait estimate counts on it).
    """

    def __init__(
        self,
        log_folder: Path | None = None,
        estimator: WaitEstimator | None = None,
        max_kept: int | None = None,
        pause_timeout_s: float = 120.0,
    ):
        self.log_folder = log_folder
        self.pause_timeout_s = pause_timeout_s
        self.estimator = estimator or WaitEstimator()
        self.max_kept = MAX_KEPT_JOBS if max_kept is None else max_kept
        self.queue = JobQueue()
        self._jobs: dict[str, JobView] = {}
        self._stop_requests: dict[str, str] = {}
        self._students: dict[str, Student] = {}
        self._notice = ClassNotice()
        # Rows of ended jobs never change but for their student's nickname: built once.
        self._ended_rows: dict[str, RunRow] = {}

    # ----------------------------------------------------------- questions
    def view(self, job_id: str) -> JobView | None:
        """A copy of one job, safe to hand to a page."""
        job = self._jobs.get(job_id)
        return copy.deepcopy(job) if job is not None else None

    def views_of(self, owner: str) -> list[JobView]:
        """Copies of every job one owner still has, oldest first."""
        return [copy.deepcopy(job) for job in self._jobs.values() if job.owner == owner]

    def get(self, job_id: str) -> JobView | None:
        """The board's own view of a job (not a copy): for its backend only."""
        return self._jobs.get(job_id)

    # -------------------------------------------------------------- the class
    def student(self, owner: str) -> Student:
        """The browser's number and nickname; a browser met for the first time gets the next number."""
        if owner not in self._students:
            self._students[owner] = Student(len(self._students) + 1)
        return self._students[owner]

    def set_nickname(self, owner: str, nickname: str) -> Student:
        """Keeps a browser's nickname, cleaned and cut to `classroom.MAX_NICKNAME_CHARS`
        ("" goes back to the default "student 7")."""
        self._students[owner] = Student(self.student(owner).number, clean_nickname(nickname))
        return self._students[owner]

    def notice(self) -> ClassNotice:
        """Whether submissions are paused, and the banner: what every page shows."""
        return self._notice

    def pause_submissions(self, paused: bool) -> None:
        """Stops (or allows again) new submissions; queued and running jobs go on."""
        self._notice = ClassNotice(bool(paused), self._notice.banner)

    def set_banner(self, banner: Banner | None) -> None:
        """Shows `banner` on every student's page (checked by `classroom.read_banner`); None clears it."""
        self._notice = ClassNotice(self._notice.paused, banner)

    def class_runs(self) -> list[RunRow]:
        """Every job the board keeps as a row of the class table, newest first."""
        rows = []
        for job in reversed(self._jobs.values()):
            student = self.student(job.owner)
            if job.active:
                rows.append(run_row(job, student))
                continue
            row = self._ended_rows.get(job.id)
            if row is None or row.student != student:
                row = self._ended_rows[job.id] = run_row(job, student)
            rows.append(row)
        return rows

    def class_queue(self, trainers: list[Trainer], now: float) -> list[QueuedRun]:
        """The queued jobs in the order they start, with their waits so far and to come."""
        queued = self._queued_jobs()
        waits = self.estimator.waits(queued, trainers)
        return [
            QueuedRun(
                run_row(self._jobs[entry.id], self.student(entry.owner)),
                now - self._jobs[entry.id].submitted_at,
                waits.get(entry.id),
            )
            for entry in queued
        ]

    # -------------------------------------------------------------- changes
    def submit(
        self, config: ExperimentConfig, owner: str, stream: bool = True, lesson: str = ""
    ) -> str:
        """Queues a job and returns its id.

        Args:
            config: the experiment; the board keeps its own copy.
            owner: the browser it belongs to; only that browser sees it.
            stream: False asks for no progress events (benchmarks).
            lesson: the lesson it is trained under, for the teacher's leaderboard.

        Raises:
            PlaygroundError: "class.paused" while the teacher has paused submissions.
        """
        if self._notice.paused:
            raise PlaygroundError("class.paused")
        self.student(owner)
        job_id = uuid.uuid4().hex[:12]
        self._jobs[job_id] = JobView(
            id=job_id,
            owner=owner,
            config=copy.deepcopy(config),
            stream=stream,
            lesson=clean_lesson(lesson),
        )
        self.queue.add(job_id, owner)
        self._number_the_queue()
        return job_id

    def rename(self, job_id: str, owner: str, name: str) -> bool:
        """Gives a job its student's name (`run_names.bounded_name`; "" for the automatic one).

        Returns:
            False when the job is unknown or belongs to another owner (nothing changes).
        """
        job = self._jobs.get(job_id)
        if job is None or job.owner != owner:
            return False
        job.name = bounded_name(name)
        return True

    def next_job(self, busy_owners: set[str], worker_pid: int | None = None) -> JobView | None:
        """Takes the next job a free trainer should start, marking it "starting".

        Args:
            busy_owners: owners with a job starting or running.
            worker_pid: the process that gets it, for the jobs log.
        """
        job_id = self.queue.next_job(busy_owners)
        if job_id is None:
            return None
        self.queue.remove(job_id)
        job = self._jobs[job_id]
        job.status, job.worker_pid, job.queue_position = runs.STARTING, worker_pid, 0
        self._number_the_queue()
        return job

    def put_back(self, job_id: str) -> None:
        """Returns a starting job to the head of the queue (its trainer vanished)."""
        job = self._jobs[job_id]
        job.status, job.worker_pid = runs.QUEUED, None
        self.queue.add_first(job_id, job.owner)
        self._number_the_queue()

    def request_stop(self, job_id: str, final_status: str = runs.STOPPED) -> bool:
        """Asks a job to stop.

        A queued job ends at once. A starting or running one ends when its
        trainer says so; its status will be `final_status` ("stopped" when
        the student pressed Stop, "cancelled" when their browser went away).

        Returns:
            True when a trainer must be told to stop this job.
        """
        job = self._jobs.get(job_id)
        if job is None or not job.active:
            return False
        if job.status == runs.QUEUED:
            self.queue.remove(job_id)
            self._number_the_queue()
            self.end(job, final_status)
            return False
        self._stop_requests[job_id] = final_status
        return True

    def request_pause(self, job_id: str) -> bool:
        """Asks a job to pause at its next epoch's end (a queued one, once it runs).

        Returns:
            True when a trainer must be told now (the job is starting or running).
        """
        return self._set_pause(job_id, True)

    def request_resume(self, job_id: str) -> bool:
        """Asks a paused (or pausing) job to go on.

        Returns:
            True when a trainer must be told now.
        """
        return self._set_pause(job_id, False)

    def request_step(self, job_id: str) -> bool:
        """Asks a paused job for one more epoch, after which it pauses again.

        Returns:
            True when a trainer must be told now (the job is paused).
        """
        job = self._jobs.get(job_id)
        if job is None or not job.paused or job.id in self._stop_requests:
            return False
        job.pause_requested = True
        return True

    def _set_pause(self, job_id: str, wanted: bool) -> bool:
        job = self._jobs.get(job_id)
        if job is None or not job.active or job.id in self._stop_requests:
            return False
        job.pause_requested = wanted
        return job.status != runs.QUEUED

    def apply(self, event: RunEvent) -> JobView | None:
        """Folds a trainer's event into its job.

        Returns:
            The job when the event ended it, else None.
        """
        job = self._jobs.get(event.job)
        if job is None:
            return None
        if isinstance(event, RunStarted):
            job.status, job.started_at = runs.RUNNING, time.time()
        elif isinstance(event, BatchProgress):
            job.batch = event
        elif isinstance(event, EpochEnded):
            job.history.append(event.logs)
            job.first_epoch_at = job.first_epoch_at or time.time()
            if event.grid is not None:
                job.grid = event.grid
            if event.network is not None:
                job.network = event.network
        elif isinstance(event, RunPaused):
            job.paused_at, job.paused_epoch = time.time(), event.epoch
        elif isinstance(event, RunResumed):
            job.paused_at = None
        elif isinstance(event, RunFinished):
            job.artifacts, job.summary = event.artifacts, event.summary
            job.grid = event.grid if event.grid is not None else job.grid
            asked = (
                event.summary.stopped in ("user", "pause_timeout") or job.id in self._stop_requests
            )
            self.end(job, runs.STOPPED if asked else runs.FINISHED)
            return job
        elif isinstance(event, RunFailed):
            self.fail(job, event.code, event.params, event.detail)
            return job
        return None

    def fail(
        self, job: JobView, code: str, params: dict | None = None, detail: dict | None = None
    ) -> None:
        """Ends a job without a model, with the student's message and the log's detail."""
        job.error, job.error_detail = (code, params or {}), detail
        if detail:
            log.warning("job %s failed: %s: %s", job.id, detail.get("kind"), detail.get("message"))
        self.end(job, runs.FAILED)

    def end(self, job: JobView, status: str) -> None:
        """Ends a job: learns its duration, logs it, and forgets the oldest ended jobs.

        A job ended as "stopped" takes the status its stop was asked with
        ("cancelled" when its browser went away).
        """
        requested = self._stop_requests.pop(job.id, None)
        if status == runs.STOPPED and requested:
            status = requested
        job.status, job.finished_at, job.queue_position = status, time.time(), 0
        job.paused_at, job.pause_requested = None, False
        self._learn(job)
        self._append_to_log(job)
        self._forget_oldest()

    # ---------------------------------------------------------------- waits
    def estimated_wait(self, job_id: str, trainers: list[Trainer]) -> float | None:
        """Seconds until a queued job should start, or None when it is not queued."""
        if job_id not in self.queue:
            return None
        return self.estimator.wait(job_id, self._queued_jobs(), trainers)

    def remaining_seconds(self, job_id: str | None, now: float) -> float:
        """Seconds until the job a trainer holds should end (0 for no job).

        A paused job counts as busy until its pause timeout: it may be
        resumed before, but it will not hold the trainer after.
        """
        job = self._jobs.get(job_id or "")
        if job is None:
            return 0.0
        if job.paused:
            return max(0.0, job.paused_at + self.pause_timeout_s - now)
        started = job.started_at or now
        return self.estimator.remaining_seconds(
            job.config.data.name, job.config.epochs, now - started, len(job.history)
        )

    # -------------------------------------------------------------- private
    def _queued_jobs(self) -> list[QueuedJob]:
        return [
            QueuedJob(
                queued_id,
                self._jobs[queued_id].owner,
                self._jobs[queued_id].config.data.name,
                self._jobs[queued_id].config.epochs,
            )
            for queued_id in self.queue
        ]

    def _number_the_queue(self) -> None:
        for job_id, position in self.queue.positions().items():
            self._jobs[job_id].queue_position = position

    def _learn(self, job: JobView) -> None:
        fit = job.summary.fit_seconds if job.summary else None
        if job.status == runs.FINISHED and fit is not None and job.started_at:
            self.estimator.learn(
                job.config.data.name, len(job.history), fit, job.finished_at - job.started_at
            )

    def _forget_oldest(self) -> None:
        ended = [job for job in self._jobs.values() if not job.active]
        for job in ended[: max(0, len(ended) - self.max_kept)]:
            self._jobs.pop(job.id, None)
            self._ended_rows.pop(job.id, None)
            if job.artifacts:  # its files go too, so the disk does not fill
                shutil.rmtree(job.artifacts, ignore_errors=True)

    def _append_to_log(self, job: JobView) -> None:
        if self.log_folder is None:
            return
        record = {
            "id": job.id,
            "owner": job.owner,
            "status": job.status,
            "dataset": job.config.data.name,
            "epochs": job.config.epochs,
            "epochs_done": len(job.history),
            "worker_pid": job.worker_pid,
            "submitted_at": job.submitted_at,
            "started_at": job.started_at,
            "first_epoch_at": job.first_epoch_at,
            "finished_at": job.finished_at,
            "queue_wait_s": None if job.started_at is None else job.started_at - job.submitted_at,
            "error": job.error[0] if job.error else None,
            "error_detail": job.error_detail,
            "seconds": job.summary.seconds if job.summary else None,
        }
        try:
            with open(self.log_folder / JOBS_LOG, "a", encoding="utf-8") as jobs_log:
                jobs_log.write(json.dumps(record) + "\n")
        except OSError:
            pass  # the log is a record, never a reason to fail a job
