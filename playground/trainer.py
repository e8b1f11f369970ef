"""The training of one job, in a training process: load, check, build, one `fit`, save.

`run_job` reports everything as `playground.runs` events: `RunStarted`,
then `BatchProgress` and `EpochEnded` (and `RunPaused`/`RunResumed` around a
pause) from `StreamingCallback` while the one `fit` call runs, then `RunFinished` with the saved `RunResult`, or
`RunFailed` with a message key for the student. An unexpected exception
becomes "train.failed" with no library text in it; its kind and first line
travel in `detail` to the server log.

This module imports Keras at its top: only a training process imports it
(`playground.worker`), never the web server.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import math
import time
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from playground import checks, compile_cache, evaluation, fast_fit, models, network_view
from playground.datasets import Dataset, load_dataset
from playground.errors import PlaygroundError
from playground.inference import DenseNetwork
from playground.runs import (
    BatchProgress,
    EarlyStopOutcome,
    EpochEnded,
    GridOutputs,
    RunFailed,
    RunFinished,
    RunOrder,
    RunPaused,
    RunResult,
    RunResumed,
    RunStarted,
    RunSummary,
)
from playground.settings import Settings
from playground.storage import disk_problem, ensure_writable_folder

BATCH_EVENT_INTERVAL_S = 0.25
# A loss this many times above the reference (`divergence_reference`) means the
# weights have blown up. Healthy runs stay below the reference after their first
# epoch (measured in docs/BENCHMARKS.md, "Divergence"), and even raw 0-255 MNIST
# pixels, whose untrained loss is large, are judged against that larger start.
DIVERGENCE_FACTOR = 100.0
REFERENCE_ROWS = 1024
PAUSE_POLL_S = 0.1  # how often a paused run looks for Resume, Step or Stop
DATASET_CACHE_SIZE = 2


def use_threads(threads: int) -> None:
    """Sets TensorFlow's intra- and inter-op thread counts; call it before the first op."""
    tf.get_logger().setLevel("ERROR")
    tf.config.threading.set_intra_op_parallelism_threads(threads)
    tf.config.threading.set_inter_op_parallelism_threads(threads)


def run_job(order: RunOrder, emit, settings: Settings, should_stop, pause=None) -> None:
    """Runs one job and reports every outcome as an event.

    Args:
        order: what to train and where to save it.
        emit: callable taking one `playground.runs` event.
        settings: the limits the job is checked against, and the pause timeout.
        should_stop: callable returning True when Stop was pressed.
        pause: the job's Pause/Step/Resume control (see `StreamingCallback`),
            or None for a run that cannot be paused.
    """
    emit(RunStarted(order.job))
    try:
        outcome = train(order, emit, settings, should_stop, pause)
    except PlaygroundError as err:
        outcome = RunFailed(order.job, err.code, err.params, _detail(err.__cause__))
    except Exception as err:  # noqa: BLE001 - any failure becomes a readable event
        outcome = RunFailed(order.job, "train.failed", {}, _detail(err))
    emit(outcome)


