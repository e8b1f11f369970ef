"""What runs inside one training worker process.

`worker_main` is the process entry point: it sets TensorFlow's thread
counts before the first op, then runs jobs sent by the pool one at a time.
`run_job` loads the data, builds the model and makes one `fit` call whose
`StreamingCallback` sends events back to the pool through a pipe.

Events are plain dicts with a "type":
    ready     the worker has imported TensorFlow and waits for jobs
    started   {job}
    batch     {job, epoch, step, steps, logs}            (throttled)
    epoch     {job, epoch, logs, grid?}                  (every epoch)
    finished  {job, artifacts, stopped, result, grid?}   (grid: the final model's)
    failed    {job, code, params, detail?}

`code` and `params` make the student's message (`playground.i18n`); an
unexpected exception becomes "train.failed" with no library text in it,
and its kind and first line travel in `detail` to the server log.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import signal
import threading
import time
from pathlib import Path

import numpy as np

from playground import evaluation, fast_fit
from playground.config import DataConfig, ExperimentConfig
from playground.errors import PlaygroundError
from playground.storage import disk_problem, ensure_writable_folder

BATCH_EVENT_INTERVAL_S = 0.25
GRID_SIZE = 40
# A loss this many times above the reference (`divergence_reference`) means the
# weights have blown up. Healthy runs stay below the reference after their first
# epoch (measured in docs/BENCHMARKS.md, "Divergence"), and even raw 0-255 MNIST
# pixels, whose untrained loss is large, are judged against that larger start.
DIVERGENCE_FACTOR = 100.0
REFERENCE_ROWS = 1024


def worker_main(conn, stop_flag, threads: int, parent_pid: int, nice: int = 0) -> None:
    """Entry point of a spawned worker process.

    Args:
        conn: this worker's end of a duplex pipe: jobs in, events out.
        stop_flag: shared `RawValue`; non-zero asks the running job to stop.
        threads: TensorFlow intra- and inter-op thread count.
        parent_pid: the server's pid; the worker exits when it is gone.
        nice: CPU priority to give up, so the web server stays responsive.
    """
    # Ctrl+C in the server's terminal reaches the whole process group; the server
    # stops its workers itself, after any job has been told to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if nice:
        os.nice(nice)
    # Reading MNIST (mostly zlib, which lets go of the GIL) overlaps the TensorFlow import.
    preload = threading.Thread(target=_preload_local_mnist, name="preload-mnist", daemon=True)
    preload.start()
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import warnings

    import tensorflow as tf

    tf.get_logger().setLevel("ERROR")
    warnings.filterwarnings("ignore", message="The structure of `inputs` doesn't match")
    tf.config.threading.set_intra_op_parallelism_threads(threads)
    tf.config.threading.set_inter_op_parallelism_threads(threads)
    import keras  # noqa: F401  (paid once here, not when a student presses Train)

    conn.send({"type": "ready", "pid": os.getpid()})
    while _parent_alive(parent_pid):
        if not conn.poll(1.0):
            continue
        job = conn.recv()
        if job is None:
            return
        preload.join()  # a job on MNIST reads it once, not twice at the same time
        # The pool clears stop_flag before it sends a job: a Stop pressed while the
        # job was on its way must not be lost.
        run_job(job, conn.send, lambda: stop_flag.value != 0 or not _parent_alive(parent_pid))


def _parent_alive(parent_pid: int) -> bool:
    return os.getppid() == parent_pid


def run_job(job: dict, emit, should_stop) -> None:
    """Runs one training job and reports every outcome as an event.

    Args:
        job: {"id", "config" (ExperimentConfig dict), "artifacts" (folder)}.
        emit: callable taking one event dict.
        should_stop: callable returning True when Stop was pressed.
    """
    job_id = job["id"]
    emit({"type": "started", "job": job_id, "time": time.time()})
    try:
        outcome = _train(job, emit, should_stop)
    except PlaygroundError as err:
        emit({"type": "failed", "job": job_id, "code": err.code, "params": err.params,
              **_detail(err.__cause__)})
        return
    except Exception as err:  # noqa: BLE001 - any failure becomes a readable event
        emit({"type": "failed", "job": job_id, "code": "train.failed", "params": {},
              **_detail(err)})
        return
    emit({"type": outcome.pop("type", "finished"), "job": job_id, **outcome})


def _preload_local_mnist() -> None:
    """Reads mnist.npz from the data folder, if it is there (never downloads).

    What stays is the loader's cache of the file's arrays, which every MNIST
    job starts from whatever its rows and scaling; the one-row dataset made
    on the way is not kept.
    """
    from playground import datasets

    if datasets.find_data_file("mnist.npz") is not None:
        try:
            datasets.load_dataset(DataConfig(name="mnist", n_samples=1))
        except Exception:  # noqa: BLE001 - a job on MNIST will report the problem
            pass


_DATASET_CACHE: dict[str, object] = {}
DATASET_CACHE_SIZE = 2


def _cached_dataset(data):
    """The job's dataset; a class training on the same data loads it once per worker."""
    from playground import datasets

    key = json.dumps(dataclasses.asdict(data), sort_keys=True)
    if key not in _DATASET_CACHE:
        while len(_DATASET_CACHE) >= DATASET_CACHE_SIZE:
            _DATASET_CACHE.pop(next(iter(_DATASET_CACHE)))
        _DATASET_CACHE[key] = datasets.load_dataset(data)
    return _DATASET_CACHE[key]


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0][:300] if text else type(err).__name__


