"""The Compare page's views: several finished runs side by side.

Their curves overlaid (one colour per run, training solid, validation
dashed), their settings with the differences highlighted, their test
scores, and for 2-D sets their decision boundaries. Run names are student
text: tables and chart labels show them as plain text, Markdown gets them
escaped through `t`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from playground import charts, evaluation, run_names
from playground.config import ExperimentConfig
from playground.i18n import translate
from playground.i18n.escape import escape_markdown
from playground.runs import JobView, RunResult
from ui import backend
from ui.export_views import chart_config
from ui.i18n import lang, t
from ui.run_views import final_boundary_figure

MAX_BOUNDARY_COLUMNS = 3
DEFAULT_PICKED = 3
ROW_PIXELS = 35  # a row of st.dataframe
DIFFERENT_ROW_STYLE = "background-color: #fff3b0; font-weight: 600"


def run_option(job: JobView, name: str) -> str:
    """A run as a select shows it: its name, dataset and epochs (plain text, not Markdown)."""
    return translate(
        "eval.run_label",
        lang(),
        name=name,
        dataset=translate(f"data.name.{job.config.data.name}", lang()),
        epochs=len(job.history),
    )


def pick_runs(finished: list[JobView], names: dict[str, str]) -> list[JobView]:
    """A multiselect of the finished runs, the newest `DEFAULT_PICKED` picked at first.

    Returns:
        The picked runs, oldest first (the order of their colours).
    """
    order = list(reversed(finished))  # oldest first
    by_id = {job.id: job for job in order}
    picked = st.multiselect(
        t("compare.pick"),
        list(by_id),
        default=[job.id for job in order[-DEFAULT_PICKED:]],
        format_func=lambda job_id: run_option(by_id[job_id], names[job_id]),
        key="compare_runs",
    )
    return [by_id[job_id] for job_id in by_id if job_id in picked]


def rename_runs(jobs: list[JobView], names: dict[str, str]) -> None:
    """A name box per run; a new name is kept with the run on the backend."""
    with st.expander(t("compare.rename"), icon="✏️"):
        st.caption(t("compare.rename_help"))
        for job in jobs:
            st.text_input(
                run_option(job, names[job.id]),
                value=job.name,
                placeholder=names[job.id],
                max_chars=run_names.MAX_NAME_CHARS,
                key=f"rename_{job.id}",
                on_change=_rename,
                args=(job.id,),
            )


def _rename(job_id: str) -> None:
    backend.pool().rename(job_id, backend.session_owner(), st.session_state[f"rename_{job_id}"])


def curves(jobs: list[JobView], results: list[RunResult], names: dict[str, str]) -> None:
    """Loss, and accuracy or MAE, of every picked run on one chart each."""
    st.subheader(t("compare.curves"))
    st.caption(t("compare.intro"))
    runs = [(names[job.id], result.history) for job, result in zip(jobs, results)]
    metrics = ["loss"] + [
        metric
        for metric in ("accuracy", "mae")
        if any(metric in logs for result in results for logs in result.history)
    ]
    for column, metric in zip(st.columns(len(metrics)), metrics):
        column.plotly_chart(
            charts.compare_history_figure(runs, metric, lang()),
            key=f"compare_{metric}",
            config=chart_config(f"compare-{metric}"),
        )


def settings_table(jobs: list[JobView], names: dict[str, str]) -> None:
    """Each setting of each run; the rows in which they differ highlighted."""
    st.subheader(t("compare.settings"))
    st.caption(t("compare.settings_help"))
    columns = _unique_columns([names[job.id] for job in jobs])
    rows = {t(key): [describe(job) for job in jobs] for key, describe in _SETTINGS.items()}
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    differs = frame.nunique(axis=1) > 1
    styled = frame.style.apply(
        lambda row: [DIFFERENT_ROW_STYLE if differs[row.name] else ""] * len(row), axis=1
    )
    st.dataframe(styled, width="stretch", height=_table_height(len(frame)))


def scores_table(jobs: list[JobView], results: list[RunResult], names: dict[str, str]) -> None:
    """Each run's test loss and metrics (MSE, MAE, R² for regression), side by side."""
    st.subheader(t("compare.scores"))
    columns = _unique_columns([names[job.id] for job in jobs])
    table: dict[str, list] = {}
    for index, result in enumerate(results):
        for metric, value in _test_scores(result).items():
            row = table.setdefault(t(f"eval.metric.{metric}"), [None] * len(results))
            row[index] = value
    frame = pd.DataFrame.from_dict(table, orient="index", columns=columns)
    st.dataframe(
        frame.style.format(precision=4, na_rep="–"),
        width="stretch",
        height=_table_height(len(frame)),
    )


