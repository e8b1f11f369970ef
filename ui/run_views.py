"""Views of one run shared by the Train and Evaluate pages: its curves, its scores, its boundary."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from playground import charts, evaluation
from playground.csv_export import safe_csv
from playground.datasets import Dataset
from playground.runs import JobView, RunResult, RunSummary
from ui.export_views import chart_config
from ui.i18n import lang, t


def history_charts(history: list[dict], task: str, key: str, overfit_note: bool = False) -> None:
    """Loss and accuracy (MAE for regression), train against validation, the best epoch marked.

    Args:
        history: one log dict per epoch.
        task: the dataset's task.
        key: a prefix that keeps this page's chart keys apart.
        overfit_note: whether to say so when validation loss rose while
            training loss kept falling (never for a run that blew up or
            learned nothing: its validation loss says nothing about memorizing).
    """
    best = evaluation.best_epoch(history)
    metric = "mae" if task == "regression" else "accuracy"
    loss_col, metric_col = st.columns(2)
    loss_col.plotly_chart(
        charts.history_figure(history, "loss", lang(), best_epoch=best),
        key=f"{key}_loss",
        config=chart_config("loss"),
    )
    metric_col.plotly_chart(
        charts.history_figure(history, metric, lang(), best_epoch=best),
        key=f"{key}_metric",
        config=chart_config(metric),
    )
    if overfit_note and evaluation.looks_overfit(history):
        st.warning(t("evaluation.overfit_note", epoch=best), icon="📈")


def history_download(history: list[dict], run_id: str) -> None:
    """The history as a CSV file, its formula-like cells neutralised."""
    st.download_button(
        t("train.download_history"),
        safe_csv(pd.DataFrame(history)),
        file_name=f"history-{run_id}.csv",
        mime="text/csv",
        icon="⬇️",
    )


def test_scores(summary: RunSummary, scores: dict | None = None) -> None:
    """The test-set numbers, one metric each (Keras's own, unless `scores` are given)."""
    scores = scores or summary.test
    for column, (name, value) in zip(st.columns(len(scores)), scores.items()):
        column.metric(
            t(f"eval.metric.{name}"), f"{value:.4f}" if isinstance(value, float) else str(value)
        )


def live_boundary(job: JobView, dataset: Dataset) -> None:
    """The decision boundary the job's latest epoch (or its saved model) draws, for 2-D sets."""
    if dataset.kind != "points2d" or job.grid is None:
        return
    grid = evaluation.grid_points(dataset.x_train)
    values = np.asarray(job.grid).reshape(len(grid["ys"]), len(grid["xs"]))
    st.plotly_chart(
        charts.decision_boundary_figure(
            grid["xs"],
            grid["ys"],
            values,
            dataset.x_train,
            dataset.y_train,
            dataset.class_names,
            dataset.task,
            lang(),
        ),
        key="boundary_chart",
    )
    model_epoch = job.summary.model_epoch if job.summary else len(job.history)
    if model_epoch != len(job.history):
        st.caption(t("train.boundary_caption_restored", epoch=model_epoch))
    else:
        st.caption(t("train.boundary_caption", epoch=len(job.history)))


def final_boundary_figure(result: RunResult):
    """The decision boundary of a finished 2-D run: its saved grid over its training points."""
    grid, summary = result.grid, result.summary
    return charts.decision_boundary_figure(
        grid.xs,
        grid.ys,
        grid.cell_values(),
        grid.x_train,
        grid.y_train,
        summary.class_names,
        summary.task,
        lang(),
    )
