"""The playground's trainer against plain Keras on the same MNIST run.

Usage:
    PLAYGROUND_DATA_DIR=../shared/data python bench/train_speed.py [--rounds 3] [--epochs 3]

Plain Keras is the code a student writes from the course notes (the
TensorFlow beginner quickstart), timed from building the model to its test
accuracy:

    x_train, x_test = x_train / 255.0, x_test / 255.0
    model = keras.Sequential([Input((28, 28)), Flatten(), Dense(128, "relu"), Dense(10, "softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=3, batch_size=32, validation_split=0.2)
    model.evaluate(x_test, y_test)

The playground runs the same model, data, epochs, batch size, split and seed
through its public job API (`LocalPool.submit`, a pre-started worker with
its share of the cores), timed from submit until the job has finished,
saved its model and scored the test set. Rounds alternate plain Keras, the
trainer with event streaming and the trainer without, in this one process
run, so that all three see the same machine; the speedup is the median of
the rounds' own ratios, each taken between neighbours in time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playground import datasets  # noqa: E402
from playground.config import DataConfig, ExperimentConfig, LayerConfig  # noqa: E402
from playground.local_pool import LocalPool  # noqa: E402
from playground.settings import Settings  # noqa: E402

SEED = 0


def mnist_config(epochs: int) -> ExperimentConfig:
    return ExperimentConfig(
        data=DataConfig(name="mnist", n_samples=0, scaling="minmax"),
        layers=[LayerConfig(128, "relu")],
        optimizer="adam",
        learning_rate=0.001,
        epochs=epochs,
        batch_size=32,
        validation_split=0.2,
        seed=SEED,
    )


def student_arrays() -> tuple:
    """MNIST as the quickstart prepares it: `np.load`, then `/ 255.0`."""
    path = datasets.find_data_file("mnist.npz")
    if path is None:
        raise SystemExit(
            "mnist.npz not found: set PLAYGROUND_DATA_DIR (for example ../shared/data)"
        )
    with np.load(path) as mnist:
        return (
            mnist["x_train"] / 255.0,
            mnist["y_train"],
            mnist["x_test"] / 255.0,
            mnist["y_test"],
        )


def plain_keras_run(arrays: tuple, epochs: int) -> dict:
    """The seed-style code, default `compile`; returns its time and test accuracy."""
    import keras

    x_train, y_train, x_test, y_test = arrays
    started = time.perf_counter()
    keras.utils.set_random_seed(SEED)
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Flatten(),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x_train, y_train, epochs=epochs, batch_size=32, validation_split=0.2, verbose=0)
    _, accuracy = model.evaluate(x_test, y_test, verbose=0)
    keras.backend.clear_session()
    return {"seconds": time.perf_counter() - started, "accuracy": float(accuracy)}


def playground_run(pool: LocalPool, config: ExperimentConfig, stream: bool) -> dict:
    """One job through the public API; epoch event times are read as they arrive."""
    submitted = time.perf_counter()
    job_id = pool.submit(config, owner="bench", stream=stream)
    epoch_stamps: list[float] = []
    while True:
        job = pool.snapshot(job_id)
        while len(epoch_stamps) < len(job.history):
            epoch_stamps.append(time.perf_counter())
        if not job.active:
            break
        time.sleep(0.05)  # polling must not take CPU from the worker
    seconds = time.perf_counter() - submitted
    if job.status != "finished":
        raise SystemExit(f"the playground job ended as {job.status}: {job.error}")
    return {
        "seconds": seconds,
        "accuracy": float(job.summary.test["accuracy"]),
        "fit_seconds": float(job.summary.fit_seconds),
        "phases": job.summary.seconds,
        "first_epoch_after": epoch_stamps[0] - submitted if epoch_stamps else None,
        "epoch_seconds": [b - a for a, b in zip(epoch_stamps, epoch_stamps[1:])],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()

    cores = os.cpu_count() or 1
    settings = Settings(
        **{**Settings.from_env().__dict__, "pool_size": 1, "threads_per_worker": cores}
    )
    config = mnist_config(args.epochs)
    arrays = student_arrays()
    runs_dir = Path(tempfile.mkdtemp(prefix="train-speed-"))
    pool = LocalPool(settings, artifacts_root=runs_dir)
    runs: dict[str, list[dict]] = {"plain": [], "stream": [], "quiet": []}
    try:
        if not pool.wait_until_ready(300):
            raise SystemExit("the training worker did not start")
        for round_number in range(1, args.rounds + 1):
            runs["plain"].append(plain_keras_run(arrays, args.epochs))
            runs["stream"].append(playground_run(pool, config, stream=True))
            runs["quiet"].append(playground_run(pool, config, stream=False))
            plain, app = runs["plain"][-1]["seconds"], runs["stream"][-1]["seconds"]
            print(
                f"round {round_number}: plain {plain:.2f} s, playground {app:.2f} s "
                f"(without events {runs['quiet'][-1]['seconds']:.2f} s), "
                f"first epoch after {runs['stream'][-1]['first_epoch_after']:.2f} s, "
                f"ratio {plain / app:.2f}",
                flush=True,
            )
    finally:
        pool.shutdown()
        shutil.rmtree(runs_dir, ignore_errors=True)

    def median(kind: str, key: str, sub: str | None = None) -> float:
        return statistics.median(run[key][sub] if sub else run[key] for run in runs[kind])

    plain_s, app_s = median("plain", "seconds"), median("stream", "seconds")
    stream_fit, quiet_fit = median("stream", "fit_seconds"), median("quiet", "fit_seconds")
    epoch_s = statistics.median(s for run in runs["stream"] for s in run["epoch_seconds"])
    first_epoch = median("stream", "first_epoch_after")
    print()
    print(
        f"machine: {cores} cores; worker threads {settings.threads_per_worker}; "
        f"MNIST 784-128-10, {args.epochs} epochs, batch 32, validation 0.2, seed {SEED}; "
        f"medians of {args.rounds} rounds"
    )
    print(
        f"streaming cost (fit with events vs without): {stream_fit:.2f} s vs {quiet_fit:.2f} s "
        f"= {100 * (stream_fit / quiet_fit - 1):+.1f} %"
    )
    for phase in runs["stream"][-1]["phases"]:
        print(f"  playground {phase}: {median('stream', 'phases', phase):.2f} s")
    print(f"submit to first epoch event: {first_epoch:.2f} s; one epoch: {epoch_s:.2f} s")
    print(f"plain Keras test accuracy:   {100 * median('plain', 'accuracy'):.2f} %")
    print(f"playground test accuracy:    {100 * median('stream', 'accuracy'):.2f} %")
    print(f"plain Keras time:            {plain_s:.2f} s")
    print(f"playground time:             {app_s:.2f} s")
    ratios = [
        plain["seconds"] / app["seconds"] for plain, app in zip(runs["plain"], runs["stream"])
    ]
    print(
        f"speedup:                     {statistics.median(ratios):.2f}x  (median of the rounds' "
        f"ratios)"
    )


if __name__ == "__main__":
    main()