def _detail(err: BaseException | None) -> dict:
    """What the server log keeps about an exception: its kind and first line."""
    if err is None:
        return {}
    return {"detail": {"kind": type(err).__name__, "message": _first_line(err)}}


def _train(job: dict, emit, should_stop) -> dict:
    import keras

    from playground import checks, models

    clock = _Stopwatch()
    keras.backend.clear_session()  # free the previous job's graph; this process is ours alone
    config = ExperimentConfig.from_dict(job["config"])
    dataset = _cached_dataset(config.data)
    clock.lap("load")
    # The pages refuse these too; a config that reaches the pool any other way
    # (a URL, a script) must not get past the server's limits either.
    errors = [p for p in checks.run_checks(config, dataset) if p.level == "error"]
    if errors:
        raise PlaygroundError(errors[0].code, **errors[0].params)
    folder = Path(job["artifacts"])
    ensure_writable_folder(folder)  # before the fit, not after it: a full disk fails fast
    speed = fast_fit.speed_options(
        models.fit_rows(config, dataset), config.batch_size, config.epochs,
        models.total_params(models.summary_rows(config, dataset)))
    model = models.build_model(config, dataset, speed=speed)
    y_train = models.encode_labels(dataset.y_train, config, dataset)
    y_test = models.encode_labels(dataset.y_test, config, dataset)
    head = models.resolve_head(config, dataset)
    guess_loss = evaluation.uninformed_loss(head.loss, y_train, dataset.n_classes)
    reference = divergence_reference(model, dataset.x_train, y_train, guess_loss)

    grid = grid_points(dataset.x_train) if dataset.kind == "points2d" else None
    streaming = StreamingCallback(job["id"], emit, should_stop, grid=grid,
                                  learning_rate=config.learning_rate,
                                  loss_limit=DIVERGENCE_FACTOR * reference,
                                  stream=job.get("stream", True))
    callbacks = [streaming]
    early = None
    if config.early_stopping:
        early = keras.callbacks.EarlyStopping(
            monitor="val_loss", patience=config.patience,
            restore_best_weights=config.restore_best_weights)
        callbacks.append(early)

    clock.lap("build")
    fast_fit.fit(model, dataset.x_train, y_train, epochs=config.epochs,
                 batch_size=config.batch_size, validation_split=config.validation_split,
                 callbacks=callbacks)
    clock.lap("fit")

    if streaming.diverged is not None:
        code = "train.diverged" if isinstance(streaming.diverged["loss"], str) else "train.exploded"
        params = {**streaming.diverged, "reference": reference}
        return {"type": "failed", "code": code, "params": params}

    stopped = "user" if streaming.stopped_by_user else (
        "early_stopping" if early is not None and early.stopped_epoch > 0 else None)
    model_epoch, early_stopping = _model_epoch(early, streaming.history)
    result = _save_artifacts(folder, model, dataset, config, y_test, streaming.history, grid)
    clock.lap("evaluate_and_save")
    chance = evaluation.chance_level(dataset.task, dataset.y_train, dataset.y_test,
                                     _load_predictions(folder))
    if chance["at_chance"]:
        chance["reasons"] = evaluation.chance_reasons(
            config.to_dict(), streaming.history, kind=dataset.kind,
            input_max=float(np.max(np.abs(dataset.x_train))) if dataset.x_train.size else 0.0,
            guess_loss=guess_loss, guess_accuracy=chance.get("guess_accuracy"))
    result.update(stopped=stopped, train_seconds=clock.laps["fit"], seconds=clock.laps,
                  epochs_run=len(streaming.history), model_epoch=model_epoch,
                  early_stopping=early_stopping, chance=chance,
                  divergence={"reference": reference, "guess_loss": guess_loss,
                              "limit": DIVERGENCE_FACTOR * reference})
    _write(folder / "result.json", json.dumps(result))
    finished = {"type": "finished", "artifacts": str(folder), "stopped": stopped, "result": result}
    if grid is not None:
        finished["grid"] = _grid_values(model, grid)  # the model as saved: restored weights included
    return finished


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
    start = float(model.compute_loss(x=x[rows], y=y[rows], y_pred=model(x[rows], training=False),
                                     training=False))
    candidates = [value for value in (guess_loss, start) if value is not None and math.isfinite(value)]
    return max(candidates + [1e-12])


