"""The background trainer: events, Stop, crashes, queueing, shutdown, and runs that tell the truth."""

import errno
import json
import os
import signal
import time
from pathlib import Path

import pytest

from devtools.streamlit_server import alive
from playground import evaluation
from playground.board import JOBS_LOG
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.i18n import translate
from playground.local_pool import LocalPool
from playground.runs import EpochEnded, RunFailed, RunFinished, RunStarted, RunSummary
from playground.settings import Settings
from playground.worker import TrainerReady
from tests.conftest import train_in_process


def moons_config(epochs=5, **changes) -> ExperimentConfig:
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=200),
        epochs=epochs,
        layers=[LayerConfig(8, "relu")],
        batch_size=16,
    )
    for key, value in changes.items():
        setattr(config, key, value)
    return config


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
    training_pool = LocalPool(
        Settings(pool_size=1, stop_grace_s=5), artifacts_root=tmp_path_factory.mktemp("runs")
    )
    assert training_pool.wait_until_ready(180)
    yield training_pool
    training_pool.shutdown()


def test_epoch_events_arrive_in_order_and_artifacts_are_saved(pool):
    assert pool.trainers_ready() == 1
    job_id = pool.submit(moons_config(epochs=4), owner="alice")
    job = wait_for(pool, job_id, finished)
    assert job.status == "finished", job.error
    assert [entry["epoch"] for entry in job.history] == [1, 2, 3, 4]
    assert {"loss", "val_loss", "accuracy", "val_accuracy"} <= set(job.history[0])
    folder = Path(job.artifacts)
    for name in ("model.keras", "history.json", "predictions.npz", "result.json", "grid.npz"):
        assert (folder / name).exists(), name
    assert 0.0 <= job.summary.test["accuracy"] <= 1.0
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
    config = ExperimentConfig(
        data=DataConfig(name="diabetes", scaling="none"),
        optimizer="sgd",
        learning_rate=1e3,
        epochs=20,
        layers=[LayerConfig(16, "relu")],
    )
    job = wait_for(pool, pool.submit(config, owner="bob"), finished)
    assert job.status == "failed"
    code, params = job.error
    assert code in ("train.diverged", "train.exploded")
    assert params["suggestion"] == pytest.approx(100.0)


def test_a_loss_that_is_huge_from_the_first_epoch_is_caught(pool):
    # Adam at 1000 on moons: ~3e9 at epoch 1 already, so comparing with the first
    # loss seen caught nothing and the run "finished" after 30 epochs.
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=200), learning_rate=1000.0, epochs=10
    )
    job = wait_for(pool, pool.submit(config, owner="bob"), finished)
    assert job.status == "failed", job.summary
    code, params = job.error
    assert code == "train.exploded"
    assert params["epoch"] == 1 and params["loss"] > 100 * params["reference"]
    assert params["reference"] == pytest.approx(0.69, abs=0.3)  # about ln 2: nothing learned yet
    assert params["suggestion"] == pytest.approx(100.0)
    message = translate(code, "en", **params)
    assert "10× smaller learning rate, 100" in message and "{" not in message
    assert "{" not in translate(code, "ko", **params)


def test_unscaled_inputs_train_badly_but_are_not_called_diverged(pool):
    # Raw breast-cancer features (up to ~4000) start with a loss near 100: that is
    # the lesson "scale your inputs", not a blown-up learning rate.
    config = ExperimentConfig(data=DataConfig(name="breast_cancer", scaling="none"), epochs=3)
    job = wait_for(pool, pool.submit(config, owner="bob"), finished)
    assert job.status == "finished", job.error
    divergence = job.summary.divergence
    assert divergence["reference"] > 10 * divergence["guess_loss"]
    assert max(entry["loss"] for entry in job.history) < divergence["reference"]


def test_a_run_no_better_than_guessing_says_so_and_why(pool):
    # Circles with no hidden layer: a straight line cannot separate two rings.
    config = ExperimentConfig(data=DataConfig(name="circles", n_samples=300), layers=[], epochs=5)
    job = wait_for(pool, pool.submit(config, owner="erin"), finished)
    assert job.status == "finished", job.error
    chance = job.summary.chance
    assert chance["at_chance"] is True
    assert chance["accuracy"] <= chance["guess_accuracy"] + chance["margin"]
    codes = [code for code, _ in chance["reasons"]]
    assert codes[0] == "chance.reason.no_hidden"


