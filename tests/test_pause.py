"""Pause, Step and Resume: in the trainer, on the board, and through a real pool.

Pause happens between epochs; Step trains exactly one more epoch and pauses
again; a paused run keeps its trainer until Resume, Stop or the pause
timeout, after which it ends as stopped with its model saved.
"""

from __future__ import annotations

import multiprocessing
import threading
import time

import pytest

from playground import runs
from playground.board import JobBoard
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.runs import EpochEnded, RunFinished, RunOrder, RunPaused, RunResult, RunResumed
from playground.settings import Settings
from playground.worker import PAUSE, RUN, STEP, STOP, SharedControl

TIMEOUT_S = 60
QUIET_S = 0.6  # long enough for a few epochs of the tiny run, were it not paused


def tiny_config(epochs: int = 6) -> ExperimentConfig:
    return ExperimentConfig(
        data=DataConfig(name="moons", n_samples=60),
        layers=[LayerConfig(4, "tanh")],
        epochs=epochs,
        batch_size=16,
    )


class TrainerThread:
    """The real trainer, run in a thread of this process with a shared control value."""

    def __init__(self, tmp_path, config: ExperimentConfig, start: int, **settings):
        from playground import trainer

        self.events: list = []
        self.value = multiprocessing.Value("i", start)
        control = SharedControl(self.value)
        order = RunOrder("job", config, str(tmp_path / "run"))
        self.thread = threading.Thread(
            target=trainer.run_job,
            args=(order, self.events.append, Settings(**settings)),
            kwargs={"should_stop": control.should_stop, "pause": control},
            daemon=True,
        )
        self.thread.start()

    def epochs(self) -> list[int]:
        return [event.epoch for event in self.events if isinstance(event, EpochEnded)]

    def wait_for(self, kind, epoch: int | None = None):
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            for event in list(self.events):
                if isinstance(event, kind) and epoch in (None, getattr(event, "epoch", None)):
                    return event
            time.sleep(0.02)
        raise AssertionError(f"no {kind.__name__} (epoch {epoch}) in {self.events}")

    def finish(self) -> RunFinished:
        self.thread.join(TIMEOUT_S)
        assert not self.thread.is_alive()
        return self.events[-1]


def test_pause_before_the_first_epoch_then_step_then_resume(tmp_path):
    run = TrainerThread(tmp_path, tiny_config(6), start=PAUSE)
    run.wait_for(RunPaused, epoch=1)  # a pause asked before training takes effect after epoch 1
    time.sleep(QUIET_S)
    assert run.epochs() == [1], "paused: the epoch count stays"

    run.value.value = STEP
    run.wait_for(RunPaused, epoch=2)
    time.sleep(QUIET_S)
    assert run.epochs() == [1, 2], "step: exactly one more epoch"
    assert run.value.value == PAUSE

    run.value.value = RUN
    finished = run.finish()
    assert isinstance(finished, RunFinished)
    assert run.epochs() == [1, 2, 3, 4, 5, 6], "resume: it goes on to the end"
    assert finished.summary.stopped is None and finished.summary.epochs_run == 6
    kinds = [type(event).__name__ for event in run.events if not isinstance(event, EpochEnded)]
    assert kinds.count("RunPaused") == 2 and kinds.count("RunResumed") == 2


def test_stop_while_paused_ends_the_run_at_once_with_its_model(tmp_path):
    run = TrainerThread(tmp_path, tiny_config(6), start=PAUSE)
    run.wait_for(RunPaused, epoch=1)
    run.value.value = STOP
    finished = run.finish()
    assert finished.summary.stopped == "user" and finished.summary.epochs_run == 1
    assert RunResult.load(finished.artifacts).model_path.is_file()


