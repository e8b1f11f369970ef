"""Train page: start and stop a background job and watch it learn, epoch by epoch."""

import numpy as np
import pandas as pd
import streamlit as st

from playground import charts, checks, evaluation
from playground.errors import PlaygroundError
from playground.i18n import translate
from playground.worker import grid_points
from ui import backend
from ui.navigation import ensure_app_navigation
from ui.i18n import lang, show_error, t
from ui.problems import show_problems
from ui.state import config

ensure_app_navigation()

REFRESH_SECONDS = 0.5

cfg = config()
st.title(t("train.title"))
try:
    dataset = backend.load_dataset(cfg.data)
except PlaygroundError as err:
    show_error(err)
    st.page_link("pages/data.py", label=t("model.fix_data"), icon="📊")
    st.stop()

pool = backend.pool()
owner = backend.session_owner()
job_id = backend.current_job_id()
job = pool.snapshot(job_id) if job_id else None
running = job is not None and job.active

st.caption(t("train.experiment_line", dataset=t(f"data.name.{dataset.name}"),
             layers=" → ".join(f"{l.units} {l.activation}" for l in cfg.layers) or "—",
             optimizer=cfg.optimizer, lr=f"{cfg.learning_rate:g}", epochs=cfg.epochs,
             batch=cfg.batch_size))
with st.expander(t("train.checks"), expanded=False):
    problems = show_problems(cfg, dataset, backend.settings())
blocked = checks.has_errors(problems)
if blocked:
    st.error(t("train.blocked"), icon="🛑")
    st.page_link("pages/model.py", label=t("train.go_fix"), icon="🧱")

train_col, stop_col, _ = st.columns([1, 1, 4])
if train_col.button(t("train.start"), type="primary", icon="▶️", disabled=blocked or running,
                    key="train_button"):
    backend.remember_run(pool.submit(cfg.to_dict(), owner))
    st.rerun()
if stop_col.button(t("train.stop"), icon="⏹️", disabled=not running, key="stop_button"):
    pool.stop(job_id)
    st.rerun()


def _progress(job) -> tuple[float, str]:
    epochs = max(1, int(job.config["epochs"]))
    done = len(job.history)
    fraction, text = done / epochs, t("train.progress_epoch", epoch=done, epochs=epochs)
    if job.batch and job.batch["epoch"] > done and job.batch.get("steps"):
        within = job.batch["step"] / job.batch["steps"]
        fraction = (job.batch["epoch"] - 1 + within) / epochs
        text = t("train.progress_batch", epoch=job.batch["epoch"], epochs=epochs,
                 step=job.batch["step"], steps=job.batch["steps"])
    return min(1.0, fraction), text


def _status(job) -> None:
    if job.status == "queued" and pool.ready_workers() == 0:
        st.info(t("train.starting"), icon="⏳")
    elif job.status == "queued":
        st.info(t("train.queued", position=job.queue_position), icon="⏳")
    elif job.status == "running":
        fraction, text = _progress(job)
        st.progress(fraction, text=text)
    elif job.status == "finished":
        reason = t("train.early_stopped") if job.stopped == "early_stopping" else ""
        st.success(t("train.finished", epochs=len(job.history)) + " " + reason, icon="✅")
    elif job.status in ("stopped", "cancelled"):
        st.warning(t("train.stopped", epochs=len(job.history)), icon="⏹️")
    elif job.status == "failed":
        code, params = job.error
        st.error(translate(code, lang(), **params), icon="🛑")
        if code == "train.diverged":
            st.button(t("train.use_lr", lr=f"{params['suggestion']:g}"), key="use_smaller_lr",
                      on_click=_use_learning_rate, args=(params["suggestion"],))


def _use_learning_rate(value: float) -> None:
    cfg.learning_rate = value


def _charts(job) -> None:
    history = job.history
    best = evaluation.best_epoch(history)
    metric = "mae" if dataset.task == "regression" else "accuracy"
    loss_col, metric_col = st.columns(2)
    loss_col.plotly_chart(charts.history_figure(history, "loss", lang(), best_epoch=best),
                          key="loss_chart")
    metric_col.plotly_chart(charts.history_figure(history, metric, lang(), best_epoch=best),
                            key="metric_chart")
    if evaluation.looks_overfit(history):
        st.warning(t("evaluation.overfit_note", epoch=best), icon="📈")
    if dataset.kind == "points2d" and job.grid is not None:
        grid = grid_points(dataset.x_train)
        values = np.asarray(job.grid).reshape(len(grid["ys"]), len(grid["xs"]))
        st.plotly_chart(charts.decision_boundary_figure(
            grid["xs"], grid["ys"], values, dataset.x_train, dataset.y_train, dataset.class_names,
            dataset.task, lang()), key="boundary_chart")
        st.caption(t("train.boundary_caption", epoch=len(history)))


def _results(job) -> None:
    if not job.history:
        return
    st.download_button(t("train.download_history"), pd.DataFrame(job.history).to_csv(index=False),
                       file_name=f"history-{job.id}.csv", mime="text/csv", icon="⬇️")
    if job.status == "finished":
        test = job.result["test"]
        cols = st.columns(len(test))
        for col, (name, value) in zip(cols, test.items()):
            col.metric(t(f"eval.metric.{name}"), f"{value:.4f}" if isinstance(value, float) else value)
        st.page_link("pages/evaluate.py", label=t("train.go_evaluate"), icon="🔍")


@st.fragment(run_every=REFRESH_SECONDS if running else None)
def live_view() -> None:
    current = pool.snapshot(job_id)
    if current is None:
        return
    _status(current)
    if current.history:
        _charts(current)
    if running and not current.active:
        st.rerun()
    if not current.active:
        _results(current)


if job is None:
    st.info(t("train.ready"), icon="👉")
else:
    live_view()