def _model_epoch(early, history: list[dict]) -> tuple[int, dict | None]:
    """Which epoch's weights the final model holds, and what EarlyStopping did.

    Keras's EarlyStopping(restore_best_weights=True) puts back the best
    epoch's weights at the end of training, whether or not it stopped early.
    """
    if early is None:
        return len(history), None
    best = int(early.best_epoch) + 1 if early.best is not None else None
    restored = bool(early.restore_best_weights and early.best_weights is not None and best)
    info = {"stopped_epoch": int(early.stopped_epoch) + 1 if early.stopped_epoch > 0 else None,
            "best_epoch": best, "restored": restored}
    return (best if restored else len(history)), info


def _load_predictions(folder: Path) -> np.ndarray:
    with np.load(folder / "predictions.npz") as saved:
        return saved["prob"]


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text)
    except OSError as err:
        raise PlaygroundError(disk_problem(err)) from err


class _Stopwatch:
    """Seconds spent in each phase of a job, for the result and the benches."""

    def __init__(self):
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 3)
        self._last = now


class StreamingCallback:
    """Keras callback that streams progress, honours Stop and catches divergence.

    Built lazily as a `keras.callbacks.Callback` subclass (see `__new__`)
    so that importing this module does not import Keras.

    Args:
        job_id, emit, should_stop: see `run_job`.
        grid: 2-D grid points for the decision boundary, or None.
        learning_rate: quoted by the divergence message.
        loss_limit: a loss above this (or NaN/inf) stops the run as diverged.
        stream: False sends no batch or epoch events.
    """

    def __new__(cls, *args, **kwargs):
        import keras

        class _Streaming(keras.callbacks.Callback):
            def __init__(self, job_id, emit, should_stop, grid, learning_rate, loss_limit, stream):
                super().__init__()
                self.job_id, self.emit, self.should_stop = job_id, emit, should_stop
                self.grid, self.learning_rate, self.stream = grid, learning_rate, stream
                self.loss_limit = loss_limit
                self.history: list[dict] = []
                self.stopped_by_user = False
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
                # Reading `logs` forces a sync with the device, so it is done
                # only as often as progress is reported.
                now = time.monotonic()
                if now - self._last_batch_event < BATCH_EVENT_INTERVAL_S:
                    return
                self._last_batch_event = now
                clean = _clean(logs)
                if self._check_divergence(clean.get("loss", 0.0)) and self.stream:
                    self.emit({"type": "batch", "job": self.job_id, "epoch": self._epoch,
                               "step": batch + 1, "steps": self._steps, "logs": clean})

            def on_epoch_end(self, epoch, logs=None):
                entry = {"epoch": epoch + 1, **_clean(logs)}
                if self.diverged is not None or not self._check_divergence(entry.get("loss", 0.0)):
                    return
                self.history.append(entry)
                event = {"type": "epoch", "job": self.job_id, "epoch": epoch + 1, "logs": entry}
                if self.grid is not None and self.stream:
                    event["grid"] = _grid_values(self.model, self.grid)
                if self.stream:
                    self.emit(event)

            def _check_divergence(self, loss) -> bool:
                """Stops training when the loss is NaN/inf or above the limit; False then."""
                loss = float(loss)
                if math.isfinite(loss) and loss <= self.loss_limit:
                    return True
                self.diverged = {"epoch": self._epoch, "loss": _safe_number(loss),
                                 "learning_rate": self.learning_rate,
                                 "suggestion": self.learning_rate / 10}
                self.model.stop_training = True
                return False

        return _Streaming(*args, **kwargs)


