"""What the live network diagram costs: per epoch in the trainer, per refresh on the server.

Usage:
    PLAYGROUND_DATA_DIR=../shared/data python bench/network_diagram.py [--epochs 5] [--rounds 3]

Per epoch (in the trainer): the same model and data are fitted in this
process three ways, alternating in each round:

- plain Keras: `model.fit` with no callback, the code a student writes;
- the trainer's `StreamingCallback` without the diagram (the run before it);
- the trainer's `StreamingCallback` with the diagram (`network_probe`).

Each prints its seconds per epoch (the median over the rounds), the ratio
with/without and with/plain Keras, the time of the snapshot itself
(`dense_network_of` + `network_view.network_snapshot`, median of its
calls) and its size once pickled, which is what crosses the process queue.

Per page refresh (on the server): what the Train page's live fragment adds
each second while a job runs: `copy.deepcopy` of the job view (what
`JobBoard.view` hands the page), the figure built by
`charts_network.network_figure` and serialised by `plotly.io.to_json` as
`st.plotly_chart` does, against the same work for the charts the fragment
drew before (two history charts and, for 2-D sets, the boundary). The page
builds the figure once per epoch (`ui.network_views` caches it per job,
epoch and language), so a refresh within an epoch only copies the snapshot
and serialises the cached figure: both costs are printed.
"""

from __future__ import annotations

import argparse
import copy
import os
import pickle
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keras  # noqa: E402
import numpy as np  # noqa: E402
import plotly.io  # noqa: E402

from playground import (  # noqa: E402
    charts,
    charts_network,
    evaluation,
    models,
    network_view,
    trainer,
)
from playground.config import DataConfig, ExperimentConfig, LayerConfig  # noqa: E402
from playground.datasets import load_dataset  # noqa: E402
from playground.runs import EpochEnded, JobView  # noqa: E402

CASES = {
    "spiral": ExperimentConfig(
        data=DataConfig(name="spiral", n_samples=1000),
        layers=[LayerConfig(16, "relu"), LayerConfig(16, "relu")],
        batch_size=32,
    ),
    "mnist": ExperimentConfig(
        data=DataConfig(name="mnist", n_samples=10_000),
        layers=[LayerConfig(128, "relu"), LayerConfig(64, "relu")],
        batch_size=32,
    ),
}


class _EpochClock(keras.callbacks.Callback):
    def __init__(self):
        super().__init__()
        self.seconds: list[float] = []

    def on_epoch_begin(self, epoch, logs=None):
        self._start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.seconds.append(time.perf_counter() - self._start)


def _fit(config, dataset, mode: str, epochs: int) -> tuple[float, list]:
    """Seconds per epoch (median, first epoch left out: it compiles) and the events sent."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(0)
    model = models.build_model(config, dataset)
    y = models.encode_labels(dataset.y_train, config, dataset)
    events: list = []
    clock = _EpochClock()
    callbacks = [clock]
    if mode != "plain":
        grid = evaluation.grid_points(dataset.x_train) if dataset.kind == "points2d" else None
        probe = network_view.probe_inputs(
            dataset.kind, dataset.x_train, dataset.x_test, dataset.feature_names
        )
        streaming = trainer.StreamingCallback(
            "bench",
            events.append,
            lambda: False,
            grid=grid,
            learning_rate=config.learning_rate,
            loss_limit=float("inf"),
            network_probe=probe if mode == "diagram" else None,
        )
        callbacks.insert(0, streaming)
    model.fit(
        dataset.x_train,
        y,
        epochs=epochs,
        batch_size=config.batch_size,
        validation_split=config.validation_split,
        callbacks=callbacks,
        verbose=0,
    )
    return statistics.median(clock.seconds[1:]), events


def _snapshot_cost(config, dataset, calls: int = 20) -> tuple[float, int]:
    """Median ms of one epoch's snapshot, and its pickled bytes."""
    keras.backend.clear_session()
    model = models.build_model(config, dataset)
    probe = network_view.probe_inputs(
        dataset.kind, dataset.x_train, dataset.x_test, dataset.feature_names
    )
    times = []
    for epoch in range(calls):
        start = time.perf_counter()
        snapshot = trainer._network_snapshot(model, probe, epoch + 1)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, len(pickle.dumps(snapshot))


