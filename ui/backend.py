"""Access to the shared training pool and to this browser's runs.

The owner of a run is the browser (`ui.browser.browser_id`), not the tab:
its runs outlive a reload and show in each of its tabs. When none of its
tabs has been connected for `server.disconnectedSessionTTL` seconds, its
queued and running jobs are cancelled; its finished runs stay (the pool
keeps at most `board.MAX_KEPT_JOBS`, deleting the files of older ones).
"""

from __future__ import annotations

import atexit
import functools
import json
import threading
from pathlib import Path

import numpy as np
import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from playground import datasets, run_names
from playground.backend import TrainingBackend, create_backend
from playground.browsers import BrowserTabs
from playground.config import DataConfig
from playground.inference import (
    DenseNetwork,
    DigitModelChoice,
    choose_digit_model,
    load_dense_network,
)
from playground.runs import JobView, RunResult
from playground.settings import Settings
from ui import browser

# The pool once it exists, for the timer thread that cancels a gone browser's
# jobs: Streamlit's caches are meant for script threads, and a browser that
# never opened a page with the pool has nothing to cancel.
_started_pools: list[TrainingBackend] = []
_started_pools_lock = threading.Lock()


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    return Settings.from_env()


@st.cache_resource(show_spinner=False)
def pool() -> TrainingBackend:
    """One backend per server process, shared by every session; its trainers start now."""
    training_pool = create_backend(settings())
    atexit.register(training_pool.shutdown)
    with _started_pools_lock:
        _started_pools.append(training_pool)
    return training_pool


def _cancel_active_jobs(owner: str) -> None:
    with _started_pools_lock:
        pools = list(_started_pools)
    for training_pool in pools:
        training_pool.cancel_jobs_of(owner)


def _tab_connected(session_id: str) -> bool:
    return Runtime.exists() and Runtime.instance().is_active_session(session_id)


@functools.cache
def browser_tabs() -> BrowserTabs:
    """Every browser's open tabs, process-wide."""
    return BrowserTabs(
        grace_s=float(st.get_option("server.disconnectedSessionTTL")),
        is_connected=_tab_connected,
        on_gone=_cancel_active_jobs,
    )


def _tab_closed(tab: str) -> None:
    browser_tabs().closed(tab)


@st.cache_resource(scope="session", on_release=_tab_closed, show_spinner=False)
def _open_tab(owner: str, tab: str) -> str:
    """Registers this tab once per connection; Streamlit releases it when the tab disconnects."""
    browser_tabs().opened(owner, tab)
    return tab


def session_owner() -> str:
    """This browser's id, the owner of its runs; registers the tab that asks.

    app.py calls it on every run, so every open tab keeps its browser's jobs alive.
    """
    owner = browser.browser_id()
    ctx = get_script_run_ctx()
    if ctx is not None:  # None: not a page run (e.g. a spawned worker importing app.py)
        _open_tab(owner, ctx.session_id)
    return owner


@st.cache_resource(max_entries=6, show_spinner=False)
def _load_dataset(data_json: str) -> datasets.Dataset:
    return datasets.load_dataset(DataConfig(**json.loads(data_json)))


def load_dataset(data: DataConfig) -> datasets.Dataset:
    """The dataset for a data config, shared between sessions that ask for the same one."""
    return _load_dataset(json.dumps(data.__dict__, sort_keys=True))


def session_jobs() -> list[JobView]:
    """This browser's jobs that the pool still keeps, oldest first."""
    return pool().jobs_of(session_owner())


def active_jobs() -> list[JobView]:
    """This browser's queued, starting and running jobs, oldest first."""
    return [job for job in session_jobs() if job.active]


def current_job() -> JobView | None:
    """This browser's latest job, whichever tab started it."""
    jobs = session_jobs()
    return jobs[-1] if jobs else None


def job_names(jobs: list[JobView] | None = None) -> dict[str, str]:
    """Each of this browser's runs by id: the name its student gave it, else the
    automatic one (`playground.run_names`); names are student text, shown escaped."""
    jobs = session_jobs() if jobs is None else jobs
    names = run_names.run_names([job.config for job in jobs], [job.name for job in jobs])
    return {job.id: name for job, name in zip(jobs, names)}


def finished_jobs() -> list[JobView]:
    """This browser's jobs that saved a model, newest first."""
    return [job for job in reversed(session_jobs()) if job.artifacts and job.summary]


@st.cache_resource(max_entries=32, show_spinner=False)
def run_result(folder: str) -> RunResult:
    """A finished run's files, read once and shared (they never change)."""
    return RunResult.load(folder)


def digit_model() -> DigitModelChoice:
    """The network that answers on the Draw page: this browser's newest MNIST run, else the default."""
    return choose_digit_model(
        [
            (job.id, job.summary.test.get("accuracy"), RunResult.network_path(job.artifacts))
            for job in reversed(finished_jobs())
            if job.summary.dataset == "mnist"
        ]
    )


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