def test_a_good_run_is_not_called_chance_level(pool):
    job = wait_for(
        pool, pool.submit(moons_config(epochs=15, learning_rate=0.01), owner="erin"), finished
    )
    assert job.status == "finished", job.error
    chance = job.summary.chance
    assert chance["at_chance"] is False
    assert chance["accuracy"] > chance["guess_accuracy"] + chance["margin"]


def test_a_data_error_becomes_a_readable_failure(pool):
    config = ExperimentConfig(data=DataConfig(name="csv", csv_file="missing.csv", target="y"))
    job = wait_for(pool, pool.submit(config, owner="bob"), finished)
    assert job.status == "failed"
    assert job.error[0].startswith("data.")


def test_jobs_queue_in_order_and_a_gone_browser_is_cancelled(pool):
    first = pool.submit(moons_config(epochs=200), owner="carol")
    wait_for(pool, first, lambda j: j.status == "running")
    second = pool.submit(moons_config(epochs=200), owner="dave")
    third = pool.submit(moons_config(epochs=200), owner="carol")
    assert pool.snapshot(second).queue_position == 1
    assert pool.snapshot(third).queue_position == 2
    assert pool.estimated_wait(first) is None
    assert 0 < pool.estimated_wait(second) <= pool.estimated_wait(third)

    pool.cancel_jobs_of("carol")
    assert pool.snapshot(third).status == "cancelled"  # a queued job ends at once
    assert wait_for(pool, first, finished, timeout=30).status == "cancelled"
    assert wait_for(pool, second, lambda j: j.status == "running").queue_position == 0
    pool.stop(second)
    wait_for(pool, second, finished, timeout=30)

    records = {r["id"]: r for r in map(json.loads, (pool.artifacts_root / JOBS_LOG).open())}
    assert records[first]["status"] == records[third]["status"] == "cancelled"
    assert records[third]["started_at"] is None
    assert records[second]["status"] == "stopped" and records[second]["queue_wait_s"] > 0


def test_early_stopping_ends_training_and_reports_the_restored_epoch(pool):
    job_id = pool.submit(
        moons_config(
            epochs=200,
            early_stopping=True,
            patience=2,
            restore_best_weights=True,
            learning_rate=0.05,
        ),
        owner="erin",
    )
    job = wait_for(pool, job_id, finished, timeout=120)
    assert job.status == "finished"
    assert job.stopped_by == "early_stopping"
    assert len(job.history) < 200
    info = job.summary.early_stopping
    assert info.stopped_epoch == len(job.history)
    assert info.restored is True
    assert info.best_epoch == evaluation.best_epoch(job.history) < len(job.history)
    assert job.summary.model_epoch == info.best_epoch


def test_shutdown_leaves_no_worker_processes(tmp_path):
    small = LocalPool(Settings(pool_size=1), artifacts_root=tmp_path)
    pids = small.worker_pids()
    small.shutdown()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_the_worker_refuses_a_model_over_the_size_limit(pool):
    huge = moons_config(epochs=1, layers=[LayerConfig(4096, "relu")] * 3)
    job = wait_for(pool, pool.submit(huge, owner="mallory"), finished)
    assert job.status == "failed"
    assert job.error[0] == "check.too_many_params"


def test_a_session_runs_one_job_at_a_time_while_others_go_past(tmp_path):
    two = LocalPool(
        Settings(pool_size=2, threads_per_worker=1, stop_grace_s=5), artifacts_root=tmp_path
    )
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
        pids = [
            wait_for(
                small, small.submit(moons_config(epochs=1), owner="erin"), finished, timeout=180
            ).worker_pid
            for _ in range(3)
        ]
        assert pids[0] == pids[1] != pids[2]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and alive(pids[0]):
            time.sleep(0.1)
        assert not alive(pids[0]), "the retired worker process is still running"
    finally:
        small.shutdown()


# ------------------------------------------------------------ a scripted trainer
HOLD_BEFORE_START_S = 4.0


def scripted_worker(conn, control, settings, parent_pid):
    """A stand-in trainer for `LocalPool(worker_target=...)`: ready at once, slow
    to pick up each job (as a real one is while it reads data ahead), then done."""
    conn.send(TrainerReady(os.getpid()))
    while (order := conn.recv()) is not None:
        time.sleep(HOLD_BEFORE_START_S)
        conn.send(RunStarted(order.job))
        summary = RunSummary(
            dataset="moons",
            task="binary",
            kind="points2d",
            class_names=["0", "1"],
            n_test=0,
            config=order.config,
            test={},
            seconds={"fit": 0.1},
        )
        conn.send(RunFinished(order.job, order.artifacts, summary))