def train(
    order: RunOrder, emit, settings: Settings, should_stop, pause=None
) -> RunFinished | RunFailed:
    """Loads, checks, builds and fits one model, then saves its `RunResult`.

    Raises:
        PlaygroundError: for a config the checks refuse, data that cannot
            be loaded, or a disk that cannot take the run's files.
    """
    clock = _Stopwatch()
    # Fresh layer names for this job; this process is ours alone. The full garbage
    # collection that usually comes with it (a third of a second) runs only when
    # this job builds a new program (`_compiled_model`).
    keras.backend.clear_session(free_memory=False)
    config = order.config
    dataset = _checked_dataset(config, settings)
    clock.lap("load")
    folder = Path(order.artifacts)
    ensure_writable_folder(folder)  # before the fit, not after it: a full disk fails fast
    y_train = models.encode_labels(dataset.y_train, config, dataset)
    key, model = _compiled_model(config, dataset, y_train, settings)
    guess_loss = evaluation.uninformed_loss(
        models.resolve_head(config, dataset).loss, y_train, dataset.n_classes
    )
    reference = divergence_reference(model, dataset.x_train, y_train, guess_loss)
    grid = evaluation.grid_points(dataset.x_train) if dataset.kind == "points2d" else None
    probe = network_view.probe_inputs(
        dataset.kind, dataset.x_train, dataset.x_test, dataset.feature_names
    )
    streaming = StreamingCallback(
        order.job,
        emit,
        should_stop,
        grid=grid,
        learning_rate=config.learning_rate,
        loss_limit=DIVERGENCE_FACTOR * reference,
        stream=order.stream,
        network_probe=probe,
        pause=pause,
        pause_timeout_s=settings.pause_timeout_s,
    )
    early = _early_stopping(config)
    clock.lap("build")
    fast_fit.fit(
        model,
        dataset.x_train,
        y_train,
        epochs=config.epochs,
        batch_size=config.batch_size,
        validation_split=config.validation_split,
        callbacks=[c for c in (streaming, early) if c],
    )
    clock.lap("fit")
    if streaming.diverged is not None:
        _COMPILED.keep(key, model)
        code = "train.diverged" if isinstance(streaming.diverged["loss"], str) else "train.exploded"
        return RunFailed(order.job, code, {**streaming.diverged, "reference": reference})

    result = _score(model, dataset, config, folder, streaming.history, grid)
    result.network_inputs = probe
    clock.lap("evaluate")
    result.summary = _verdict(result, dataset, streaming, early, guess_loss, reference)
    _save(model, result)
    clock.lap("save")
    result.summary.seconds = clock.laps
    _save_summary(result)
    # The saved model's boundary: EarlyStopping's restored weights included.
    final_grid = _grid_values(model, grid) if grid is not None else None
    _COMPILED.keep(key, model)
    return RunFinished(order.job, str(folder), result.summary, final_grid)


def _checked_dataset(config, settings: Settings) -> Dataset:
    """The job's data, once the checks pass: the pages refuse these too, but a config
    that reaches a backend any other way (a URL, a script) must not get past the
    server's limits either."""
    dataset = _cached_dataset(config.data, settings)
    errors = [p for p in checks.run_checks(config, dataset, settings) if p.level == "error"]
    if errors:
        raise PlaygroundError(errors[0].code, **errors[0].params)
    return dataset


def _compiled_model(config, dataset: Dataset, y_train, settings: Settings):
    """The job's model and its program key: a kept model with this key, reset to the
    job's freshly built (seeded) state, or else that fresh model, compiled on first use.

    A job puts its model back into the cache (`_COMPILED.keep`) only when it ends
    normally; one that raises leaves nothing half-trained behind.
    """
    fresh = models.build_model(config, dataset, speed=_speed(config, dataset))
    _COMPILED.resize(settings.compile_cache)
    key = compile_cache.program_key(fresh, config.batch_size, dataset.x_train, y_train)
    kept = _COMPILED.take(key)
    if kept is None:
        gc.collect()  # the graphs of models no longer kept
        return key, fresh
    compile_cache.reset_to(kept, fresh)
    return key, kept


def _speed(config, dataset: Dataset) -> dict:
    rows = models.fit_rows(config, dataset)
    params = models.total_params(models.summary_rows(config, dataset))
    return fast_fit.speed_options(rows, config.batch_size, config.epochs, params)


def _early_stopping(config):
    if not config.early_stopping:
        return None
    return keras.callbacks.EarlyStopping(
        monitor="val_loss",
        patience=config.patience,
        restore_best_weights=config.restore_best_weights,
    )


def _verdict(result: RunResult, dataset: Dataset, streaming, early, guess_loss, reference):
    """The summary completed with how the run ended, which weights it kept, and
    whether it did better than guessing (with the likely reasons when not)."""
    history = streaming.history
    outcome = _early_stopping_outcome(early)
    stopped = "user" if streaming.stopped_by_user else None
    if streaming.paused_too_long:
        stopped = "pause_timeout"
    if stopped is None and outcome and outcome.stopped_epoch:
        stopped = "early_stopping"
    chance = evaluation.chance_level(dataset.task, dataset.y_train, dataset.y_test, result.prob)
    if chance["at_chance"]:
        chance["reasons"] = evaluation.chance_reasons(
            result.summary.config.to_dict(),
            history,
            kind=dataset.kind,
            input_max=float(np.max(np.abs(dataset.x_train))) if dataset.x_train.size else 0.0,
            guess_loss=guess_loss,
            guess_accuracy=chance.get("guess_accuracy"),
        )
    restored = outcome is not None and outcome.restored
    return dataclasses.replace(
        result.summary,
        stopped=stopped,
        epochs_run=len(history),
        model_epoch=outcome.best_epoch if restored else len(history),
        early_stopping=outcome,
        chance=chance,
        divergence={
            "reference": reference,
            "guess_loss": guess_loss,
            "limit": DIVERGENCE_FACTOR * reference,
        },
    )


