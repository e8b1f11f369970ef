"""Train page: start and stop a background job and watch it learn, epoch by epoch."""

import numpy as np
import pandas as pd
import streamlit as st

from playground import charts, checks, evaluation
from playground.csv_export import safe_csv
from playground.errors import PlaygroundError
from playground.worker import grid_points
from ui import backend
from ui.navigation import ensure_app_navigation
from ui.i18n import lang, show_error, t
from ui.problems import show_problems
from ui.run_status import at_chance, chance_level_note, early_stopping_text, progress, wait_text
from ui.state import config

ensure_app_navigation()

RUNNING_REFRESH_SECONDS = 1.0
QUEUED_REFRESH_SECONDS = 2.0  # a class of 30 mostly waits: their pages poll gently
CONFIRM_KEY = "confirm_second_run"
# The failed run the student has acted on (e.g. "Use learning rate 1"): the page
# then shows that it is ready to train again rather than the stale failure.
ACTED_ON_KEY = "acted_on_failed_run"
DIVERGED_CODES = ("train.diverged", "train.exploded")

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
active_ids = [active.id for active in pool.active_jobs(owner)]

st.caption(t("train.experiment_line", dataset=t(f"data.name.{dataset.name}"),
             layers=" → ".join(f"{l.units} {l.activation}" for l in cfg.layers) or "—",
             optimizer=cfg.optimizer, lr=f"{cfg.learning_rate:g}", epochs=cfg.epochs,
             batch=cfg.batch_size))
with st.expander(t("train.checks"), expanded=False):
    problems = show_problems(cfg, dataset, backend.settings())
blocked = checks.has_errors(problems)
if pool.storage_problem:
    st.error(t(pool.storage_problem), icon="💾")
    blocked = True
elif blocked:
    st.error(t("train.blocked"), icon="🛑")
    st.page_link("pages/model.py", label=t("train.go_fix"), icon="🧱")


def _start_run() -> None:
    pool.submit(cfg.to_dict(), owner)
    st.session_state.pop(CONFIRM_KEY, None)


def _stop_active_runs() -> None:
    for active_id in active_ids:
        pool.stop(active_id)


def _stop_and_start() -> None:
    _stop_active_runs()  # the new run starts as soon as the stopped one has ended
    _start_run()


with st.container(horizontal=True):  # buttons as wide as their labels; they wrap, never shrink
    train_clicked = st.button(t("train.start"), type="primary", icon="▶️", disabled=blocked,
                              key="train_button")
    stop_clicked = st.button(t("train.stop"), icon="⏹️", disabled=not active_ids,
                             key="stop_button")
if train_clicked:
    if active_ids:
        st.session_state[CONFIRM_KEY] = True
    else:
        _start_run()
        st.rerun()
if stop_clicked:
    _stop_active_runs()
    st.rerun()
if st.session_state.get(CONFIRM_KEY) and active_ids and not blocked:
    with st.container(border=True):
        st.warning(t("train.already_active"), icon="⏳")
        with st.container(horizontal=True):
            st.button(t("train.stop_and_start"), key="stop_and_start", on_click=_stop_and_start)
            st.button(t("train.queue_after"), key="queue_after", on_click=_start_run)
            st.button(t("train.cancel"), key="cancel_second_run",
                      on_click=lambda: st.session_state.pop(CONFIRM_KEY, None))


def _earlier_running_run(job):
    return next((active for active in pool.active_jobs(owner)
                 if active.id != job.id and active.status in ("starting", "running")), None)


def _failure_dealt_with(job) -> bool:
    """A failed run the student has since acted on: its message is stale."""
    return job.status == "failed" and (st.session_state.get(ACTED_ON_KEY) == job.id
                                       or job.config != cfg.to_dict())


