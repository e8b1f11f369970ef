"""How long one MNIST epoch takes in the app, against plain Keras in the same run.

Usage:
    PLAYGROUND_DATA_DIR=../shared/data python bench/mnist_epoch.py [--epochs 3]

The app's time is measured between consecutive epoch events of a job
submitted to the real training pool (a spawned worker, one thread unless
PLAYGROUND_THREADS_PER_WORKER says otherwise); plain Keras is the same model
and data fitted in this process with the same thread count.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playground import datasets, models  # noqa: E402
from playground.config import DataConfig, ExperimentConfig, LayerConfig  # noqa: E402
from playground.settings import Settings  # noqa: E402
from playground.training import LocalPool  # noqa: E402


def mnist_config(epochs: int) -> ExperimentConfig:
    return ExperimentConfig(data=DataConfig(name="mnist", n_samples=0, scaling="minmax"),
                            layers=[LayerConfig(128, "relu")], optimizer="adam",
                            learning_rate=0.001, epochs=epochs, batch_size=32,
                            validation_split=0.2)


def app_epoch_seconds(config: ExperimentConfig, settings: Settings) -> list[float]:
    pool = LocalPool(settings)
    try:
        assert pool.wait_until_ready(300), "workers did not start"
        job_id = pool.submit(config.to_dict(), owner="bench")
        stamps: list[float] = []
        seen = 0
        while True:
            job = pool.snapshot(job_id)
            if len(job.history) > seen:
                stamps.extend([time.perf_counter()] * (len(job.history) - seen))
                seen = len(job.history)
            if job.status == "running" and not stamps:
                stamps.append(time.perf_counter())
            if not job.active:
                break
            time.sleep(0.01)
        assert job.status == "finished", job.error
        return [b - a for a, b in zip(stamps, stamps[1:])]
    finally:
        pool.shutdown()


def plain_keras_epoch_seconds(config: ExperimentConfig, threads: int) -> list[float]:
    import tensorflow as tf

    tf.config.threading.set_intra_op_parallelism_threads(threads)
    tf.config.threading.set_inter_op_parallelism_threads(threads)
    import keras

    dataset = datasets.load_dataset(config.data)
    model = models.build_model(config, dataset)
    times: list[float] = []

    class Timer(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.start = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            times.append(time.perf_counter() - self.start)

    model.fit(dataset.x_train, dataset.y_train, epochs=config.epochs, batch_size=config.batch_size,
              validation_split=config.validation_split, verbose=0, callbacks=[Timer()])
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()
    settings = Settings.from_env()
    settings = Settings(**{**settings.__dict__, "pool_size": 1})
    config = mnist_config(args.epochs)

    app = app_epoch_seconds(config, settings)
    plain = plain_keras_epoch_seconds(config, settings.threads_per_worker)
    # The first epoch includes tracing; later ones are the steady state.
    app_steady = statistics.median(app[1:] or app)
    plain_steady = statistics.median(plain[1:] or plain)
    print(f"threads per worker:          {settings.threads_per_worker}")
    print(f"app epochs (s):              {', '.join(f'{s:.2f}' for s in app)}")
    print(f"plain Keras epochs (s):      {', '.join(f'{s:.2f}' for s in plain)}")
    print(f"app steady epoch:            {app_steady:.2f} s")
    print(f"plain Keras steady epoch:    {plain_steady:.2f} s")
    print(f"ratio app / plain Keras:     {app_steady / plain_steady:.2f}")


if __name__ == "__main__":
    main()
