"""The run contract: what a trainer reports while it trains, and what a finished run leaves.

A trainer reports a run as typed events (`RunStarted`, `BatchProgress`,
`EpochEnded`, `RunFinished`, `RunFailed`); a backend folds them into a
`JobView`, the copy the pages draw. A finished run leaves files in its own
folder; `RunResult` is the one place that knows their layout: it saves them
in the trainer and loads them wherever a page, the Draw page's model choice,
a comparison or an export needs them. Only NumPy is needed to read a run:
the Keras model file is written beside the others but never read here.

Example:

```python
result = RunResult.load(job.artifacts)
result.summary.test["accuracy"], result.history[-1]["val_loss"]
result.grid.cell_values()  # the decision boundary, one value per grid cell
```
"""

from __future__ import annotations

import dataclasses
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from playground.config import ExperimentConfig
from playground.evaluation import one_value_per_point
from playground.inference import DenseNetwork, load_dense_network, save_dense_network
from playground.network_view import NetworkSnapshot, ProbeInputs

# What a job goes through; the first three are "active" (it holds or awaits a trainer).
QUEUED, STARTING, RUNNING = "queued", "starting", "running"
FINISHED, STOPPED, FAILED, CANCELLED = "finished", "stopped", "failed", "cancelled"
ACTIVE = (QUEUED, STARTING, RUNNING)
ENDED = (FINISHED, STOPPED, FAILED, CANCELLED)

Logs = dict[str, "float | str"]


# ------------------------------------------------------------------ orders
@dataclass(frozen=True)
class RunOrder:
    """What a backend sends a trainer: train this, save it there.

    Attributes:
        job: the job's id, quoted by every event about it.
        config: the experiment.
        artifacts: the folder for the run's files.
        stream: False sends no batch or epoch events (benchmarks).
    """

    job: str
    config: ExperimentConfig
    artifacts: str
    stream: bool = True


# ------------------------------------------------------------------ events
@dataclass(frozen=True)
class RunStarted:
    """The trainer has taken the job and starts loading its data."""

    job: str


@dataclass(frozen=True)
class BatchProgress:
    """Progress inside an epoch, sent at most every few tenths of a second."""

    job: str
    epoch: int
    step: int
    steps: int
    logs: Logs


@dataclass(frozen=True)
class EpochEnded:
    """One epoch's logs (NaN/inf as text), and for 2-D sets the boundary
    after it: one value per grid cell (see `GridOutputs.cell_values`).
    `network` is the network diagram after it, of a bounded size
    (`playground.network_view`)."""

    job: str
    epoch: int
    logs: Logs
    grid: list[float] | None = None
    network: NetworkSnapshot | None = None


@dataclass(frozen=True)
class RunPaused:
    """The trainer has paused after `epoch` (Pause, or a Step's one epoch): it keeps
    its worker and waits for Resume, Step or Stop, or for its pause timeout."""

    job: str
    epoch: int


@dataclass(frozen=True)
class RunResumed:
    """The trainer goes on after a pause (Resume, or Step: one more epoch)."""

    job: str
    epoch: int


@dataclass(frozen=True)
class RunFinished:
    """The run ended with a model: by itself, by EarlyStopping or by Stop.

    Attributes:
        artifacts: the folder `RunResult.load` reads.
        summary: what `result.json` holds.
        grid: the saved model's boundary (EarlyStopping's restored weights
            included), or None.
    """

    job: str
    artifacts: str
    summary: RunSummary
    grid: list[float] | None = None


@dataclass(frozen=True)
class RunFailed:
    """The run ended without a model.

    Attributes:
        code, params: the student's message (`playground.i18n`).
        detail: what the server log keeps about an unexpected error (its
            kind and first line); never shown to a student.
    """

    job: str
    code: str
    params: dict = field(default_factory=dict)
    detail: dict | None = None


RunEvent = (
    RunStarted | BatchProgress | EpochEnded | RunPaused | RunResumed | RunFinished | RunFailed
)


# ----------------------------------------------------------------- summary
@dataclass(frozen=True)
class EarlyStopOutcome:
    """What Keras's EarlyStopping did: the epoch it stopped at (None when the
    run used all its epochs), the best epoch, and whether its weights were put back."""

    stopped_epoch: int | None
    best_epoch: int | None
    restored: bool


