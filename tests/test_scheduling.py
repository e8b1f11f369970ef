"""The class's scheduling rules and the job board, with exact numbers and no processes."""

import json

import pytest

from playground import runs
from playground.board import JOBS_LOG, JobBoard
from playground.config import DataConfig, ExperimentConfig
from playground.runs import EpochEnded, RunFailed, RunFinished, RunStarted, RunSummary
from playground.scheduling import JobQueue, QueuedJob, Trainer, WaitEstimator


def config(dataset="moons", epochs=10) -> ExperimentConfig:
    return ExperimentConfig(data=DataConfig(name=dataset), epochs=epochs)


# ------------------------------------------------------------------ the queue
def test_the_queue_is_first_come_first_served_but_skips_a_busy_owner():
    queue = JobQueue()
    for job_id, owner in (("a", "ann"), ("b", "ann"), ("c", "bob"), ("d", "cat")):
        queue.add(job_id, owner)
    assert queue.positions() == {"a": 1, "b": 2, "c": 3, "d": 4}
    assert queue.next_job(busy_owners=set()) == "a"
    assert queue.next_job(busy_owners={"ann"}) == "c"
    assert queue.next_job(busy_owners={"ann", "bob", "cat"}) is None
    queue.remove("a")
    queue.add_first("z", "zed")
    assert list(queue) == ["z", "b", "c", "d"]


# ------------------------------------------------------------------ the waits
def test_a_wait_replays_the_queue_on_the_trainers():
    estimator = WaitEstimator(epoch_seconds=1.0, overhead_seconds=2.0)
    queue = [
        QueuedJob("q1", "bob", "moons", 10),
        QueuedJob("q2", "cat", "moons", 5),
        QueuedJob("q3", "dan", "moons", 1),
    ]
    trainers = [Trainer(free_in=7.0, owner="ann"), Trainer(free_in=3.0, owner="eve")]
    # q1 takes the trainer free in 3 s and holds it 12 s; q2 the one free in 7 s, for 7 s;
    # q3 the first one free again, at 14 s.
    assert estimator.wait("q1", queue, trainers) == 3.0
    assert estimator.wait("q2", queue, trainers) == 7.0
    assert estimator.wait("q3", queue, trainers) == 14.0
    assert estimator.wait("not queued", queue, trainers) is None
    assert estimator.wait("q1", queue, []) is None


def test_an_owners_next_job_waits_for_their_running_one():
    estimator = WaitEstimator(epoch_seconds=1.0, overhead_seconds=2.0)
    queue = [QueuedJob("ann2", "ann", "moons", 3), QueuedJob("bob1", "bob", "moons", 3)]
    trainers = [Trainer(free_in=20.0, owner="ann"), Trainer(free_in=0.0)]
    assert estimator.wait("ann2", queue, trainers) == 20.0  # a free trainer, but ann is busy
    assert estimator.wait("bob1", queue, trainers) == 0.0  # ann's job does not hold bob up


def test_the_estimator_learns_each_datasets_pace():
    estimator = WaitEstimator(epoch_seconds=1.0, overhead_seconds=2.0)
    estimator.learn("mnist", epochs=2, fit_seconds=6.0, total_seconds=10.0)
    assert estimator.seconds_per_epoch("mnist") == 3.0
    assert estimator.overhead_seconds == 3.0  # halfway from 2 s to this run's 4 s
    assert estimator.seconds_per_epoch("iris") == 3.0  # unseen: the slowest known stands in
    estimator.learn("mnist", epochs=2, fit_seconds=2.0, total_seconds=4.0)
    assert estimator.seconds_per_epoch("mnist") == 2.0
    assert estimator.expected_seconds("mnist", 5) == 2.5 + 10.0
    assert estimator.remaining_seconds("mnist", 5, elapsed=6.0, epochs_done=2) == 9.0
    assert estimator.remaining_seconds("mnist", 5, elapsed=4.0, epochs_done=0) == 8.5


# ------------------------------------------------------------------ the board
def summary(stopped=None, fit=1.0) -> RunSummary:
    return RunSummary(
        dataset="moons",
        task="binary",
        kind="points2d",
        class_names=["0", "1"],
        n_test=10,
        config=config(),
        test={"accuracy": 0.9},
        stopped=stopped,
        seconds={"fit": fit},
    )