def divergence_reference(model, x, y, guess_loss: float | None) -> float:
    """The loss a run is judged against for divergence.

    The larger of two losses that any run may honestly have: what a model
    that ignores its inputs scores (`evaluation.uninformed_loss`), and what
    this untrained model scores on the first training rows. The second
    keeps a run on unscaled inputs, whose untrained loss is large, from
    being called diverged before it has taken a step.

    Args:
        model: the compiled, untrained model.
        x: training inputs.
        y: training labels, encoded as the model is trained on them.
        guess_loss: the uninformed loss, or None when there is none.

    Returns:
        A positive loss value.
    """
    rows = slice(0, min(len(x), REFERENCE_ROWS))
    start = float(
        model.compute_loss(
            x=x[rows], y=y[rows], y_pred=model(x[rows], training=False), training=False
        )
    )
    candidates = [
        value for value in (guess_loss, start) if value is not None and math.isfinite(value)
    ]
    return max(candidates + [1e-12])


def dense_network_of(model, pixel_offset: float = 0.0, pixel_scale: float = 1.0) -> DenseNetwork:
    """The model's Dense layers as a NumPy network, with the images' pixel scaling.

    Flatten, Input and Dropout layers are identities at inference time.

    Raises:
        ValueError: for any other layer type, naming it.
    """
    kernels, biases, activations = [], [], []
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dense):
            kernel, bias = layer.get_weights()
            kernels.append(kernel.astype(np.float32))
            biases.append(bias.astype(np.float32))
            activations.append(keras.activations.serialize(layer.activation))
        elif not isinstance(
            layer, (keras.layers.Flatten, keras.layers.Dropout, keras.layers.InputLayer)
        ):
            raise ValueError(
                f"Only Dense, Flatten and Dropout layers can be exported. "
                f"Received: {type(layer).__name__}"
            )
    return DenseNetwork(
        tuple(kernels),
        tuple(biases),
        tuple(activations),
        pixel_offset=pixel_offset,
        pixel_scale=pixel_scale,
    )


