"""The Ray backend on a real Ray cluster started here: a head and a second node.

The cluster (devtools/ray_cluster.py) has two nodes of one CPU each, so the
two trainers land one per node; it is stopped by the PIDs of the `ray start`
processes this module started. Select these tests alone with `-m ray`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.settings import Settings
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.ray

ray = pytest.importorskip("ray")

SETTINGS = Settings(backend="ray", pool_size=2, threads_per_worker=1, worker_nice=0, stop_grace_s=5)


def moons(epochs: int = 3, n_samples: int = 200, batch_size: int = 32) -> ExperimentConfig:
    return ExperimentConfig(
        data=DataConfig(name="moons", n_samples=n_samples),
        layers=[LayerConfig(8, "relu")],
        epochs=epochs,
        batch_size=batch_size,
    )


def long_run() -> ExperimentConfig:
    """A run of a minute or more: 200 epochs of 50 small batches."""
    return moons(epochs=200, n_samples=1000, batch_size=16)


@pytest.fixture(scope="module")
def cluster():
    from devtools.ray_cluster import LocalRayCluster

    with LocalRayCluster(nodes=2, cpus_per_node=1) as started:
        yield started
    assert not started.leftover_pids()


@pytest.fixture(scope="module")
def backend(cluster):
    from playground.ray_backend import RayBackend

    created = RayBackend(SETTINGS, address=cluster.address, board_name="test-board")
    assert wait_for(lambda: created.trainers_ready() == 2, timeout=120)
    yield created
    created.close_class()
    created.shutdown()


def wait_for(condition, timeout: float = 60.0, every: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False


def ended(backend, job_id: str, timeout: float = 90.0):
    assert wait_for(lambda: not backend.snapshot(job_id).active, timeout), "the job did not end"
    return backend.snapshot(job_id)


def test_the_local_backend_never_imports_ray():
    code = (
        "import sys; sys.path.insert(0, '.');"
        "import ui.backend, ui.page, playground.backend, playground.local_pool, playground.worker;"
        "from playground.backend import BACKENDS; assert 'ray' in BACKENDS;"
        "assert 'ray' not in sys.modules, 'ray was imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=True)


def test_progress_streams_while_the_job_runs(backend):
    job_id = backend.submit(moons(epochs=30, n_samples=400), owner="streamer")
    seen = []
    while (job := backend.snapshot(job_id)).active:
        seen.append((job.status, len(job.history), job.batch is not None))
        time.sleep(0.05)
    assert job.status == "finished", job.error
    assert any(status == "running" and 0 < epochs < 30 for status, epochs, _ in seen)
    assert any(batch for status, _, batch in seen if status == "running")
    assert [logs["epoch"] for logs in job.history] == list(range(1, 31))
    assert {"result.json", "model.keras"} <= set(os.listdir(job.artifacts))


def test_stop_ends_a_running_job_with_its_model(backend):
    job_id = backend.submit(long_run(), owner="stopper")
    assert wait_for(lambda: len(backend.snapshot(job_id).history) >= 1, timeout=60)
    backend.stop(job_id)
    job = ended(backend, job_id, timeout=20)
    assert job.status == "stopped"
    assert job.summary.stopped == "user" and len(job.history) < 200


def test_pause_step_and_resume_work_across_the_cluster(backend):
    job_id = backend.submit(moons(epochs=12, n_samples=400), owner="pauser")
    backend.pause(job_id)  # while queued or starting: it pauses after epoch 1
    assert wait_for(lambda: backend.snapshot(job_id).paused, timeout=60)
    paused_at = len(backend.snapshot(job_id).history)
    time.sleep(1.0)
    assert len(backend.snapshot(job_id).history) == paused_at  # paused: no epoch trains

    backend.step(job_id)  # exactly one more epoch, then paused again
    assert wait_for(lambda: len(backend.snapshot(job_id).history) == paused_at + 1, timeout=30)
    assert wait_for(lambda: backend.snapshot(job_id).paused, timeout=30)
    time.sleep(1.0)
    assert len(backend.snapshot(job_id).history) == paused_at + 1

    backend.resume(job_id)
    job = ended(backend, job_id)
    assert job.status == "finished" and len(job.history) == 12


def test_the_teacher_sees_the_whole_class_and_can_pause_it(backend):
    from playground.errors import PlaygroundError

    backend.set_nickname("dana", "Dana")
    job_id = backend.submit(moons(epochs=2), owner="dana", lesson="01-hidden-layers")
    assert ended(backend, job_id).status == "finished"
    overview = backend.class_overview()
    row = next(row for row in overview.runs if row.job_id == job_id)
    assert row.student.nickname == "Dana" and row.lesson == "01-hidden-layers"
    assert len(overview.trainers) == 2
    assert all(trainer.rss_bytes and trainer.rss_bytes > 100e6 for trainer in overview.trainers)

    backend.pause_submissions(True)
    try:
        assert backend.class_notice().paused
        with pytest.raises(PlaygroundError) as refused:
            backend.submit(moons(), owner="dana")
        assert refused.value.code == "class.paused"
    finally:
        backend.pause_submissions(False)


def test_a_killed_trainer_fails_only_its_job_and_is_replaced(backend):
    victim = backend.submit(long_run(), owner="victim")
    survivor = backend.submit(moons(epochs=40, n_samples=400), owner="survivor")
    assert wait_for(lambda: backend.snapshot(victim).status == "running", timeout=60)
    os.kill(backend.snapshot(victim).worker_pid, signal.SIGKILL)

    job = ended(backend, victim, timeout=30)
    assert job.status == "failed" and job.error[0] == "train.trainer_lost"
    assert ended(backend, survivor).status == "finished"
    assert wait_for(lambda: backend.trainers_ready() == 2, timeout=120)
    assert ended(backend, backend.submit(moons(), owner="victim")).status == "finished"


def test_one_student_with_many_jobs_does_not_hold_both_trainers(backend):
    alice = [backend.submit(moons(epochs=15, n_samples=400), owner="alice") for _ in range(3)]
    bob = backend.submit(moons(epochs=15, n_samples=400), owner="bob")
    jobs = {job_id: ended(backend, job_id) for job_id in [*alice, bob]}
    assert all(job.status == "finished" for job in jobs.values())
    assert jobs[bob].started_at < jobs[alice[1]].started_at
    for earlier, later in zip(alice, alice[1:]):
        assert jobs[later].started_at >= jobs[earlier].finished_at - 0.5


def test_a_second_replica_reads_the_files_without_tensorflow(backend, cluster, tmp_path):
    job_id = backend.submit(moons(epochs=3), owner="carol")
    first = ended(backend, job_id)
    assert first.status == "finished"
    code = f"""
import json, sys
sys.path.insert(0, '.')
from pathlib import Path
from playground.ray_backend import RayBackend
from playground.runs import RunResult
from playground.settings import Settings
replica = RayBackend(Settings(backend="ray"), address={cluster.address!r},
                     board_name="test-board", cache_root=Path({str(tmp_path)!r}))
job = replica.jobs_of("carol")[-1]
result = RunResult.load(job.artifacts)
print(json.dumps({{"id": job.id, "folder": job.artifacts, "test": result.summary.test,
                  "layers": len(result.network.kernels), "tf": "tensorflow" in sys.modules}}))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["id"] == job_id and answer["folder"].startswith(str(tmp_path))
    assert answer["test"] == first.summary.test
    assert answer["layers"] == 2 and answer["tf"] is False
