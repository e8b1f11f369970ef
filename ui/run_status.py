"""How this session's latest run is doing, in words: for the Train page and every page's sidebar."""

from __future__ import annotations

import streamlit as st

from playground.training import JobView
from ui import backend
from ui.i18n import t

SIDEBAR_REFRESH_SECONDS = 2.0


def progress(job: JobView) -> tuple[float, str]:
    """Fraction done and "Epoch 2/5 · batch 300/1500" for a running job."""
    epochs = max(1, int(job.config["epochs"]))
    done = len(job.history)
    fraction, text = done / epochs, t("train.progress_epoch", epoch=done, epochs=epochs)
    if job.batch and job.batch["epoch"] > done and job.batch.get("steps"):
        within = job.batch["step"] / job.batch["steps"]
        fraction = (job.batch["epoch"] - 1 + within) / epochs
        text = t("train.progress_batch", epoch=job.batch["epoch"], epochs=epochs,
                 step=job.batch["step"], steps=job.batch["steps"])
    return min(1.0, fraction), text


def wait_text(seconds: float | None) -> str:
    """An estimate rounded the way people say it: "about 35 s", "about 3 min"."""
    seconds = max(5, int(5 * round((seconds or 0) / 5)))
    if seconds < 90:
        return t("train.wait_seconds", seconds=seconds)
    return t("train.wait_minutes", minutes=round(seconds / 60))


def sidebar_run_status() -> None:
    """A line in the sidebar while this session's latest run waits or trains."""
    job_id = backend.current_job_id()
    if job_id is None:
        return
    job = backend.pool().snapshot(job_id)
    if job is None or not job.active:
        return

    @st.fragment(run_every=SIDEBAR_REFRESH_SECONDS)
    def _line() -> None:
        current = backend.pool().snapshot(job_id)
        if current is None or not current.active:
            st.rerun()  # ended: stop polling
        if current.status == "queued":
            st.caption(t("train.sidebar_queued", position=current.queue_position,
                         wait=wait_text(backend.pool().estimated_wait(job_id))))
        else:
            fraction, text = progress(current)
            st.progress(fraction, text=t("train.sidebar_running", progress=text))

    with st.sidebar:
        _line()