class StreamingCallback(keras.callbacks.Callback):
    """Streams progress, honours Stop and Pause, and stops a run whose loss has blown up.

    Each epoch's logs gain "penalty" when the model has weight penalties:
    `sum(model.losses)` at the epoch's end, the part of the loss Keras
    reports that comes from `kernel_regularizer`s rather than the data.

    Pause happens between epochs: at an epoch's end, when `pause` says so,
    the fit waits (sending `RunPaused`) until Resume or Step (`RunResumed`),
    Stop, or `pause_timeout_s` seconds, after which the run ends as stopped
    with its model saved, so that a paused student never holds a class's
    trainer for long. A pause asked before the first epoch ends takes effect
    at the end of epoch 1.

    Args:
        job: the job's id.
        emit: callable taking one `playground.runs` event.
        should_stop: callable returning True when Stop was pressed.
        grid: 2-D grid points for the decision boundary, or None.
        learning_rate: quoted by the divergence message.
        loss_limit: a loss above this (or NaN/inf) stops the run as diverged.
        stream: False sends no batch or epoch events.
        network_probe: the points each epoch's network diagram is computed
            on (`network_view.ProbeInputs`), or None for no diagram.
        pause: None, or an object with `after_epoch()` (True: pause now;
            a Step's one epoch is spent here) and `resumed()` (True once
            Resume or Step was pressed), e.g. `playground.worker.SharedControl`.
        pause_timeout_s: the longest a pause may last.

    Attributes:
        history: one log dict per epoch, with its 1-based "epoch".
        stopped_by_user: whether Stop ended the fit.
        paused_too_long: whether the pause timeout ended the fit.
        diverged: the divergence message's params, or None.
    """

    def __init__(
        self,
        job: str,
        emit,
        should_stop,
        grid: dict | None,
        learning_rate: float,
        loss_limit: float,
        stream: bool = True,
        network_probe: network_view.ProbeInputs | None = None,
        pause=None,
        pause_timeout_s: float = Settings.pause_timeout_s,
    ):
        super().__init__()
        self.network_probe = network_probe
        self.job, self.emit, self.should_stop = job, emit, should_stop
        self.grid, self.learning_rate, self.loss_limit, self.stream = (
            grid,
            learning_rate,
            loss_limit,
            stream,
        )
        self.pause, self.pause_timeout_s = pause, pause_timeout_s
        self.history: list[dict] = []
        self.stopped_by_user = False
        self.paused_too_long = False
        self.diverged: dict | None = None
        self._last_batch_event = 0.0
        self._epoch = 0
        self._steps = 0

    def on_train_begin(self, logs=None):
        self._steps = int(self.params.get("steps") or 0)

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch = epoch + 1

    def on_train_batch_end(self, batch, logs=None):
        if self.should_stop():
            self.stopped_by_user = True
            self.model.stop_training = True
        # Reading `logs` forces a sync with the device, so it is done only as
        # often as progress is reported.
        now = time.monotonic()
        if now - self._last_batch_event < BATCH_EVENT_INTERVAL_S:
            return
        self._last_batch_event = now
        clean = _clean(logs)
        if self._within_limit(clean.get("loss", 0.0)) and self.stream:
            self.emit(BatchProgress(self.job, self._epoch, batch + 1, self._steps, clean))

    def on_epoch_end(self, epoch, logs=None):
        entry = {"epoch": epoch + 1, **_clean(logs)}
        if self.diverged is not None or not self._within_limit(entry.get("loss", 0.0)):
            return
        if self.model.losses:
            entry["penalty"] = _safe_number(float(sum(self.model.losses)))
        self.history.append(entry)
        if self.stream:
            grid = _grid_values(self.model, self.grid) if self.grid is not None else None
            network = _network_snapshot(self.model, self.network_probe, epoch + 1)
            self.emit(EpochEnded(self.job, epoch + 1, entry, grid, network))
        if self.pause is not None and not self.model.stop_training and self.pause.after_epoch():
            self._wait_while_paused(epoch + 1)

    def _wait_while_paused(self, epoch: int) -> None:
        """Blocks until Resume or Step, Stop, or the pause timeout."""
        self.emit(RunPaused(self.job, epoch))
        deadline = time.monotonic() + self.pause_timeout_s
        while True:
            if self.should_stop():
                self.stopped_by_user = True
                self.model.stop_training = True
                return
            if self.pause.resumed():
                self.emit(RunResumed(self.job, epoch))
                return
            if time.monotonic() >= deadline:
                self.paused_too_long = True
                self.model.stop_training = True
                return
            time.sleep(PAUSE_POLL_S)

    def _within_limit(self, loss) -> bool:
        """False, and the fit stops, when the loss is NaN/inf or above the limit."""
        loss = float(loss)
        if math.isfinite(loss) and loss <= self.loss_limit:
            return True
        self.diverged = {
            "epoch": self._epoch,
            "loss": _safe_number(loss),
            "learning_rate": self.learning_rate,
            "suggestion": self.learning_rate / 10,
        }
        self.model.stop_training = True
        return False


# ------------------------------------------------------------------ helpers
_DATASET_CACHE: dict[str, Dataset] = {}
# This process's trained models, by compiled-program key (`playground.compile_cache`).
_COMPILED = compile_cache.CompiledModels(Settings.compile_cache)


def _cached_dataset(data, limits: Settings) -> Dataset:
    """The job's dataset; a class training on the same data loads it once per process."""
    key = json.dumps(dataclasses.asdict(data), sort_keys=True)
    if key not in _DATASET_CACHE:
        while len(_DATASET_CACHE) >= DATASET_CACHE_SIZE:
            _DATASET_CACHE.pop(next(iter(_DATASET_CACHE)))
        _DATASET_CACHE[key] = load_dataset(data, limits)
    return _DATASET_CACHE[key]


