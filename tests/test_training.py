"""The background trainer: events, Stop, crashes, queueing, shutdown."""

import json
import os
import signal
import time
from pathlib import Path

import pytest

from devtools.streamlit_server import alive
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.settings import Settings
from playground.training import JOBS_LOG, LocalPool


def moons_config(epochs=5, **changes) -> dict:
    config = ExperimentConfig(data=DataConfig(name="moons", n_samples=200), epochs=epochs,
                              layers=[LayerConfig(8, "relu")], batch_size=16)
    for key, value in changes.items():
        setattr(config, key, value)
    return config.to_dict()


def wait_for(pool, job_id, predicate, timeout=90.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = pool.snapshot(job_id)
        if predicate(job):
            return job
        time.sleep(0.05)
    raise AssertionError(f"timed out; last state: {pool.snapshot(job_id)}")


def finished(job):
    return not job.active


@pytest.fixture(scope="module")
def pool(tmp_path_factory):
    training_pool = LocalPool(Settings(pool_size=1, stop_grace_s=5),
                              artifacts_root=tmp_path_factory.mktemp("runs"))
    assert training_pool.wait_until_ready(180)
    yield training_pool
    training_pool.shutdown()


def test_epoch_events_arrive_in_order_and_artifacts_are_saved(pool):
    assert pool.ready_workers() == 1
    job_id = pool.submit(moons_config(epochs=4), owner="alice")
    job = wait_for(pool, job_id, finished)
    assert job.status == "finished", job.error
    assert [entry["epoch"] for entry in job.history] == [1, 2, 3, 4]
    assert {"loss", "val_loss", "accuracy", "val_accuracy"} <= set(job.history[0])
    folder = Path(job.artifacts)
    for name in ("model.keras", "history.json", "predictions.npz", "result.json", "grid.npz"):
        assert (folder / name).exists(), name
    assert 0.0 <= job.result["test"]["accuracy"] <= 1.0
    assert job.grid is not None and len(job.grid) == 40 * 40


def test_progress_streams_while_the_job_runs(pool):
    job_id = pool.submit(moons_config(epochs=200), owner="alice")
    running = wait_for(pool, job_id, lambda j: len(j.history) >= 2)
    assert running.status == "running" and running.batch is not None
    pool.stop(job_id)
    wait_for(pool, job_id, finished)


def test_stop_ends_a_run_early(pool):
    job_id = pool.submit(moons_config(epochs=200), owner="alice")
    wait_for(pool, job_id, lambda j: len(j.history) >= 1)
    pool.stop(job_id)
    job = wait_for(pool, job_id, finished, timeout=30)
    assert job.status == "stopped"
    assert len(job.history) < 200


def test_a_killed_worker_is_reported_and_the_pool_recovers(pool):
    job_id = pool.submit(moons_config(epochs=200), owner="alice")
    job = wait_for(pool, job_id, lambda j: len(j.history) >= 1)
    os.kill(job.worker_pid, signal.SIGKILL)
    job = wait_for(pool, job_id, finished, timeout=30)
    assert job.status == "failed"
    assert job.error[0] == "train.worker_died"

    assert pool.wait_until_ready(180)
    again = wait_for(pool, pool.submit(moons_config(epochs=2), owner="alice"), finished)
    assert again.status == "finished"
    assert again.worker_pid != job.worker_pid


def test_ctrl_c_in_the_server_terminal_does_not_kill_a_training_worker(pool):
    worker = pool.worker_pids()[0]
    job_id = pool.submit(moons_config(epochs=30), owner="carol")
    wait_for(pool, job_id, lambda job: job.status == "running")
    os.kill(worker, signal.SIGINT)  # what Ctrl+C sends to the whole process group
    job = wait_for(pool, job_id, finished)
    assert job.status == "finished", job.error
    assert pool.worker_pids() == [worker]


def test_a_huge_learning_rate_stops_with_an_explanation(pool):
    config = ExperimentConfig(data=DataConfig(name="diabetes", scaling="none"), optimizer="sgd",
                              learning_rate=1e3, epochs=20, layers=[LayerConfig(16, "relu")])
    job = wait_for(pool, pool.submit(config.to_dict(), owner="bob"), finished)
    assert job.status == "failed"
    code, params = job.error
    assert code == "train.diverged"
    assert params["suggestion"] == pytest.approx(100.0)


def test_a_data_error_becomes_a_readable_failure(pool):
    config = ExperimentConfig(data=DataConfig(name="csv", csv_file="missing.csv", target="y"))
    job = wait_for(pool, pool.submit(config.to_dict(), owner="bob"), finished)
    assert job.status == "failed"
    assert job.error[0].startswith("data.")


def test_jobs_queue_in_order_and_a_gone_session_is_cancelled_and_forgotten(pool):
    first = pool.submit(moons_config(epochs=200), owner="carol")
    wait_for(pool, first, lambda j: j.status == "running")
    second = pool.submit(moons_config(epochs=200), owner="dave")
    third = pool.submit(moons_config(epochs=200), owner="carol")
    assert pool.snapshot(second).queue_position == 1
    assert pool.snapshot(third).queue_position == 2
    assert pool.estimated_wait(first) is None
    assert 0 < pool.estimated_wait(second) <= pool.estimated_wait(third)
    first_folder = pool.artifacts_root / first

    pool.release_owner("carol")
    assert pool.snapshot(third) is None  # a cancelled queued job of a gone session is forgotten
    wait_for(pool, first, lambda j: j is None, timeout=30)
    assert not first_folder.exists()
    assert wait_for(pool, second, lambda j: j.status == "running").queue_position == 0
    pool.stop(second)
    wait_for(pool, second, finished, timeout=30)

    records = {r["id"]: r for r in map(json.loads, (pool.artifacts_root / JOBS_LOG).open())}
    assert records[first]["status"] == records[third]["status"] == "cancelled"
    assert records[third]["started_at"] is None
    assert records[second]["status"] == "stopped" and records[second]["queue_wait_s"] > 0


def test_early_stopping_ends_training(pool):
    job_id = pool.submit(moons_config(epochs=200, early_stopping=True, patience=2,
                                      learning_rate=0.05), owner="erin")
    job = wait_for(pool, job_id, finished, timeout=120)
    assert job.status == "finished"
    assert job.stopped == "early_stopping"
    assert len(job.history) < 200


def test_shutdown_leaves_no_worker_processes(tmp_path):
    small = LocalPool(Settings(pool_size=1), artifacts_root=tmp_path)
    pids = small.worker_pids()
    small.shutdown()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_the_worker_refuses_a_model_over_the_size_limit(pool):
    huge = moons_config(epochs=1, layers=[{"units": 4096, "activation": "relu"}] * 3)
    job = wait_for(pool, pool.submit(huge, owner="mallory"), finished)
    assert job.status == "failed"
    assert job.error[0] == "check.too_many_params"


def test_a_session_runs_one_job_at_a_time_while_others_go_past(tmp_path):
    two = LocalPool(Settings(pool_size=2, threads_per_worker=1, stop_grace_s=5),
                    artifacts_root=tmp_path)
    try:
        assert two.wait_until_ready(180)
        long_one = two.submit(moons_config(epochs=200), owner="carol")
        carols_next = two.submit(moons_config(epochs=2), owner="carol")
        daves = two.submit(moons_config(epochs=2), owner="dave")
        wait_for(two, long_one, lambda j: j.status == "running")
        assert wait_for(two, daves, finished).status == "finished"
        assert two.snapshot(carols_next).status == "queued"  # a free worker, but carol is busy
        assert two.estimated_wait(carols_next) > 0
        two.stop(long_one)
        assert wait_for(two, carols_next, finished).status == "finished"
    finally:
        two.shutdown()


def test_workers_are_recycled_after_their_share_of_jobs(tmp_path):
    small = LocalPool(Settings(pool_size=1, recycle_after_jobs=2), artifacts_root=tmp_path)
    try:
        assert small.wait_until_ready(180)
        pids = [wait_for(small, small.submit(moons_config(epochs=1), owner="erin"), finished,
                         timeout=180).worker_pid for _ in range(3)]
        assert pids[0] == pids[1] != pids[2]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and alive(pids[0]):
            time.sleep(0.1)
        assert not alive(pids[0]), "the retired worker process is still running"
    finally:
        small.shutdown()