def test_a_job_handed_to_a_trainer_is_starting_not_number_0_in_the_queue(tmp_path):
    scripted = LocalPool(
        Settings(pool_size=1), artifacts_root=tmp_path, worker_target=scripted_worker
    )
    try:
        assert scripted.wait_until_ready(60)
        job_id = scripted.submit(moons_config(), owner="alice")
        job = wait_for(scripted, job_id, lambda j: j.status != "queued", timeout=10)
        assert job.status == "starting" and job.active
        assert job.queue_position == 0
        assert (
            scripted.estimated_wait(job_id) is None
        )  # no "about 5 s to go" for a run that has a trainer
        assert [active.id for active in scripted.jobs_of("alice") if active.active] == [job_id]
        assert wait_for(scripted, job_id, finished, timeout=30).status == "finished"
    finally:
        scripted.shutdown()


def test_a_runs_folder_that_is_a_file_does_not_stop_the_pool(tmp_path, monkeypatch):
    not_a_folder = tmp_path / "runs"
    not_a_folder.write_text("a file where the runs folder should be")
    monkeypatch.setenv("PLAYGROUND_RUNS_DIR", str(not_a_folder))
    scripted = LocalPool(Settings(pool_size=1), worker_target=scripted_worker)
    try:
        assert scripted.storage_problem == "train.disk_not_writable"
        for lang in ("en", "ko"):
            message = translate(scripted.storage_problem, lang)
            assert str(tmp_path) not in message and "Errno" not in message
        assert scripted.wait_until_ready(60)
    finally:
        scripted.shutdown()


def test_workers_start_one_after_another(tmp_path):
    scripted = LocalPool(
        Settings(pool_size=2), artifacts_root=tmp_path, worker_target=scripted_worker
    )
    try:
        assert len(scripted.worker_pids()) == 1  # the second waits until the first is ready
        assert scripted.wait_until_ready(60)
        assert len(set(scripted.worker_pids())) == 2
    finally:
        scripted.shutdown()


def test_the_second_worker_does_not_slow_down_the_first_run_on_a_fresh_server(tmp_path):
    scripted = LocalPool(
        Settings(pool_size=2), artifacts_root=tmp_path, worker_target=scripted_worker
    )
    try:
        teachers = scripted.submit(moons_config(), owner="teacher")  # before any worker is ready
        wait_for(scripted, teachers, lambda j: j.status == "starting", timeout=60)
        time.sleep(1.0)
        assert len(scripted.worker_pids()) == 1, (
            "nobody else waits: no second TensorFlow import now"
        )
        students = scripted.submit(moons_config(), owner="student")
        deadline = time.monotonic() + 10
        while len(scripted.worker_pids()) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(scripted.worker_pids()) == 2, "a second student waits: start the second worker"
        assert wait_for(scripted, students, finished, timeout=60).status == "finished"
    finally:
        scripted.shutdown()


# ------------------------------------------------------------ a class of two
def test_a_killed_trainer_hurts_only_its_own_student(tmp_path):
    two = LocalPool(
        Settings(pool_size=2, threads_per_worker=1, stop_grace_s=5), artifacts_root=tmp_path
    )
    try:
        assert two.wait_until_ready(240)
        alices = two.submit(moons_config(epochs=200), owner="alice")
        bobs = two.submit(moons_config(epochs=150), owner="bob")
        alice = wait_for(two, alices, lambda j: len(j.history) >= 1)
        assert wait_for(two, bobs, lambda j: j.status == "running").active
        os.kill(alice.worker_pid, signal.SIGKILL)

        alice = wait_for(two, alices, finished, timeout=30)
        assert alice.status == "failed" and alice.error[0] == "train.worker_died"
        assert "stopped unexpectedly" in translate(alice.error[0], "en", **alice.error[1])
        assert "예기치 않게" in translate(alice.error[0], "ko", **alice.error[1])
        assert two.snapshot(bobs).active, "bob's run must go on"
        assert wait_for(two, bobs, finished).status == "finished"

        assert two.wait_until_ready(240)
        pids = two.worker_pids()
        assert len(pids) == 2 and alice.worker_pid not in pids and all(alive(p) for p in pids)
        again = wait_for(two, two.submit(moons_config(epochs=2), owner="alice"), finished)
        assert again.status == "finished", again.error
    finally:
        two.shutdown()