def boundaries(jobs: list[JobView], results: list[RunResult], names: dict[str, str]) -> None:
    """The final decision boundary of every 2-D run, side by side."""
    st.subheader(t("compare.boundaries"))
    shown = [(job, result) for job, result in zip(jobs, results) if result.grid is not None]
    if not shown:
        st.caption(t("compare.no_boundary"))
        return
    for start in range(0, len(shown), MAX_BOUNDARY_COLUMNS):
        row = shown[start : start + MAX_BOUNDARY_COLUMNS]
        for column, (job, result) in zip(st.columns(MAX_BOUNDARY_COLUMNS), row):
            column.markdown(f"**{escape_markdown(names[job.id])}**")
            figure = final_boundary_figure(result)
            figure.update_layout(height=340, margin={"l": 40, "r": 10, "t": 30, "b": 40})
            column.plotly_chart(
                figure, key=f"compare_boundary_{job.id}", config=chart_config("boundary")
            )


# ------------------------------------------------------------------ helpers
def _test_scores(result: RunResult) -> dict[str, float]:
    summary = result.summary
    scores = {k: v for k, v in summary.test.items() if k in evaluation.TEST_METRICS}
    if summary.task == "regression":
        values = result.prob.reshape(len(result.prob), -1)[:, 0]
        scores = {
            "loss": scores.get("loss"),
            **evaluation.regression_metrics(result.y_true, values),
        }
    return {k: v if isinstance(v, float) else None for k, v in scores.items()}


def _table_height(rows: int) -> int:
    """Pixels that show every row without an inner scrollbar (header included)."""
    return (rows + 1) * ROW_PIXELS + 3


def _unique_columns(names: list[str]) -> list[str]:
    """Table columns: the names, numbered in the order of the charts' colours."""
    return [f"{number}. {name}" for number, name in enumerate(names, start=1)]


def _layers(config: ExperimentConfig) -> str:
    if not config.layers:
        return translate("compare.no_hidden", lang())
    return ", ".join(f"{layer.units} {layer.activation}" for layer in config.layers)


def _head(config: ExperimentConfig) -> str:
    units = config.output_units or "auto"
    return f"{units} {config.output_activation}, {config.loss}"


def _early(config: ExperimentConfig) -> str:
    if not config.early_stopping:
        return translate("compare.off", lang())
    return translate(
        "compare.early_on",
        lang(),
        patience=config.patience,
        restore=config.restore_best_weights,
    )


def _data(config: ExperimentConfig) -> str:
    data = config.data
    return f"{data.n_samples}, {data.noise:g}, {data.test_fraction:g}"


_SETTINGS = {
    "compare.setting.dataset": lambda job: job.config.data.name,
    "compare.setting.layers": lambda job: _layers(job.config),
    "compare.setting.head": lambda job: _head(job.config),
    "compare.setting.optimizer": lambda job: job.config.optimizer,
    "compare.setting.learning_rate": lambda job: f"{job.config.learning_rate:g}",
    "compare.setting.momentum": lambda job: f"{job.config.momentum:g}",
    "compare.setting.epochs": lambda job: f"{len(job.history)} / {job.config.epochs}",
    "compare.setting.batch_size": lambda job: str(job.config.batch_size),
    "compare.setting.validation_split": lambda job: f"{job.config.validation_split:g}",
    "compare.setting.early_stopping": lambda job: _early(job.config),
    "compare.setting.scaling": lambda job: job.config.data.scaling,
    "compare.setting.labels": lambda job: job.config.label_encoding,
    "compare.setting.data": lambda job: _data(job.config),
    "compare.setting.seed": lambda job: str(job.config.seed),
}
