"""Server-wide limits and sizes, read from environment variables.

This is the one documented place for a teacher to size the server for a
class (see README, "Hosting a class"). Every variable is optional.

| variable                          | default | meaning                                   |
|-----------------------------------|---------|-------------------------------------------|
| PLAYGROUND_BACKEND                | local   | what trains the jobs: "local" (processes on this machine), "ray" (a Ray cluster: RAY_ADDRESS, see docs/SCALING.md) or "package.module:Class" |
| PLAYGROUND_POOL_SIZE              | 2       | training worker processes                 |
| PLAYGROUND_THREADS_PER_WORKER     | cores / pool size | TensorFlow intra/inter-op threads each |
| PLAYGROUND_MAX_PARAMS             | 2000000 | largest model (parameters) a student may train |
| PLAYGROUND_MAX_UNITS              | 4096    | largest Dense layer                        |
| PLAYGROUND_MAX_LAYERS             | 10      | most hidden layers                         |
| PLAYGROUND_MAX_EPOCHS             | 200     | most epochs in one run                     |
| PLAYGROUND_MAX_UPLOAD_MB          | 20      | largest CSV upload; Streamlit's server.maxUploadSize (.streamlit/config.toml) must be at least this |
| PLAYGROUND_MAX_CSV_ROWS           | 100000  | CSV rows used; a longer file is sampled down to this |
| PLAYGROUND_MAX_CSV_COLUMNS        | 1000    | columns a CSV may have (refused from its header line) |
| PLAYGROUND_MAX_FEATURES           | 1000    | CSV input columns after one-hot encoding   |
| PLAYGROUND_MAX_CSV_CELLS          | 5000000 | CSV rows × input columns (20 MB as float32); a larger table is sampled down |
| PLAYGROUND_CSV_PARSE_TIMEOUT_S    | 30      | seconds reading one upload may take (in a child process) before it is stopped |
| PLAYGROUND_CSV_PARSE_MEMORY_MB    | 1024    | memory reading one upload may use          |
| PLAYGROUND_MAX_SAMPLES            | 10000   | most points of a generated 2-D set (moons, circles, ...) |
| PLAYGROUND_MAX_BATCH_SIZE         | 4096    | largest batch size                         |
| PLAYGROUND_MAX_TRAIN_STEPS        | 100000  | most training steps in one run: epochs × ceil(training rows / batch size) |
| PLAYGROUND_MAX_TRAIN_WORK         | 1000000000000 | most work in one run: epochs × training rows × parameters, about the multiply-adds of its forward passes (10¹² is about 4 minutes of one CPU core) |
| PLAYGROUND_STOP_GRACE_S           | 10      | seconds a worker gets to honour Stop before it is killed |
| PLAYGROUND_PAUSE_TIMEOUT_S        | 120     | seconds a paused run may keep its worker; it then ends as stopped, its model saved |
| PLAYGROUND_RECYCLE_AFTER_JOBS     | 25      | a worker is replaced by a fresh process after this many jobs |
| PLAYGROUND_WORKER_NICE            | 5       | CPU priority given up by workers (0-19), so pages stay responsive while they train |
| PLAYGROUND_COMPILE_CACHE          | 4       | compiled models each training process keeps for the next job with the same program (playground/compile_cache.py); 0 turns the cache off |
| PLAYGROUND_DATA_DIR               | (none)  | folder searched first for mnist.npz, imdb.npz |
| PLAYGROUND_DATASETS_URL           | Keras's address | where missing MNIST/IMDB files are downloaded from (playground/datasets/downloads.py) |
| PLAYGROUND_RUNS_DIR               | <tmp>/playground-runs | where models, histories and uploads are written |
| PLAYGROUND_TEACHER_TOKEN          | (none)  | opens the Teacher page (at most 256 characters); unset, the page does not exist |
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MAX_TEACHER_TOKEN_CHARS = 256


def _env_int(name: str, default: int, minimum: int = 1) -> int:
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise ValueError(
            f"Environment variable `{name}` must be an integer. Received: {name}={text!r}"
        ) from None
    if value < minimum:
        raise ValueError(
            f"Environment variable `{name}` must be at least {minimum}. Received: {name}={value}"
        )
    return value


@dataclass(frozen=True)
class Settings:
    backend: str = "local"
    pool_size: int = 2
    threads_per_worker: int = 1
    max_params: int = 2_000_000
    max_units: int = 4096
    max_layers: int = 10
    max_epochs: int = 200
    max_samples: int = 10_000
    max_batch_size: int = 4096
    max_train_steps: int = 100_000
    max_train_work: int = 1_000_000_000_000
    max_upload_mb: int = 20
    max_csv_rows: int = 100_000
    max_csv_columns: int = 1_000
    max_features: int = 1_000
    max_csv_cells: int = 5_000_000
    csv_parse_timeout_s: int = 30
    csv_parse_memory_mb: int = 1024
    stop_grace_s: int = 10
    pause_timeout_s: int = 120
    recycle_after_jobs: int = 25
    worker_nice: int = 5
    compile_cache: int = 4
    # Kept out of repr, so that no log or error message ever shows it.
    teacher_token: str = field(default="", repr=False)

    @classmethod
    def from_env(cls) -> Settings:
        pool_size = _env_int("PLAYGROUND_POOL_SIZE", cls.pool_size)
        return cls(
            backend=os.environ.get("PLAYGROUND_BACKEND", "").strip() or cls.backend,
            pool_size=pool_size,
            threads_per_worker=_env_int(
                "PLAYGROUND_THREADS_PER_WORKER", max(1, (os.cpu_count() or 1) // pool_size)
            ),
            max_params=_env_int("PLAYGROUND_MAX_PARAMS", cls.max_params),
            max_units=_env_int("PLAYGROUND_MAX_UNITS", cls.max_units),
            max_layers=_env_int("PLAYGROUND_MAX_LAYERS", cls.max_layers),
            max_epochs=_env_int("PLAYGROUND_MAX_EPOCHS", cls.max_epochs),
            max_samples=_env_int("PLAYGROUND_MAX_SAMPLES", cls.max_samples),
            max_batch_size=_env_int("PLAYGROUND_MAX_BATCH_SIZE", cls.max_batch_size),
            max_train_steps=_env_int("PLAYGROUND_MAX_TRAIN_STEPS", cls.max_train_steps),
            max_train_work=_env_int("PLAYGROUND_MAX_TRAIN_WORK", cls.max_train_work),
            max_upload_mb=_env_int("PLAYGROUND_MAX_UPLOAD_MB", cls.max_upload_mb),
            max_csv_rows=_env_int("PLAYGROUND_MAX_CSV_ROWS", cls.max_csv_rows),
            max_csv_columns=_env_int("PLAYGROUND_MAX_CSV_COLUMNS", cls.max_csv_columns),
            max_features=_env_int("PLAYGROUND_MAX_FEATURES", cls.max_features),
            max_csv_cells=_env_int("PLAYGROUND_MAX_CSV_CELLS", cls.max_csv_cells),
            csv_parse_timeout_s=_env_int("PLAYGROUND_CSV_PARSE_TIMEOUT_S", cls.csv_parse_timeout_s),
            csv_parse_memory_mb=_env_int("PLAYGROUND_CSV_PARSE_MEMORY_MB", cls.csv_parse_memory_mb),
            stop_grace_s=_env_int("PLAYGROUND_STOP_GRACE_S", cls.stop_grace_s),
            pause_timeout_s=_env_int("PLAYGROUND_PAUSE_TIMEOUT_S", cls.pause_timeout_s),
            recycle_after_jobs=_env_int("PLAYGROUND_RECYCLE_AFTER_JOBS", cls.recycle_after_jobs),
            worker_nice=_env_int("PLAYGROUND_WORKER_NICE", cls.worker_nice, minimum=0),
            compile_cache=_env_int("PLAYGROUND_COMPILE_CACHE", cls.compile_cache, minimum=0),
            teacher_token=_teacher_token(),
        )


def _teacher_token() -> str:
    token = os.environ.get("PLAYGROUND_TEACHER_TOKEN", "").strip()
    if len(token) > MAX_TEACHER_TOKEN_CHARS:
        raise ValueError(  # the token itself is never quoted
            f"Environment variable `PLAYGROUND_TEACHER_TOKEN` must be at most "
            f"{MAX_TEACHER_TOKEN_CHARS} characters. Received: {len(token)} characters"
        )
    return token


def data_dir() -> Path | None:
    """The offline data folder (PLAYGROUND_DATA_DIR), if one is set."""
    text = os.environ.get("PLAYGROUND_DATA_DIR", "").strip()
    return Path(text).expanduser() if text else None


def runs_dir() -> Path:
    """Root folder for run artifacts and uploads; created on demand."""
    text = os.environ.get("PLAYGROUND_RUNS_DIR", "").strip()
    path = Path(text).expanduser() if text else Path(tempfile.gettempdir()) / "playground-runs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def uploads_dir() -> Path:
    path = runs_dir() / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path
