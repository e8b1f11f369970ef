"""What the compile cache gives a class: the second identical run, and runs per core per minute.

Usage:
    PLAYGROUND_DATA_DIR=../shared/data python bench/compile_cache.py [--rounds 3] [--batch 8]

Two local pools run side by side in this one process run, the same in all
but `compile_cache`: "before" keeps no compiled model (PLAYGROUND_COMPILE_CACHE=0,
today's trainer) and "after" keeps them (the default). Both are the class
layout: 2 training processes of 1 thread each, at nice 0 here so that they
and plain Keras compete for the machine on equal terms. The job is the
course's MNIST MLP (784-128-10, Adam 0.001, all 60,000 images, batch 32,
validation 0.2, 2 epochs), each job under its own student.

Each round measures, alternating before/after/plain so that all three see
the same machine:

* second identical run: one job into the idle pool whose trainers have
  already trained this model; time from submit to its first epoch event;
* throughput: `--batch` jobs submitted at once; runs per core per minute
  is jobs / (wall minutes × 2 cores), and per CPU-minute it is jobs /
  (the trainers' CPU minutes), which the other load of a shared machine
  does not inflate;
* plain Keras, the arithmetic limit: the same model built and compiled once
  in this process (1 thread, the trainer's own `steps_per_execution` and
  XLA), then for each run its weights and optimizer reset and 2 epochs fit
  and the test set scored: no data loading, checks, events, saving.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.classroom import cpu_seconds, mnist_mlp  # noqa: E402
from playground.local_pool import LocalPool  # noqa: E402
from playground.settings import Settings  # noqa: E402

CONFIG = dataclasses.replace(mnist_mlp(n_samples=0, epochs=2), seed=0)


def make_pool(cache_entries: int, runs_dir: Path) -> LocalPool:
    settings = dataclasses.replace(
        Settings.from_env(),
        pool_size=2,
        threads_per_worker=1,
        worker_nice=0,
        recycle_after_jobs=10_000,
        compile_cache=cache_entries,
    )
    pool = LocalPool(settings, artifacts_root=runs_dir)
    if not pool.wait_until_ready(300):
        raise SystemExit("the training workers did not start")
    return pool


def wait_all(pool: LocalPool, job_ids: list[str], submitted: float) -> list[float | None]:
    """Waits for the jobs; returns each one's submit → first epoch event time."""
    first_epoch: dict[str, float] = {}
    while True:
        views = [pool.snapshot(job_id) for job_id in job_ids]
        for view in views:
            if view.history and view.id not in first_epoch:
                first_epoch[view.id] = time.perf_counter() - submitted
        if not any(view.active for view in views):
            break
        time.sleep(0.02)
    failed = [view for view in views if view.status != "finished"]
    if failed:
        raise SystemExit(f"a job ended as {failed[0].status}: {failed[0].error}")
    return [first_epoch.get(job_id) for job_id in job_ids]


def workers_cpu(pool: LocalPool) -> float:
    return sum(cpu_seconds(pid) for pid in pool.worker_pids())


def second_run(pool: LocalPool, student: str) -> float:
    submitted = time.perf_counter()
    return wait_all(pool, [pool.submit(CONFIG, owner=student)], submitted)[0]


def class_batch(pool: LocalPool, jobs: int, round_number: int) -> dict:
    cpu_before = workers_cpu(pool)
    started = time.perf_counter()
    ids = [pool.submit(CONFIG, owner=f"r{round_number}-s{i}") for i in range(jobs)]
    wait_all(pool, ids, started)
    wall = time.perf_counter() - started
    cpu = workers_cpu(pool) - cpu_before
    return {"per_core_min": jobs / (wall / 60) / 2, "per_cpu_min": jobs / (cpu / 60)}