def _early_stopping_outcome(early) -> EarlyStopOutcome | None:
    """What EarlyStopping did. With restore_best_weights=True, Keras puts back
    the best epoch's weights at the end of training, whether or not it stopped early."""
    if early is None:
        return None
    best = int(early.best_epoch) + 1 if early.best is not None else None
    return EarlyStopOutcome(
        stopped_epoch=int(early.stopped_epoch) + 1 if early.stopped_epoch > 0 else None,
        best_epoch=best,
        restored=bool(early.restore_best_weights and early.best_weights is not None and best),
    )


def _score(
    model, dataset: Dataset, config, folder: Path, history: list[dict], grid: dict | None
) -> RunResult:
    """The test-set scores and outputs, the 2-D layer maps and the NumPy network."""
    y_test = models.encode_labels(dataset.y_test, config, dataset)
    test = model.evaluate(
        dataset.x_test,
        y_test,
        verbose=0,
        return_dict=True,
        batch_size=max(config.batch_size, fast_fit.EVALUATION_BATCH_SIZE),
    )
    summary = RunSummary(
        dataset=dataset.name,
        task=dataset.task,
        kind=dataset.kind,
        class_names=dataset.class_names,
        n_test=int(len(dataset.y_test)),
        config=config,
        test={key: _safe_number(float(value)) for key, value in test.items()},
        csv=dataset.source,
    )
    return RunResult(
        folder=folder,
        summary=summary,
        history=history,
        y_true=dataset.y_test,
        prob=fast_fit.predict(model, dataset.x_test),
        grid=_grid_outputs(model, grid, dataset) if grid is not None else None,
        network=dense_network_of(model, dataset.pixel_offset, dataset.pixel_scale),
    )


def _grid_outputs(model, grid: dict, dataset: Dataset) -> GridOutputs:
    dense = [layer.output for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    outputs = keras.Model(model.input, dense)(grid["points"], training=False)
    outputs = outputs if isinstance(outputs, (list, tuple)) else [outputs]
    side = (len(grid["ys"]), len(grid["xs"]))
    return GridOutputs(
        xs=grid["xs"],
        ys=grid["ys"],
        layers=[np.asarray(o).reshape(*side, -1) for o in outputs],
        x_train=dataset.x_train,
        y_train=dataset.y_train,
    )


def _save(model, result: RunResult) -> None:
    """Saves the Keras model and the run's files.

    Raises:
        PlaygroundError: "train.disk_full" or "train.disk_not_writable".
    """
    try:
        result.folder.mkdir(parents=True, exist_ok=True)
        model.save(result.model_path)
        result.save()
    except OSError as err:
        raise PlaygroundError(disk_problem(err)) from err


def _save_summary(result: RunResult) -> None:
    try:
        result.save_summary()
    except OSError as err:
        raise PlaygroundError(disk_problem(err)) from err


def _grid_values(model, grid: dict) -> list[float]:
    """One number per grid point (`evaluation.one_value_per_point`), rounded for the page."""
    output = np.asarray(model(grid["points"], training=False))
    return [round(float(value), 4) for value in evaluation.one_value_per_point(output)]


def _network_snapshot(model, probe, epoch: int):
    """The network diagram after `epoch`, or None when the run draws none."""
    if probe is None:
        return None
    return network_view.network_snapshot(dense_network_of(model), probe, epoch)


def _safe_number(value: float) -> float | str:
    return value if math.isfinite(value) else str(value)


def _clean(logs) -> dict:
    return {
        key: _safe_number(float(value))
        for key, value in (logs or {}).items()
        if np.ndim(value) == 0
    }


def _detail(err: BaseException | None) -> dict | None:
    """What the server log keeps about an exception: its kind and first line."""
    if err is None:
        return None
    lines = str(err).strip().splitlines()
    return {"kind": type(err).__name__, "message": lines[0][:300] if lines else type(err).__name__}


class _Stopwatch:
    """Seconds spent in each phase of a job, for the summary and the benches."""

    def __init__(self):
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 3)
        self._last = now