def test_a_pause_longer_than_the_timeout_ends_the_run_as_stopped_with_its_model(tmp_path):
    run = TrainerThread(tmp_path, tiny_config(6), start=PAUSE, pause_timeout_s=1)
    paused = time.monotonic()
    run.wait_for(RunPaused, epoch=1)
    finished = run.finish()
    assert time.monotonic() - paused >= 1.0
    assert isinstance(finished, RunFinished)
    assert finished.summary.stopped == "pause_timeout"
    assert finished.summary.epochs_run == 1 and run.epochs() == [1]
    result = RunResult.load(finished.artifacts)
    assert result.model_path.is_file() and len(result.history) == 1
    # On the board, the run ends as stopped, not finished.
    board = JobBoard(pause_timeout_s=1)
    job_id = board.submit(tiny_config(6), "alice")
    board.next_job(set())
    for event in run.events:
        board.apply(type(event)(**{**event.__dict__, "job": job_id}))
    assert board.view(job_id).status == runs.STOPPED
    assert board.view(job_id).stopped_by == "pause_timeout"


# --------------------------------------------------------------- the board
def test_the_board_follows_pause_and_resume_and_counts_a_paused_trainer_busy():
    board = JobBoard(pause_timeout_s=120)
    job_id = board.submit(tiny_config(), "alice")
    assert board.request_pause(job_id) is False  # queued: nothing to tell a trainer yet
    assert board.get(job_id).pause_requested
    board.next_job(set())
    board.apply(runs.RunStarted(job_id))
    assert board.request_step(job_id) is False  # not paused: nothing to step
    board.apply(EpochEnded(job_id, 1, {"epoch": 1, "loss": 0.5}))
    board.apply(RunPaused(job_id, 1))
    job = board.view(job_id)
    assert job.paused and job.paused_epoch == 1 and job.status == runs.RUNNING
    now = job.paused_at + 20
    assert board.remaining_seconds(job_id, now) == pytest.approx(100)
    assert board.remaining_seconds(job_id, job.paused_at + 500) == 0
    assert board.request_step(job_id) is True
    board.apply(RunResumed(job_id, 1))
    assert not board.view(job_id).paused and board.view(job_id).pause_requested
    assert board.request_resume(job_id) is True
    assert not board.view(job_id).pause_requested


def test_pause_and_step_are_refused_after_stop():
    board = JobBoard()
    job_id = board.submit(tiny_config(), "alice")
    board.next_job(set())
    board.apply(runs.RunStarted(job_id))
    board.apply(RunPaused(job_id, 1))
    assert board.request_stop(job_id)
    assert not board.request_resume(job_id)
    assert not board.request_step(job_id)
    assert not board.request_pause(job_id)


# ------------------------------------------------------------ a real pool
def test_pause_step_resume_through_a_pool_of_real_trainers(tmp_path):
    from playground.local_pool import LocalPool

    pool = LocalPool(Settings(pool_size=1, threads_per_worker=1), artifacts_root=tmp_path)
    try:
        assert pool.wait_until_ready(120)
        job_id = pool.submit(tiny_config(5), owner="alice")
        pool.pause(job_id)  # before it starts: it pauses after epoch 1
        job = wait_for(pool, job_id, lambda j: j.paused)
        assert job.paused_epoch == 1 and len(job.history) == 1
        time.sleep(QUIET_S)
        assert len(pool.snapshot(job_id).history) == 1
        pool.step(job_id)
        job = wait_for(pool, job_id, lambda j: j.paused and j.paused_epoch == 2)
        time.sleep(QUIET_S)
        assert len(pool.snapshot(job_id).history) == 2
        pool.resume(job_id)
        job = wait_for(pool, job_id, lambda j: not j.active)
        assert job.status == runs.FINISHED and len(job.history) == 5
    finally:
        pool.shutdown()


def wait_for(pool, job_id: str, condition, timeout: float = TIMEOUT_S):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = pool.snapshot(job_id)
        if condition(job):
            return job
        time.sleep(0.05)
    raise AssertionError(f"timed out: {pool.snapshot(job_id)}")