class PlainKeras:
    """The arithmetic limit: one compiled model in this process, refit per run."""

    def __init__(self):
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
        from playground import compile_cache, datasets, fast_fit, models, trainer

        trainer.use_threads(1)
        self._reset, self._fit = compile_cache.reset_to, fast_fit.fit
        self._build = models.build_model
        self.dataset = datasets.load_dataset(CONFIG.data, Settings.from_env())
        self.speed = trainer._speed(CONFIG, self.dataset)
        self.model = self._fresh()

    def _fresh(self):
        import keras

        keras.backend.clear_session()  # as each job does: the same layer and optimizer names
        return self._build(CONFIG, self.dataset, speed=self.speed)

    def runs(self, count: int) -> dict:
        cpu_before, started = time.process_time(), time.perf_counter()
        for _ in range(count):
            if self.model.optimizer.built:
                self._reset(self.model, self._fresh())
            data = self.dataset
            self._fit(
                self.model,
                data.x_train,
                data.y_train,
                epochs=CONFIG.epochs,
                batch_size=CONFIG.batch_size,
                validation_split=CONFIG.validation_split,
            )
            self.model.evaluate(data.x_test, data.y_test, batch_size=1024, verbose=0)
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu_before
        return {"per_core_min": count / (wall / 60), "per_cpu_min": count / (cpu / 60)}


def load_average() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=8, help="jobs submitted at once")
    args = parser.parse_args()

    runs_dir = Path(tempfile.mkdtemp(prefix="compile-cache-"))
    os.environ["PLAYGROUND_RUNS_DIR"] = str(runs_dir)  # an empty XLA cache folder to start from
    print(f"start: {load_average()}", flush=True)
    pools = {
        "before": make_pool(0, runs_dir / "before"),
        "after": make_pool(Settings.compile_cache, runs_dir / "after"),
    }
    results: dict[str, list] = {
        f"{kind}:{name}": [] for kind in ("second", "batch") for name in pools
    }
    results["batch:plain"] = []
    try:
        plain = PlainKeras()
        plain.runs(1)  # its one compile
        for pool in pools.values():  # each trainer's first MNIST job: data and compile
            class_batch(pool, 2, 0)
        for round_number in range(1, args.rounds + 1):
            for name, pool in pools.items():
                results[f"second:{name}"].append(second_run(pool, f"second-{round_number}"))
            results["batch:plain"].append(plain.runs(max(2, args.batch // 2)))
            for name, pool in pools.items():
                results[f"batch:{name}"].append(class_batch(pool, args.batch, round_number))
            print(
                f"round {round_number}: second run → first epoch "
                + ", ".join(f"{n} {results[f'second:{n}'][-1]:.2f} s" for n in pools)
                + "; runs per core per minute "
                + ", ".join(
                    f"{n} {results[f'batch:{n}'][-1]['per_core_min']:.1f}"
                    f" ({results[f'batch:{n}'][-1]['per_cpu_min']:.1f} per CPU-minute)"
                    for n in ("before", "after", "plain")
                ),
                flush=True,
            )
    finally:
        for pool in pools.values():
            pool.shutdown()
        shutil.rmtree(runs_dir, ignore_errors=True)

    def median(key: str, field: str | None = None) -> float:
        return statistics.median(r[field] if field else r for r in results[key])

    print(f"\nend: {load_average()}")
    print(f"medians of {args.rounds} rounds, {args.batch} jobs a batch, 2 trainers × 1 thread")
    print(
        f"second identical run, submit → first epoch: before {median('second:before'):.2f} s, "
        f"after {median('second:after'):.2f} s"
    )
    for field, words in (
        ("per_core_min", "per core per minute"),
        ("per_cpu_min", "per CPU-minute"),
    ):
        print(
            f"MNIST 2-epoch runs {words}: before {median('batch:before', field):.1f}, "
            f"after {median('batch:after', field):.1f}, "
            f"plain Keras (the limit) {median('batch:plain', field):.1f}"
        )


if __name__ == "__main__":
    main()