# ------------------------------------------------------------ overfitting
# The default moons run (then 500 points, Adam at 0.01, 30 epochs; seed 0) as the
# worker logged it: validation loss 0.174 at its best (epoch 23), 0.196 at the end. Noise,
# not memorizing.
DEFAULT_MOONS_VAL_LOSS = [
    0.48,
    0.453,
    0.462,
    0.439,
    0.429,
    0.429,
    0.427,
    0.42,
    0.411,
    0.395,
    0.376,
    0.346,
    0.31,
    0.278,
    0.252,
    0.225,
    0.215,
    0.195,
    0.201,
    0.181,
    0.189,
    0.19,
    0.174,
    0.186,
    0.188,
    0.18,
    0.185,
    0.196,
    0.192,
    0.196,
]
DEFAULT_MOONS_LOSS = [
    0.617,
    0.344,
    0.283,
    0.263,
    0.259,
    0.256,
    0.252,
    0.247,
    0.242,
    0.232,
    0.219,
    0.202,
    0.181,
    0.158,
    0.135,
    0.116,
    0.101,
    0.088,
    0.08,
    0.072,
    0.068,
    0.064,
    0.06,
    0.059,
    0.056,
    0.054,
    0.053,
    0.051,
    0.049,
    0.048,
]

# The default moons run with Keras's own defaults (1,000 points, Adam at 0.001, 60 epochs;
# seed 0), as the worker logged it: validation loss falls to the end.
KERAS_DEFAULTS_MOONS_VAL_LOSS = [
    0.7244,
    0.6182,
    0.5233,
    0.4431,
    0.3813,
    0.3372,
    0.3098,
    0.2937,
    0.2841,
    0.2796,
    0.2765,
    0.2742,
    0.2727,
    0.2717,
    0.2708,
    0.27,
    0.2692,
    0.2685,
    0.2677,
    0.267,
    0.2662,
    0.2653,
    0.2644,
    0.2631,
    0.2617,
    0.2603,
    0.2587,
    0.2571,
    0.2555,
    0.2537,
    0.2519,
    0.2501,
    0.2482,
    0.2461,
    0.244,
    0.2417,
    0.2393,
    0.2371,
    0.2348,
    0.2324,
    0.2299,
    0.2271,
    0.2246,
    0.2217,
    0.2189,
    0.2162,
    0.2136,
    0.2107,
    0.208,
    0.2055,
    0.203,
    0.2006,
    0.1984,
    0.1959,
    0.1937,
    0.1914,
    0.1893,
    0.1873,
    0.1853,
    0.1835,
]
KERAS_DEFAULTS_MOONS_LOSS = [
    0.7955,
    0.6899,
    0.592,
    0.5098,
    0.4441,
    0.3964,
    0.3645,
    0.3446,
    0.3315,
    0.3226,
    0.317,
    0.313,
    0.3099,
    0.3073,
    0.3049,
    0.3027,
    0.3006,
    0.2985,
    0.2963,
    0.294,
    0.2916,
    0.289,
    0.2863,
    0.2834,
    0.2805,
    0.2775,
    0.2745,
    0.2714,
    0.2682,
    0.2648,
    0.2614,
    0.2579,
    0.2543,
    0.2506,
    0.2468,
    0.2429,
    0.2388,
    0.2347,
    0.2307,
    0.2266,
    0.2224,
    0.2181,
    0.2136,
    0.2092,
    0.2046,
    0.2001,
    0.1955,
    0.191,
    0.1865,
    0.1821,
    0.1777,
    0.1733,
    0.169,
    0.1649,
    0.1608,
    0.1568,
    0.1529,
    0.1492,
    0.1455,
    0.142,
]


@pytest.mark.parametrize(
    "losses, val_losses",
    [
        (DEFAULT_MOONS_LOSS, DEFAULT_MOONS_VAL_LOSS),
        (KERAS_DEFAULTS_MOONS_LOSS, KERAS_DEFAULTS_MOONS_VAL_LOSS),
    ],
)
def test_the_default_moons_run_is_not_called_overfit(losses, val_losses):
    history = [
        {"epoch": epoch, "loss": loss, "val_loss": val_loss}
        for epoch, (loss, val_loss) in enumerate(zip(losses, val_losses), start=1)
    ]
    assert not any(evaluation.looks_overfit(history[:end]) for end in range(1, len(history) + 1))


