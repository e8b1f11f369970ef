"""How this session's runs are doing, in words: for the Train and Evaluate pages and every sidebar."""

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
    if not done and not job.batch:
        return 0.0, t("train.preparing")
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


def early_stopping_text(job: JobView) -> str:
    """What EarlyStopping did to a finished run, or "" when it did nothing worth saying."""
    info = (job.result or {}).get("early_stopping")
    if not info or not info.get("best_epoch"):
        return ""
    patience = job.config.get("patience")
    if info.get("stopped_epoch"):
        key = "train.early_restored" if info.get("restored") else "train.early_kept"
        return t(key, stopped=info["stopped_epoch"], best=info["best_epoch"], patience=patience)
    if info.get("restored") and info["best_epoch"] != len(job.history):
        return t("train.restored_best", best=info["best_epoch"])
    return ""


def at_chance(result: dict | None) -> bool:
    """Whether a finished run's test score is no better than always guessing."""
    return bool(((result or {}).get("chance") or {}).get("at_chance"))


def chance_level_note(result: dict) -> None:
    """Says, with the measured numbers, that a run does no better than guessing, and why."""
    chance = result["chance"]
    if chance["task"] == "regression":
        r2 = "—" if chance.get("r2") is None else f"{chance['r2']:.3f}"
        title = t("chance.title_regression", guess=chance["guess"])
        numbers = t("chance.numbers_regression", mse=chance["mse"], guess=chance["guess"],
                    guess_mse=chance["guess_mse"], n=chance["n_test"], r2=r2)
    else:
        names = result.get("class_names") or []
        guess = names[chance["guess"]] if chance["guess"] < len(names) else str(chance["guess"])
        title = t("chance.title", guess=guess)
        numbers = t("chance.numbers", accuracy=chance["accuracy"], guess=guess,
                    guess_accuracy=chance["guess_accuracy"], n=chance["n_test"],
                    points=100 * chance["margin"])
    reasons = [t(key, **params) for key, params in chance.get("reasons") or []]
    with st.container(border=True, key="chance_level_note"):
        st.warning(title)
        st.markdown(numbers)
        if reasons:
            st.markdown(t("chance.reasons") + "\n" + "\n".join(f"- {reason}" for reason in reasons))


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
        elif current.status == "starting":
            st.caption(t("train.sidebar_starting"))
        else:
            fraction, text = progress(current)
            st.progress(fraction, text=t("train.sidebar_running", progress=text))

    with st.sidebar:
        _line()