@dataclass
class RunSummary:
    """A finished run in a few numbers: the contents of `result.json`.

    Attributes:
        dataset, task, kind, class_names, n_test: the data it was scored on.
        config: the experiment it ran.
        test: test-set loss and metric(s), as Keras's `evaluate` named them.
        stopped: "user" (Stop), "early_stopping", "pause_timeout" (paused
            longer than the server's pause timeout), or None.
        epochs_run: epochs trained.
        model_epoch: the epoch whose weights the saved model holds.
        early_stopping: what EarlyStopping did, when it was on.
        chance: `evaluation.chance_level`'s verdict, with its reasons.
        divergence: the reference loss and the limit the run was held to.
        seconds: time spent in each phase (load, build, fit, ...).
        csv: for an uploaded CSV, how its table became the inputs
            (`Dataset.source`), so that `playground.codegen` can write it.
    """

    dataset: str
    task: str
    kind: str
    class_names: list[str]
    n_test: int
    config: ExperimentConfig
    test: dict[str, float | str]
    stopped: str | None = None
    epochs_run: int = 0
    model_epoch: int = 0
    early_stopping: EarlyStopOutcome | None = None
    chance: dict = field(default_factory=dict)
    divergence: dict = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    csv: dict = field(default_factory=dict)

    @property
    def fit_seconds(self) -> float | None:
        return self.seconds.get("fit")

    @property
    def at_chance(self) -> bool:
        """Whether the test score is no better than always guessing."""
        return bool(self.chance.get("at_chance"))

    def to_dict(self) -> dict:
        values = dataclasses.asdict(self)
        values["config"] = self.config.to_dict()
        return values

    @classmethod
    def from_dict(cls, values: dict) -> RunSummary:
        values = dict(values)
        values["config"] = ExperimentConfig.from_dict(values["config"])
        early = values.get("early_stopping")
        values["early_stopping"] = EarlyStopOutcome(**early) if early else None
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in values.items() if key in names})


# -------------------------------------------------------------- job view
@dataclass
class JobView:
    """What a page needs to draw one job; a copy, safe to read anywhere.

    Attributes:
        status: one of `ACTIVE` + `ENDED`: queued (waiting for a free
            trainer), starting (handed to a trainer that has not picked it
            up yet), running (from loading the data to saving the model),
            finished, stopped, failed, cancelled.
        queue_position: 1 for the next job to start, 0 when not queued.
        history: one log dict per finished epoch.
        batch: the latest progress inside an epoch.
        grid: the latest 2-D boundary (after the run, the saved model's).
        network: the latest epoch's network diagram.
        error: (message key, params) for the student; `error_detail` what
            the server and jobs logs keep about an unexpected failure.
        summary, artifacts: a finished run's summary and folder.
        name: the name its student gave it ("" keeps the automatic one,
            `playground.run_names`).
        pause_requested: the student asked for a pause (Pause, or Step: one
            more epoch, then a pause) that has not been resumed.
        paused_at, paused_epoch: when the trainer paused, and after which
            epoch; None while it trains.
        lesson: the lesson it was trained under ("" for none).
    """

    id: str
    owner: str
    config: ExperimentConfig
    name: str = ""
    status: str = QUEUED
    queue_position: int = 0
    history: list[dict] = field(default_factory=list)
    batch: BatchProgress | None = None
    grid: list[float] | None = None
    network: NetworkSnapshot | None = None
    error: tuple[str, dict] | None = None
    error_detail: dict | None = None
    summary: RunSummary | None = None
    artifacts: str | None = None
    worker_pid: int | None = None
    stream: bool = True
    submitted_at: float = field(default_factory=time.time)
    started_at: float | None = None
    finished_at: float | None = None
    first_epoch_at: float | None = None
    pause_requested: bool = False
    paused_at: float | None = None
    paused_epoch: int | None = None
    lesson: str = ""

    @property
    def active(self) -> bool:
        return self.status in ACTIVE

    @property
    def paused(self) -> bool:
        """Whether the trainer is paused now (it still holds its worker)."""
        return self.active and self.paused_at is not None

    @property
    def stopped_by(self) -> str | None:
        """ "user", "early_stopping", "pause_timeout" or None, for a run that saved a model."""
        return self.summary.stopped if self.summary else None


