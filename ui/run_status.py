"""How this browser's runs are doing, in words: for the Train and Evaluate pages and every sidebar."""

from __future__ import annotations

import time

import streamlit as st

from playground import runs
from playground.runs import JobView, RunSummary
from ui import backend
from ui.i18n import t

SIDEBAR_REFRESH_SECONDS = 2.0


def progress(job: JobView) -> tuple[float, str]:
    """Fraction done and "Epoch 2/5 · batch 300/1500" for a running job."""
    epochs = max(1, job.config.epochs)
    done = len(job.history)
    if not done and not job.batch:
        return 0.0, t("train.preparing")
    fraction, text = done / epochs, t("train.progress_epoch", epoch=done, epochs=epochs)
    batch = job.batch
    if batch and batch.epoch > done and batch.steps:
        fraction = (batch.epoch - 1 + batch.step / batch.steps) / epochs
        text = t(
            "train.progress_batch",
            epoch=batch.epoch,
            epochs=epochs,
            step=batch.step,
            steps=batch.steps,
        )
    return min(1.0, fraction), text


def wait_text(seconds: float | None) -> str:
    """An estimate rounded the way people say it: "about 35 s", "about 3 min"."""
    seconds = max(5, int(5 * round((seconds or 0) / 5)))
    if seconds < 90:
        return t("train.wait_seconds", seconds=seconds)
    return t("train.wait_minutes", minutes=round(seconds / 60))


def early_stopping_text(job: JobView) -> str:
    """What EarlyStopping did to a finished run, or "" when it did nothing worth saying."""
    outcome = job.summary.early_stopping if job.summary else None
    if outcome is None or not outcome.best_epoch:
        return ""
    if outcome.stopped_epoch:
        key = "train.early_restored" if outcome.restored else "train.early_kept"
        return t(
            key,
            stopped=outcome.stopped_epoch,
            best=outcome.best_epoch,
            patience=job.config.patience,
        )
    if outcome.restored and outcome.best_epoch != len(job.history):
        return t("train.restored_best", best=outcome.best_epoch)
    return ""


def chance_level_note(summary: RunSummary) -> None:
    """Says, with the measured numbers, that a run does no better than guessing, and why."""
    chance = summary.chance
    if chance["task"] == "regression":
        r2 = "—" if chance.get("r2") is None else f"{chance['r2']:.3f}"
        title = t("chance.title_regression", guess=chance["guess"])
        numbers = t(
            "chance.numbers_regression",
            mse=chance["mse"],
            guess=chance["guess"],
            guess_mse=chance["guess_mse"],
            n=chance["n_test"],
            r2=r2,
        )
    else:
        names = summary.class_names
        guess = names[chance["guess"]] if chance["guess"] < len(names) else str(chance["guess"])
        title = t("chance.title", guess=guess)
        numbers = t(
            "chance.numbers",
            accuracy=chance["accuracy"],
            guess=guess,
            guess_accuracy=chance["guess_accuracy"],
            n=chance["n_test"],
            points=100 * chance["margin"],
        )
    reasons = [t(key, **params) for key, params in chance.get("reasons") or []]
    with st.container(border=True, key="chance_level_note"):
        st.warning(title)
        st.markdown(numbers)
        if reasons:
            st.markdown(t("chance.reasons") + "\n" + "\n".join(f"- {reason}" for reason in reasons))


def _queued(job: JobView) -> None:
    pool = backend.pool()
    if pool.trainers_ready() == 0:
        st.info(t("train.starting"), icon="⏳")
        return
    wait = wait_text(pool.estimated_wait(job.id))
    earlier = next(
        (
            other
            for other in backend.active_jobs()
            if other.id != job.id and other.status in (runs.STARTING, runs.RUNNING)
        ),
        None,
    )
    if earlier is None:
        st.info(t("train.queued", position=job.queue_position, wait=wait), icon="⏳")
        return
    st.info(t("train.queued_behind_own", position=job.queue_position, wait=wait), icon="⏳")
    fraction, text = progress(earlier)
    st.progress(fraction, text=t("train.previous_running", progress=text))


def _running(job: JobView) -> None:
    fraction, text = progress(job)
    st.progress(fraction, text=text)
    if job.paused:
        timeout = backend.settings().pause_timeout_s
        left = job.paused_at + timeout - time.time()
        st.info(
            t(
                "train.paused",
                epoch=job.paused_epoch,
                left=wait_text(left),
                timeout=wait_text(timeout),
            ),
            icon="⏸️",
        )
    elif job.pause_requested:
        st.caption(t("train.pausing"))


def _finished(job: JobView) -> None:
    st.success(
        " ".join(
            filter(None, [t("train.finished", epochs=len(job.history)), early_stopping_text(job)])
        ),
        icon="✅",
    )
    if job.summary.at_chance:
        chance_level_note(job.summary)


def _stopped(job: JobView) -> None:
    if job.stopped_by == "pause_timeout":
        timeout = wait_text(backend.settings().pause_timeout_s)
        st.warning(t("train.pause_released", epochs=len(job.history), timeout=timeout), icon="⏸️")
        return
    st.warning(
        " ".join(
            filter(None, [t("train.stopped", epochs=len(job.history)), early_stopping_text(job)])
        ),
        icon="⏹️",
    )


def _failed(job: JobView) -> None:
    code, params = job.error
    st.error(t(code, **params), icon="🛑")  # the values it quotes are escaped


_VIEWS = {
    runs.QUEUED: _queued,
    runs.STARTING: lambda job: st.info(t("train.starting_run"), icon="⏳"),
    runs.RUNNING: _running,
    runs.FINISHED: _finished,
    runs.STOPPED: _stopped,
    runs.CANCELLED: _stopped,
    runs.FAILED: _failed,
}


def show_status(job: JobView) -> None:
    """One job's state in words: its place in the queue, its progress, or how it ended."""
    _VIEWS[job.status](job)


def sidebar_run_status() -> None:
    """A line in the sidebar while this browser's latest run waits or trains."""
    job = backend.current_job()
    if job is None or not job.active:
        return

    @st.fragment(run_every=SIDEBAR_REFRESH_SECONDS)
    def _line() -> None:
        current = backend.pool().snapshot(job.id)
        if current is None or not current.active:
            st.rerun()  # ended: stop polling
        if current.status == runs.QUEUED:
            st.caption(
                t(
                    "train.sidebar_queued",
                    position=current.queue_position,
                    wait=wait_text(backend.pool().estimated_wait(job.id)),
                )
            )
        elif current.status == runs.STARTING:
            st.caption(t("train.sidebar_starting"))
        else:
            fraction, text = progress(current)
            st.progress(fraction, text=t("train.sidebar_running", progress=text))

    with st.sidebar:
        _line()