def _status(job) -> None:
    if job.status == "queued" and pool.ready_workers() == 0:
        st.info(t("train.starting"), icon="⏳")
    elif job.status == "queued":
        wait = wait_text(pool.estimated_wait(job.id))
        earlier = _earlier_running_run(job)
        if earlier is None:
            st.info(t("train.queued", position=job.queue_position, wait=wait), icon="⏳")
        else:
            st.info(t("train.queued_behind_own", position=job.queue_position, wait=wait), icon="⏳")
            fraction, text = progress(earlier)
            st.progress(fraction, text=t("train.previous_running", progress=text))
    elif job.status == "starting":
        st.info(t("train.starting_run"), icon="⏳")
    elif job.status == "running":
        fraction, text = progress(job)
        st.progress(fraction, text=text)
    elif job.status == "finished":
        st.success(" ".join(filter(None, [t("train.finished", epochs=len(job.history)),
                                          early_stopping_text(job)])), icon="✅")
        if at_chance(job.result):
            chance_level_note(job.result)
    elif job.status in ("stopped", "cancelled"):
        st.warning(" ".join(filter(None, [t("train.stopped", epochs=len(job.history)),
                                          early_stopping_text(job)])), icon="⏹️")
    elif job.status == "failed":
        code, params = job.error
        st.error(t(code, **params), icon="🛑")  # the values it quotes are escaped
        if code in DIVERGED_CODES and st.button(t("train.use_lr", lr=f"{params['suggestion']:g}"),
                                               key="use_smaller_lr"):
            cfg.learning_rate = params["suggestion"]
            st.session_state[ACTED_ON_KEY] = job.id
            # The button lives in the live fragment: rerun the whole page, so the
            # caption, the link and the checks all show the new rate.
            st.rerun(scope="app")


def _charts(job) -> None:
    history = job.history
    best = evaluation.best_epoch(history)
    metric = "mae" if dataset.task == "regression" else "accuracy"
    loss_col, metric_col = st.columns(2)
    loss_col.plotly_chart(charts.history_figure(history, "loss", lang(), best_epoch=best),
                          key="loss_chart")
    metric_col.plotly_chart(charts.history_figure(history, metric, lang(), best_epoch=best),
                            key="metric_chart")
    # Not on a run that blew up or learned nothing: its validation loss says nothing about memorizing.
    if job.status != "failed" and not at_chance(job.result) and evaluation.looks_overfit(history):
        st.warning(t("evaluation.overfit_note", epoch=best), icon="📈")
    if dataset.kind == "points2d" and job.grid is not None:
        grid = grid_points(dataset.x_train)
        values = np.asarray(job.grid).reshape(len(grid["ys"]), len(grid["xs"]))
        st.plotly_chart(charts.decision_boundary_figure(
            grid["xs"], grid["ys"], values, dataset.x_train, dataset.y_train, dataset.class_names,
            dataset.task, lang()), key="boundary_chart")
        model_epoch = (job.result or {}).get("model_epoch", len(history))
        if model_epoch != len(history):
            st.caption(t("train.boundary_caption_restored", epoch=model_epoch))
        else:
            st.caption(t("train.boundary_caption", epoch=len(history)))


def _results(job) -> None:
    if not job.history:
        return
    st.download_button(t("train.download_history"), safe_csv(pd.DataFrame(job.history)),
                       file_name=f"history-{job.id}.csv", mime="text/csv", icon="⬇️")
    if job.status == "finished":
        test = job.result["test"]
        cols = st.columns(len(test))
        for col, (name, value) in zip(cols, test.items()):
            col.metric(t(f"eval.metric.{name}"), f"{value:.4f}" if isinstance(value, float) else value)
        st.page_link("pages/evaluate.py", label=t("train.go_evaluate"), icon="🔍")


def _refresh_seconds() -> float | None:
    if not running:
        return None
    return QUEUED_REFRESH_SECONDS if job.status == "queued" else RUNNING_REFRESH_SECONDS


@st.fragment(run_every=_refresh_seconds())
def live_view() -> None:
    current = pool.snapshot(job_id)
    if current is None:
        return
    if _failure_dealt_with(current):
        st.info(t("train.ready_with_lr", lr=f"{cfg.learning_rate:g}")
                if st.session_state.get(ACTED_ON_KEY) == current.id else t("train.ready"), icon="👉")
        return
    _status(current)
    if current.history:
        _charts(current)
    if running and current.status != job.status:
        st.rerun()  # started or ended: redraw the buttons and the refresh rate
    if not current.active:
        _results(current)


if job is None:
    st.info(t("train.ready"), icon="👉")
else:
    live_view()