# ------------------------------------------------------------------ files
@dataclass
class GridOutputs:
    """Every Dense layer's outputs over a grid of the 2-D input plane.

    Attributes:
        xs, ys: the grid's axes, shapes (gx,) and (gy,).
        layers: one array per Dense layer, shape (gy, gx, units); the last
            is the model's output.
        x_train, y_train: the training points, drawn on top.
    """

    xs: np.ndarray
    ys: np.ndarray
    layers: list[np.ndarray]
    x_train: np.ndarray
    y_train: np.ndarray

    def cell_values(self) -> np.ndarray:
        """The decision boundary: one value per grid cell, shape (gy, gx)."""
        output = self.layers[-1]
        return one_value_per_point(output.reshape(-1, output.shape[-1])).reshape(output.shape[:2])

    @property
    def extent(self) -> tuple[float, float, float, float]:
        return float(self.xs[0]), float(self.xs[-1]), float(self.ys[0]), float(self.ys[-1])


@dataclass
class RunResult:
    """A finished run's files, read with NumPy only.

    Attributes:
        folder: where the files are.
        summary: `result.json`.
        history: one log dict per epoch trained (`history.json`).
        y_true, prob: the test labels and the model's test-set output
            (`predictions.npz`).
        grid: the layers' outputs over the input plane, for 2-D sets.
        network: the Dense weights and their input scaling, for NumPy
            inference (the Draw page) and the network views.
        network_inputs: the points the network diagram is computed on
            (`network_view.ProbeInputs`), saved as `ProbeInputs.FILE`.
    """

    SUMMARY_FILE = "result.json"
    HISTORY_FILE = "history.json"
    PREDICTIONS_FILE = "predictions.npz"
    GRID_FILE = "grid.npz"
    NETWORK_FILE = "dense_network.npz"
    MODEL_FILE = "model.keras"

    folder: Path
    summary: RunSummary
    history: list[dict]
    y_true: np.ndarray
    prob: np.ndarray
    grid: GridOutputs | None = None
    network: DenseNetwork | None = None
    network_inputs: ProbeInputs | None = None

    @property
    def model_path(self) -> Path:
        """The Keras model, for a download or `keras.models.load_model`."""
        return self.folder / self.MODEL_FILE

    @classmethod
    def network_path(cls, folder: str | Path) -> Path:
        return Path(folder) / cls.NETWORK_FILE

    def save(self) -> None:
        """Writes every file but the Keras model (the trainer saves that).

        Raises:
            OSError: when a file cannot be written.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / self.HISTORY_FILE).write_text(json.dumps(self.history))
        np.savez_compressed(self.folder / self.PREDICTIONS_FILE, y_true=self.y_true, prob=self.prob)
        if self.grid is not None:
            layers = {f"layer_{i}": values for i, values in enumerate(self.grid.layers)}
            np.savez_compressed(
                self.folder / self.GRID_FILE,
                xs=self.grid.xs,
                ys=self.grid.ys,
                x_train=self.grid.x_train,
                y_train=self.grid.y_train,
                **layers,
            )
        if self.network is not None:
            save_dense_network(self.network, self.network_path(self.folder))
        if self.network_inputs is not None:
            self.network_inputs.save(self.folder)
        self.save_summary()  # last: a run whose summary exists has all its files

    def save_summary(self) -> None:
        """Writes `result.json` alone (raises OSError when it cannot)."""
        (self.folder / self.SUMMARY_FILE).write_text(json.dumps(self.summary.to_dict()))

    @classmethod
    def load_summary(cls, folder: str | Path) -> RunSummary:
        return RunSummary.from_dict(json.loads((Path(folder) / cls.SUMMARY_FILE).read_text()))

    @classmethod
    def load(cls, folder: str | Path) -> RunResult:
        """Reads a run saved by `save`.

        Raises:
            OSError, ValueError: when the files are missing or unreadable.
        """
        folder = Path(folder)
        with np.load(folder / cls.PREDICTIONS_FILE) as predictions:
            y_true, prob = predictions["y_true"], predictions["prob"]
        grid = None
        if (folder / cls.GRID_FILE).is_file():
            with np.load(folder / cls.GRID_FILE) as saved:
                count = sum(name.startswith("layer_") for name in saved.files)
                grid = GridOutputs(
                    xs=saved["xs"],
                    ys=saved["ys"],
                    layers=[saved[f"layer_{i}"] for i in range(count)],
                    x_train=saved["x_train"],
                    y_train=saved["y_train"],
                )
        network_file = cls.network_path(folder)
        return cls(
            folder=folder,
            summary=cls.load_summary(folder),
            history=json.loads((folder / cls.HISTORY_FILE).read_text()),
            y_true=y_true,
            prob=prob,
            grid=grid,
            network=load_dense_network(network_file) if network_file.is_file() else None,
            network_inputs=ProbeInputs.load(folder),
        )
