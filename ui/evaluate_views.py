"""The Evaluate page's views of a finished run: its test scores, its mistakes, what its neurons learned."""

from __future__ import annotations

import functools

import numpy as np
import streamlit as st

from playground import charts, datasets, evaluation
from playground.runs import RunResult
from ui import examples_views
from ui.i18n import lang, t
from ui.run_status import chance_level_note
from ui.run_views import final_boundary_figure, test_scores


def scores(result: RunResult) -> None:
    """Test-set loss and metrics (MSE, MAE, R² for regression) and the chance-level verdict."""
    summary = result.summary
    st.subheader(t("eval.test_metrics", n=summary.n_test))
    if summary.task == "regression":
        test_scores(
            summary,
            {
                "loss": summary.test["loss"],
                **evaluation.regression_metrics(result.y_true, _values(result)),
            },
        )
    else:
        test_scores(summary)
    if summary.at_chance:
        chance_level_note(summary)


def classification(result: RunResult) -> None:
    """Confusion matrix and report; the threshold for yes/no tasks, argmax for classes."""
    summary, y_true, prob = result.summary, result.y_true, result.prob
    threshold, positive = 0.5, 1
    if summary.task == "binary":
        threshold, positive = _threshold_controls(result)
    y_pred = evaluation.predicted_classes(prob, threshold, positive)
    cm = evaluation.confusion(y_true, y_pred, len(summary.class_names))
    matrix_col, report_col = st.columns([5, 4])
    with matrix_col:
        st.subheader(t("eval.confusion"))
        value_labels = {"counts": t("eval.matrix_counts"), "percent": t("eval.matrix_percent")}
        values = st.segmented_control(
            t("eval.matrix_values"),
            list(value_labels),
            default="counts",
            required=True,
            format_func=value_labels.get,
            key="matrix_values",
        )
        st.caption(t("eval.matrix_click"))
        st.plotly_chart(
            charts.confusion_matrix_figure(cm, summary.class_names, lang(), values),
            key="confusion_chart",
            width="stretch",
            config={"displayModeBar": False},
            on_select=functools.partial(
                examples_views.take_clicked_cell, "confusion_chart", examples_views.cell_key(result)
            ),
            selection_mode="points",
        )
    with report_col:
        st.subheader(t("eval.report"))
        score = st.column_config.NumberColumn(format="%.3f")
        st.dataframe(
            evaluation.report_frame(y_true, y_pred, summary.class_names),
            height="content",
            placeholder="—",
            column_config={
                "_index": st.column_config.TextColumn(width=110),
                "precision": score,
                "recall": score,
                "f1-score": score,
                "support": st.column_config.NumberColumn(format="%d"),
            },
        )
    examples_views.cell_examples(result, y_pred)
    if summary.task == "binary":
        _threshold_and_roc(result, threshold, positive)
    else:
        _softmax_rows(result)


def _threshold_controls(result: RunResult) -> tuple[float, int]:
    """The positive class (the teacher's choice) and the threshold on its probability."""
    summary = result.summary
    names = summary.class_names
    st.subheader(t("eval.threshold_title"))
    spec = datasets.DATASETS.get(summary.dataset)
    positive = st.selectbox(
        t("eval.positive_class"),
        [0, 1],
        format_func=lambda k: str(names[k]),
        index=evaluation.default_positive_class(names, spec.positive_class if spec else None),
        key=f"positive_class.{summary.dataset}",
        help=t("eval.positive_class_help"),
    )
    st.caption(
        t("eval.threshold_help", positive=str(names[positive]), negative=str(names[1 - positive]))
    )
    threshold = st.slider(
        t("eval.threshold", positive=str(names[positive])),
        0.01,
        0.99,
        0.5,
        step=0.01,
        key="threshold",
    )
    return threshold, positive


def _threshold_and_roc(result: RunResult, threshold: float, positive: int) -> None:
    """Precision and recall against the threshold, beside the ROC curve; the threshold on both."""
    y_true, prob = result.y_true, result.prob
    name = str(result.summary.class_names[positive])
    sweep = evaluation.threshold_sweep(y_true, prob, np.linspace(0.05, 0.95, 19), positive)
    sweep_col, roc_col = st.columns(2)
    with sweep_col:
        st.plotly_chart(
            charts.threshold_figure(sweep, threshold, lang(), positive_name=name),
            key="threshold_chart",
        )
    with roc_col:
        st.plotly_chart(
            charts.roc_figure(
                evaluation.roc(y_true, prob, positive),
                evaluation.roc_point(y_true, prob, threshold, positive),
                threshold,
                lang(),
                positive_name=name,
            ),
            key="roc_chart",
        )


def _softmax_rows(result: RunResult) -> None:
    """Softmax rows that sum to 1, and the class argmax picks for one test row."""
    names, y_true, prob = result.summary.class_names, result.y_true, result.prob
    st.subheader(t("eval.softmax_title"))
    st.caption(t("eval.softmax_help"))
    st.dataframe(evaluation.softmax_table(prob, y_true, names, rows=8, lang=lang()).round(3))
    row = st.number_input(t("eval.row"), 0, len(y_true) - 1, 0)
    guess = int(np.argmax(prob[row]))
    st.plotly_chart(
        charts.probability_bars_figure(prob[row], names, lang(), highlight=guess),
        key="probability_chart",
    )
    st.caption(
        t(
            "eval.argmax_line",
            cls=names[guess],
            p=f"{float(np.max(prob[row])):.3f}",
            truth=names[int(y_true[row])],
        )
    )


def regression(result: RunResult) -> None:
    st.subheader(t("eval.pred_vs_actual"))
    st.plotly_chart(
        charts.predicted_vs_actual_figure(result.y_true, _values(result), lang()),
        key="regression_chart",
    )


def neurons(result: RunResult) -> None:
    """For 2-D sets: the final boundary and the feature every hidden neuron computes."""
    grid = result.grid
    st.subheader(t("eval.boundary"))
    st.plotly_chart(
        final_boundary_figure(result),
        key="final_boundary",
    )
    st.subheader(t("eval.neurons"))
    st.caption(t("eval.neurons_help"))
    for number, layer in enumerate(grid.layers[:-1], start=1):
        st.plotly_chart(
            charts.neuron_grid_figure(layer, grid.extent, lang(), t("eval.layer_title", n=number)),
            key=f"neurons_layer_{number}",
        )


def _values(result: RunResult) -> np.ndarray:
    """A regression's predicted values, shape (n,)."""
    return result.prob.reshape(len(result.prob), -1)[:, 0]
