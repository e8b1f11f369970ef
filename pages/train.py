"""Train page: start and stop a background job and watch it learn, epoch by epoch."""

import streamlit as st

from playground import checks, runs
from playground.config import layers_line
from ui import backend, network_views
from ui.i18n import t
from ui.page import begin, dataset_or_explain, link
from ui.penalty_view import penalty_note
from ui.problems import show_problems
from ui.run_status import show_status
from ui.run_views import history_charts, history_download, live_boundary, test_scores
from ui.state import config
from ui.train_controls import offer_smaller_learning_rate, stale_failure_note, train_buttons

RUNNING_REFRESH_SECONDS = 1.0
QUEUED_REFRESH_SECONDS = 2.0  # a class of 30 mostly waits: their pages poll gently


def refresh_seconds() -> float | None:
    if not job.active:
        return None
    return QUEUED_REFRESH_SECONDS if job.status == runs.QUEUED else RUNNING_REFRESH_SECONDS


def live_view() -> None:
    """The job as it is now: redrawn every second or two while it waits or trains."""
    current = pool.snapshot(job.id)
    if current is None or stale_failure_note(current, cfg):
        return
    show_status(current)
    if current.status == runs.FAILED:
        offer_smaller_learning_rate(current, cfg)
    if current.history:
        honest = current.status != runs.FAILED and not (
            current.summary and current.summary.at_chance
        )
        history_charts(current.history, dataset.task, "train", overfit_note=honest)
        penalty_note(current.history)
        live_boundary(current, dataset)
        network_views.live_diagram(current)
    if job.active and (current.status, current.paused) != (job.status, job.paused):
        st.rerun()  # started, paused, resumed or ended: redraw the buttons and the refresh rate
    if not current.active and current.history:
        history_download(current.history, current.id)
    if current.status == runs.FINISHED:
        test_scores(current.summary)
        link("evaluate", t("train.go_evaluate"))


begin(sidebar_status=False)
cfg = config()
st.title(t("train.title"))
dataset = dataset_or_explain(cfg)
pool, job = backend.pool(), backend.current_job()
st.caption(
    t(
        "train.experiment_line",
        dataset=t(f"data.name.{dataset.name}"),
        layers=layers_line(cfg.layers),
        optimizer=cfg.optimizer,
        lr=f"{cfg.learning_rate:g}",
        epochs=cfg.epochs,
        batch=cfg.batch_size,
    )
)
with st.expander(t("train.checks"), expanded=False):
    blocked = checks.has_errors(show_problems(cfg, dataset, backend.settings()))
if pool.storage_problem:
    st.error(t(pool.storage_problem), icon="💾")
    blocked = True
elif blocked:
    st.error(t("train.blocked"), icon="🛑")
    link("model", t("train.go_fix"))
train_buttons(cfg, blocked)
if job is None:
    st.info(t("train.ready"), icon="👉")
else:
    st.fragment(live_view, run_every=refresh_seconds())()
