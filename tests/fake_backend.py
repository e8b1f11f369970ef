"""An in-process `TrainingBackend` for page tests: jobs move only when the test moves them.

It keeps its jobs on a real `JobBoard` (so queue positions, waits and
endings follow the same rules as every backend) and feeds it the same
events a trainer sends; no process, no TensorFlow, no timing. A page test
puts it behind the pages with `PLAYGROUND_BACKEND=tests.fake_backend:FakeBackend`
(see the `fake_backend` fixture in tests/test_fake_backend.py): no page changes.
"""

from __future__ import annotations

import contextlib
import time

import numpy as np

from playground import runs
from playground.board import JobBoard
from playground.classroom import Banner, ClassNotice, ClassOverview, Student, TrainerState
from playground.config import ExperimentConfig
from playground.runs import (
    BatchProgress,
    EpochEnded,
    JobView,
    RunFailed,
    RunFinished,
    RunPaused,
    RunResult,
    RunResumed,
    RunStarted,
    RunSummary,
)
from playground.scheduling import Trainer
from playground.settings import Settings

# The last one created, for the test that put it behind the pages.
created: list[FakeBackend] = []


class FakeBackend:
    """A backend whose trainers are the test itself.

    Args:
        settings: unused but for the protocol's constructor (`create_backend`).
        trainers: how many trainers it pretends to have.
    """

    def __init__(self, settings: Settings | None = None, trainers: int = 1):
        self.board = JobBoard()
        self.storage_problem: str | None = None
        self.trainers = trainers
        self.running: list[str] = []
        created.append(self)

    # ------------------------------------------------------------ the protocol
    def submit(self, config: ExperimentConfig, owner: str, lesson: str = "") -> str:
        return self.board.submit(config, owner, lesson=lesson)

    def stop(self, job_id: str) -> None:
        if self.board.request_stop(job_id):
            self.end_stopped(job_id)

    def pause(self, job_id: str) -> None:
        """A running job here is always between epochs: it pauses at once, or at
        the end of its first epoch when it has none yet (as a trainer does)."""
        if (
            self.board.request_pause(job_id)
            and job_id in self.running
            and self.board.get(job_id).history
        ):
            self._pause_now(job_id)

    def resume(self, job_id: str) -> None:
        job = self.board.get(job_id)
        if self.board.request_resume(job_id) and job.paused:
            self.board.apply(RunResumed(job_id, job.paused_epoch))

    def step(self, job_id: str) -> None:
        """Goes on; the test's next `epoch` pauses the job again."""
        job = self.board.get(job_id)
        if self.board.request_step(job_id):
            self.board.apply(RunResumed(job_id, job.paused_epoch))

    def cancel_jobs_of(self, owner: str) -> None:
        for job in self.board.views_of(owner):
            if job.active and self.board.request_stop(job.id, runs.CANCELLED):
                self.end_stopped(job.id)

    def rename(self, job_id: str, owner: str, name: str) -> None:
        self.board.rename(job_id, owner, name)

    def snapshot(self, job_id: str) -> JobView | None:
        return self.board.view(job_id)

    def jobs_of(self, owner: str) -> list[JobView]:
        return self.board.views_of(owner)

    def estimated_wait(self, job_id: str) -> float | None:
        return self.board.estimated_wait(job_id, self._trainers())

    def trainers_ready(self) -> int:
        return self.trainers

    def shutdown(self) -> None:
        pass

    def student(self, owner: str) -> Student:
        return self.board.student(owner)

    def set_nickname(self, owner: str, nickname: str) -> Student:
        return self.board.set_nickname(owner, nickname)

    def class_notice(self) -> ClassNotice:
        return self.board.notice()

    def class_overview(self) -> ClassOverview:
        trainers = [TrainerState(None, job_id, True, None) for job_id in self.running]
        trainers += [TrainerState(None, "", True, None)] * (self.trainers - len(self.running))
        return ClassOverview(
            runs=self.board.class_runs(),
            queue=self.board.class_queue(self._trainers(), time.time()),
            trainers=trainers,
            notice=self.board.notice(),
        )

    def pause_submissions(self, paused: bool) -> None:
        self.board.pause_submissions(paused)

    def set_banner(self, banner: Banner | None) -> None:
        self.board.set_banner(banner)

    def _trainers(self) -> list[Trainer]:
        busy = [Trainer(10.0, self.board.get(job_id).owner) for job_id in self.running]
        return busy + [Trainer(0.0)] * (self.trainers - len(busy))

    # ------------------------------------------------------------ the test's moves
    def start(self) -> str:
        """The next queued job goes to a trainer and starts; returns its id."""
        job = self.board.next_job({self.board.get(i).owner for i in self.running})
        self.running.append(job.id)
        self.board.apply(RunStarted(job.id))
        return job.id

    def epoch(self, job_id: str, logs: dict, grid: list[float] | None = None, network=None) -> None:
        epoch = len(self.board.get(job_id).history) + 1
        self.board.apply(BatchProgress(job_id, epoch, 5, 10, logs))
        self.board.apply(EpochEnded(job_id, epoch, {"epoch": epoch, **logs}, grid, network))
        if self.board.get(job_id).pause_requested:
            self._pause_now(job_id)

    def _pause_now(self, job_id: str) -> None:
        self.board.apply(RunPaused(job_id, len(self.board.get(job_id).history)))

    def finish(self, job_id: str, folder, result: RunResult) -> None:
        """Saves `result` in `folder` and ends the job with it."""
        result.folder = folder
        result.save()
        self.running.remove(job_id)
        self.board.apply(RunFinished(job_id, str(folder), result.summary))

    def fail(self, job_id: str, code: str, params: dict) -> None:
        self.running.remove(job_id)
        self.board.apply(RunFailed(job_id, code, params))

    def end_stopped(self, job_id: str) -> None:
        if job_id in self.running:
            self.running.remove(job_id)
        self.board.end(self.board.get(job_id), runs.STOPPED)


def binary_result(
    config: ExperimentConfig, history: list[dict], accuracy: float = 0.9
) -> RunResult:
    """A small yes/no run's files: 10 test rows, `accuracy` of them right."""
    y_true = np.array([0, 1] * 5)
    right = round(accuracy * len(y_true))
    prob = np.where(np.arange(len(y_true)) < right, y_true, 1 - y_true).astype(np.float32)[:, None]
    summary = RunSummary(
        dataset=config.data.name,
        task="binary",
        kind="points2d",
        class_names=["0", "1"],
        n_test=len(y_true),
        config=config,
        test={"loss": 0.3, "accuracy": accuracy},
        epochs_run=len(history),
        model_epoch=len(history),
        seconds={"fit": 1.0},
    )
    return RunResult(folder=None, summary=summary, history=history, y_true=y_true, prob=prob)


@contextlib.contextmanager
def behind_the_pages(monkeypatch):
    """Puts a FakeBackend behind the pages, the way a deployment chooses a backend
    (PLAYGROUND_BACKEND), with the pages' cached backend, settings and run files
    cleared before and after."""
    from ui import backend

    monkeypatch.setenv("PLAYGROUND_BACKEND", "tests.fake_backend:FakeBackend")
    caches = (backend.settings, backend.pool, backend.run_result)
    for cache in caches:
        cache.clear()
    try:
        yield
    finally:
        for cache in caches:
            cache.clear()