def test_a_job_goes_from_queued_to_finished_and_is_logged(tmp_path):
    board = JobBoard(log_folder=tmp_path)
    job_id = board.submit(config(epochs=2), owner="ann")
    assert board.view(job_id).status == runs.QUEUED and board.view(job_id).queue_position == 1
    job = board.next_job(busy_owners=set(), worker_pid=42)
    assert (job.id, job.status, job.queue_position) == (job_id, runs.STARTING, 0)
    board.apply(RunStarted(job_id))
    board.apply(EpochEnded(job_id, 1, {"epoch": 1, "loss": 0.5}, grid=[0.1, 0.2]))
    assert board.view(job_id).history == [{"epoch": 1, "loss": 0.5}]
    assert board.view(job_id).grid == [0.1, 0.2]
    ended = board.apply(RunFinished(job_id, str(tmp_path / job_id), summary()))
    assert ended.status == runs.FINISHED
    record = json.loads((tmp_path / JOBS_LOG).read_text())
    assert (record["id"], record["status"], record["worker_pid"]) == (job_id, "finished", 42)


def test_a_view_is_a_copy_the_page_cannot_change():
    board = JobBoard()
    job_id = board.submit(config(), owner="ann")
    board.view(job_id).config.epochs = 99
    assert board.view(job_id).config.epochs == 10


@pytest.mark.parametrize("final_status", [runs.STOPPED, runs.CANCELLED])
def test_stop_ends_a_queued_job_at_once_and_a_running_one_when_its_trainer_says(final_status):
    board = JobBoard()
    running, queued = board.submit(config(), "ann"), board.submit(config(), "bob")
    board.next_job(set())
    board.apply(RunStarted(running))
    assert board.request_stop(queued, final_status) is False  # nothing to signal
    assert board.view(queued).status == final_status
    assert board.request_stop(running, final_status) is True  # its trainer must be told
    assert board.view(running).status == runs.RUNNING
    board.apply(RunFinished(running, "folder", summary(stopped="user")))
    assert board.view(running).status == final_status


def test_a_failure_keeps_the_students_message_and_logs_the_detail(tmp_path):
    board = JobBoard(log_folder=tmp_path)
    job_id = board.submit(config(), "ann")
    board.next_job(set())
    board.apply(
        RunFailed(job_id, "train.failed", {}, {"kind": "ValueError", "message": "Seed must"})
    )
    assert board.view(job_id).error == ("train.failed", {})
    record = json.loads((tmp_path / JOBS_LOG).read_text())
    assert record["error"] == "train.failed" and record["error_detail"]["kind"] == "ValueError"


def test_the_oldest_ended_jobs_are_forgotten_with_their_files(tmp_path):
    board = JobBoard(max_kept=2)
    ids = []
    for owner in ("ann", "bob", "ann"):
        ids.append(board.submit(config(), owner))
        board.next_job(set())
        folder = tmp_path / ids[-1]
        folder.mkdir()
        board.apply(RunFinished(ids[-1], str(folder), summary()))
    assert [job.id for job in board.views_of("ann")] == [ids[2]]
    assert not (tmp_path / ids[0]).exists()
    assert (tmp_path / ids[1]).exists() and (tmp_path / ids[2]).exists()


def test_a_finished_run_teaches_the_board_its_pace(tmp_path):
    board = JobBoard(estimator=WaitEstimator(epoch_seconds=1.0, overhead_seconds=2.0))
    first = board.submit(config(epochs=4), "ann")
    board.next_job(set())
    board.apply(RunStarted(first))
    for epoch in range(1, 5):
        board.apply(EpochEnded(first, epoch, {"epoch": epoch}))
    board.get(first).started_at -= 10.0  # it took 10 s, 8 of them fitting
    board.apply(RunFinished(first, "folder", summary(fit=8.0)))
    assert board.estimator.seconds_per_epoch("moons") == 2.0
    queued = board.submit(config(epochs=3), "bob")
    assert board.estimated_wait(queued, [Trainer(5.0)]) == 5.0
    later = board.submit(config(epochs=3), "cat")
    # The overhead learned is 2 s plus the microseconds this test took between its events.
    assert board.estimated_wait(later, [Trainer(5.0)]) == pytest.approx(
        5.0 + 2.0 + 2.0 * 3, abs=1e-2
    )