def _refresh_cost(config, dataset, events: list, repeats: int = 20) -> dict:
    """Server ms per refresh of the live view's charts, without and with the diagram."""
    epochs = [event for event in events if isinstance(event, EpochEnded)]
    history = [event.logs for event in epochs]
    job = JobView("bench", "owner", config, history=history, grid=epochs[-1].grid)
    job.network = epochs[-1].network
    metric = "mae" if dataset.task == "regression" else "accuracy"

    def before() -> int:
        view = copy.deepcopy(dataclass_without_network(job))
        sent = 0
        for name in ("loss", metric):
            sent += len(
                plotly.io.to_json(charts.history_figure(view.history, name), validate=False)
            )
        if view.grid is not None:
            grid = evaluation.grid_points(dataset.x_train)
            values = np.asarray(view.grid).reshape(len(grid["ys"]), len(grid["xs"]))
            figure = charts.decision_boundary_figure(
                grid["xs"],
                grid["ys"],
                values,
                dataset.x_train,
                dataset.y_train,
                dataset.class_names,
                dataset.task,
            )
            sent += len(plotly.io.to_json(figure, validate=False))
        return sent

    def diagram_new_epoch() -> int:
        view = copy.deepcopy(job)
        figure = charts_network.network_figure(view.network, "en", "After epoch")
        return len(plotly.io.to_json(figure, validate=False))

    built = charts_network.network_figure(job.network, "en", "After epoch")

    def diagram_same_epoch() -> int:
        copy.deepcopy(job.network)
        return len(plotly.io.to_json(built, validate=False))

    def timed(step) -> tuple[float, int]:
        step()  # warm up
        times, sent = [], 0
        for _ in range(repeats):
            start = time.perf_counter()
            sent = step()
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1000, sent

    before_ms, before_bytes = timed(before)
    diagram_ms, diagram_bytes = timed(diagram_new_epoch)
    cached_ms, _ = timed(diagram_same_epoch)
    return {
        "before_ms": before_ms,
        "diagram_ms": diagram_ms,
        "cached_ms": cached_ms,
        "before_kb": before_bytes / 1024,
        "diagram_kb": diagram_bytes / 1024,
    }


def dataclass_without_network(job: JobView) -> JobView:
    view = copy.copy(job)
    view.network = None
    return view


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cases", nargs="*", default=list(CASES))
    args = parser.parse_args()
    trainer.use_threads(int(os.environ.get("BENCH_THREADS", "1")))
    for name in args.cases:
        config = CASES[name]
        dataset = load_dataset(config.data)
        seconds = {"plain": [], "streaming": [], "diagram": []}
        events: list = []
        for _ in range(args.rounds):
            for mode in seconds:
                per_epoch, sent = _fit(config, dataset, mode, args.epochs)
                seconds[mode].append(per_epoch)
                events = sent if mode == "diagram" else events
        plain, without, with_diagram = (statistics.median(seconds[m]) for m in seconds)
        snapshot_ms, snapshot_bytes = _snapshot_cost(config, dataset)
        refresh = _refresh_cost(config, dataset, events)
        print(
            f"{name}: {len(dataset.x_train)} rows, layers "
            f"{[layer.units for layer in config.layers]}, batch {config.batch_size}, "
            f"{args.rounds} rounds x {args.epochs} epochs"
        )
        print(
            f"  s/epoch: plain Keras {plain:.3f} | trainer without diagram {without:.3f} | "
            f"with diagram {with_diagram:.3f}  -> with/without {with_diagram / without:.3f}, "
            f"with/plain Keras {with_diagram / plain:.3f}"
        )
        print(f"  snapshot: {snapshot_ms:.2f} ms per epoch, {snapshot_bytes:,} bytes pickled")
        print(
            f"  page refresh (server): charts before {refresh['before_ms']:.1f} ms "
            f"({refresh['before_kb']:.0f} KB JSON) | diagram, new epoch "
            f"{refresh['diagram_ms']:.1f} ms, same epoch (cached figure) {refresh['cached_ms']:.1f} ms"
            f" ({refresh['diagram_kb']:.0f} KB JSON) -> refresh with/without: new epoch "
            f"{(refresh['before_ms'] + refresh['diagram_ms']) / refresh['before_ms']:.2f}, "
            f"same epoch {(refresh['before_ms'] + refresh['cached_ms']) / refresh['before_ms']:.2f}"
        )


if __name__ == "__main__":
    main()