def test_a_wide_net_on_40_noisy_points_overfits_and_is_called_so(pool):
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=40, noise=0.35),
        layers=[LayerConfig(256, "relu"), LayerConfig(256, "relu")],
        optimizer="adam",
        learning_rate=0.01,
        epochs=60,
    )
    job = wait_for(pool, pool.submit(config, owner="frank"), finished, timeout=180)
    assert job.status == "finished", job.error
    assert evaluation.looks_overfit(job.history)
    best = evaluation.best_epoch(job.history)
    assert job.history[-1]["val_loss"] > 2 * job.history[best - 1]["val_loss"]


# ------------------------------------------------------------ in this process
def test_the_final_boundary_is_the_restored_best_epoch(tmp_path):
    events = train_in_process(
        moons_config(
            epochs=200,
            early_stopping=True,
            patience=3,
            restore_best_weights=True,
            learning_rate=0.05,
        ),
        tmp_path / "run",
    )
    grids = {event.epoch: event.grid for event in events if isinstance(event, EpochEnded)}
    end = events[-1]
    assert isinstance(end, RunFinished)
    best = end.summary.early_stopping.best_epoch
    assert best < max(grids)
    assert end.grid == grids[best] != grids[max(grids)]


def test_a_runs_folder_that_cannot_be_created_fails_before_training(tmp_path):
    blocker = tmp_path / "runs"
    blocker.write_text("a file")
    events = train_in_process(moons_config(epochs=50), blocker / "job")
    assert [type(event) for event in events] == [RunStarted, RunFailed]
    assert events[-1].code == "train.disk_not_writable"
    assert str(tmp_path) not in translate(events[-1].code, "en", **events[-1].params)


def test_a_full_disk_while_saving_is_explained(tmp_path, monkeypatch):
    import keras

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "model.keras"))

    monkeypatch.setattr(keras.Model, "save", full_disk)
    events = train_in_process(moons_config(epochs=2), tmp_path / "run")
    failed = events[-1]
    assert isinstance(failed, RunFailed) and failed.code == "train.disk_full"
    for lang in ("en", "ko"):
        message = translate(failed.code, lang, **failed.params)
        assert "No space" not in message and str(tmp_path) not in message
    assert failed.detail["kind"] == "OSError"


def test_an_unexpected_error_is_shown_without_library_text(tmp_path, monkeypatch):
    from playground import models

    def numpy_refuses(*args, **kwargs):
        raise ValueError("Seed must be between 0 and 2**32 - 1")

    monkeypatch.setattr(models, "build_model", numpy_refuses)
    failed = train_in_process(moons_config(epochs=2), tmp_path / "run")[-1]
    assert isinstance(failed, RunFailed) and failed.code == "train.failed"
    for lang in ("en", "ko"):
        message = translate(failed.code, lang, **failed.params)
        assert "Seed" not in message and "ValueError" not in message and "{" not in message
    assert failed.detail == {
        "kind": "ValueError",
        "message": "Seed must be between 0 and 2**32 - 1",
    }


def test_a_pools_own_limits_reach_its_trainers(tmp_path):
    # The environment allows 2,000,000 parameters; this pool allows 20, and its
    # trainers must hold jobs to the pool's settings, not re-read the environment.
    strict = LocalPool(Settings(pool_size=1, max_params=20), artifacts_root=tmp_path)
    try:
        job = wait_for(
            strict, strict.submit(moons_config(epochs=1), owner="alice"), finished, timeout=180
        )
        assert job.status == "failed"
        assert job.error == ("check.too_many_params", {"params": 33, "max_params": 20})
    finally:
        strict.shutdown()


def test_a_pools_own_data_limits_reach_its_trainers(tmp_path):
    # 500 points are fine by the environment's limit of 10,000, not by this pool's 100.
    strict = LocalPool(Settings(pool_size=1, max_samples=100), artifacts_root=tmp_path)
    try:
        config = moons_config(epochs=1)
        config.data.n_samples = 500
        job = wait_for(strict, strict.submit(config, owner="alice"), finished, timeout=180)
        assert job.status == "failed"
        assert job.error == ("limits.too_many_samples", {"value": 500, "maximum": 100})
    finally:
        strict.shutdown()