def _safe_number(value: float) -> float | str:
    return value if math.isfinite(value) else str(value)


def _clean(logs) -> dict:
    return {key: _safe_number(float(value)) for key, value in (logs or {}).items()
            if np.ndim(value) == 0}


# ------------------------------------------------------------ 2-D grids
def grid_points(x: np.ndarray) -> dict:
    """A GRID_SIZE² lattice covering the 2-D data, with a margin."""
    from playground.evaluation import input_grid

    xs, ys, points = input_grid(x, steps=GRID_SIZE)
    return {"xs": xs, "ys": ys, "points": points.astype(np.float32)}


def _grid_output(model, grid: dict) -> np.ndarray:
    """The model's raw output on the grid points, shape (GRID_SIZE², units)."""
    return np.asarray(model(grid["points"], training=False))


def _grid_values(model, grid: dict) -> list[float]:
    """One number per grid point: P(class 1), the argmax class, or the value."""
    out = _grid_output(model, grid)
    values = out[:, 0] if out.shape[1] == 1 else (
        out[:, 1] if out.shape[1] == 2 else out.argmax(axis=1).astype(np.float32))
    return [round(float(v), 4) for v in values]


def _save_artifacts(folder: Path, model, dataset, config, y_test, history, grid) -> dict:
    """Saves the run's files and scores the test set.

    Raises:
        PlaygroundError: "train.disk_full" or "train.disk_not_writable" when
            a file cannot be written.
    """
    try:
        return _write_artifacts(folder, model, dataset, config, y_test, history, grid)
    except OSError as err:
        raise PlaygroundError(disk_problem(err)) from err


def _write_artifacts(folder: Path, model, dataset, config, y_test, history, grid) -> dict:
    import keras

    folder.mkdir(parents=True, exist_ok=True)
    model.save(folder / "model.keras")
    (folder / "history.json").write_text(json.dumps(history))
    test = model.evaluate(dataset.x_test, y_test, verbose=0, return_dict=True,
                          batch_size=max(config.batch_size, fast_fit.EVALUATION_BATCH_SIZE))
    prob = fast_fit.predict(model, dataset.x_test)
    np.savez_compressed(folder / "predictions.npz", y_true=dataset.y_test, prob=prob)
    if dataset.kind == "image":
        from playground.inference import DENSE_NETWORK_FILE, export_dense_network

        export_dense_network(model, folder / DENSE_NETWORK_FILE, dataset.pixel_offset,
                             dataset.pixel_scale)
    if grid is not None:
        hidden = [layer.output for layer in model.layers if isinstance(layer, keras.layers.Dense)]
        probe = keras.Model(model.inputs, hidden)
        outputs = probe(grid["points"], training=False)
        outputs = outputs if isinstance(outputs, (list, tuple)) else [outputs]
        arrays = {f"layer_{i}": np.asarray(o).reshape(GRID_SIZE, GRID_SIZE, -1)
                  for i, o in enumerate(outputs)}
        np.savez_compressed(folder / "grid.npz", xs=grid["xs"], ys=grid["ys"],
                            x_train=dataset.x_train, y_train=dataset.y_train, **arrays)
    return {
        "test": {key: _safe_number(float(value)) for key, value in test.items()},
        "task": dataset.task,
        "kind": dataset.kind,
        "dataset": dataset.name,
        "class_names": dataset.class_names,
        "n_test": int(len(dataset.y_test)),
        "config": config.to_dict(),
    }
