"""Access to the shared training pool and to this session's runs."""

from __future__ import annotations

import atexit
import json
import uuid
from pathlib import Path

import numpy as np
import streamlit as st

from playground import datasets
from playground.config import DataConfig
from playground.inference import DenseNetwork, load_dense_network
from playground.settings import Settings
from playground.training import LocalPool

RUNS_KEY = "runs"


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    return Settings.from_env()


@st.cache_resource(show_spinner=False)
def pool() -> LocalPool:
    """One pool per server process, shared by every session; workers start now."""
    training_pool = LocalPool(settings())
    atexit.register(training_pool.shutdown)
    return training_pool


def _cancel_session_jobs(owner: str) -> None:
    pool().release_owner(owner)


@st.cache_resource(scope="session", on_release=_cancel_session_jobs, show_spinner=False)
def session_owner() -> str:
    """This browser session's id. When the session goes away (after
    `server.disconnectedSessionTTL` seconds) its jobs are cancelled."""
    return uuid.uuid4().hex


@st.cache_resource(max_entries=6, show_spinner=False)
def _load_dataset(data_json: str) -> datasets.Dataset:
    return datasets.load_dataset(DataConfig(**json.loads(data_json)))


def load_dataset(data: DataConfig) -> datasets.Dataset:
    """The dataset for a data config, shared between sessions that ask for the same one."""
    return _load_dataset(json.dumps(data.__dict__, sort_keys=True))


def remember_run(job_id: str) -> None:
    st.session_state.setdefault(RUNS_KEY, []).append(job_id)


def session_runs() -> list[str]:
    return list(st.session_state.get(RUNS_KEY, []))


def current_job_id() -> str | None:
    runs = session_runs()
    return runs[-1] if runs else None


@st.cache_data(max_entries=32, show_spinner=False)
def load_artifacts(folder: str) -> dict:
    """A finished run's result, history and test-set predictions."""
    path = Path(folder)
    predictions = np.load(path / "predictions.npz")
    artifacts = {
        "result": json.loads((path / "result.json").read_text()),
        "history": json.loads((path / "history.json").read_text()),
        "y_true": predictions["y_true"],
        "prob": predictions["prob"],
    }
    if (path / "grid.npz").exists():
        with np.load(path / "grid.npz") as grid:
            artifacts["grid"] = {key: grid[key] for key in grid.files}
    return artifacts


def finished_runs() -> list[tuple[str, dict, str]]:
    """(run id, result, artifacts folder) of this session's runs that saved a model, oldest first."""
    runs = []
    for job_id in session_runs():
        job = pool().snapshot(job_id)
        if job is not None and job.artifacts and job.result:
            runs.append((job.id, job.result, job.artifacts))
    return runs


@st.cache_resource(max_entries=64, show_spinner=False)
def dense_network(path: str) -> DenseNetwork:
    """A digit network, loaded once and shared: its arrays are only ever read,
    so any number of sessions may predict with it at the same time."""
    return load_dense_network(Path(path))


@st.cache_resource(max_entries=2, show_spinner=False)
def mnist_test_set(data_dir: str) -> tuple[np.ndarray, np.ndarray]:
    """MNIST test images scaled to 0..1 and their labels (data_dir keys the cache)."""
    dataset = datasets.load_dataset(DataConfig(name="mnist", n_samples=1, scaling="minmax"))
    return dataset.x_test, dataset.y_test


@st.cache_data(max_entries=16, show_spinner=False)
def network_test_predictions(path: str, data_dir: str) -> np.ndarray:
    """The network's predicted class for every MNIST test image."""
    images, _ = mnist_test_set(data_dir)
    return dense_network(path).predict_proba(images).argmax(axis=1)
