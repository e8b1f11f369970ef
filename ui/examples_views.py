"""The examples behind a confusion-matrix cell: digits, reviews, table rows or 2-D points.

A click on a cell of the matrix (`st.plotly_chart(on_select=...)` on its
scatter of cell points, whose `customdata` starts with (actual, predicted))
picks the cell; the same choice is a select box for keyboards and phones.
The run's files hold labels and outputs, not inputs: the inputs come from
loading the run's dataset again (the same config gives the same split),
checked against the saved labels before anything is shown.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from playground import charts, datasets, evaluation
from playground.datasets import imdb
from playground.errors import PlaygroundError
from playground.runs import RunResult
from ui import backend
from ui.i18n import lang, show_error, t
from ui.run_views import final_boundary_figure

# The most points of one cell ringed on a 2-D set's boundary plot.
MAX_CELL_POINTS = 1000
IMAGE_COLUMNS = 8


def cell_key(result: RunResult) -> str:
    """The session-state key of the chosen cell, one per run."""
    return f"examples_cell.{result.folder.name}"


def take_clicked_cell(chart_key: str, key: str) -> None:
    """`on_select` callback of the matrix chart: the clicked cell becomes the chosen one.

    A cell is a point of the figure's cell scatter, whose `customdata`
    is (actual, predicted, count, row %); a click elsewhere changes nothing.
    """
    selection = st.session_state.get(chart_key, {}).get("selection", {})
    for point in selection.get("points", []):
        cell = clicked_cell(point.get("customdata"))
        if cell is not None:
            st.session_state[key] = cell
            return


def clicked_cell(customdata) -> tuple[int, int] | None:
    """(actual, predicted) from a clicked point's customdata, else None.

    Plotly.js reports a point's row of a typed array (how Plotly sends NumPy
    arrays) as an object keyed "0", "1", ...; a plain list stays a list.
    """
    if isinstance(customdata, dict):
        customdata = [customdata.get(str(i)) for i in range(2)]
    try:
        actual, predicted = (int(value) for value in list(customdata)[:2])
    except (TypeError, ValueError):
        return None
    return actual, predicted


def cell_examples(result: RunResult, y_pred: np.ndarray) -> None:
    """The chosen cell's test examples, the most confident first.

    Args:
        result: the finished run.
        y_pred: the predicted classes the matrix shows (at the current threshold).
    """
    summary = result.summary
    names = [str(name) for name in summary.class_names]
    k = len(names)
    st.subheader(t("eval.examples_title"))
    cells = [(actual, predicted) for actual in range(k) for predicted in range(k)]
    key = cell_key(result)
    if st.session_state.get(key) not in cells:
        st.session_state.pop(key, None)
    cell = st.selectbox(
        t("eval.examples_cell"),
        cells,
        index=None,
        key=key,
        placeholder=t("eval.examples_pick"),
        # Class names only: the same in both languages and at every threshold, so the
        # choice survives a language switch and a threshold move.
        format_func=lambda c: f"{names[c[0]]} → {names[c[1]]}",
    )
    if cell is None:
        return
    limit = MAX_CELL_POINTS if _kind(result) == "points2d" else evaluation.MAX_CELL_EXAMPLES
    examples = evaluation.cell_examples(result.y_true, y_pred, result.prob, *cell, limit=limit)
    words = {"actual": names[cell[0]], "predicted": names[cell[1]]}
    if examples.total == 0:
        st.info(t("eval.examples_none", **words))
        return
    st.caption(t("eval.examples_count", count=examples.total, shown=len(examples.rows), **words))
    try:
        _show(result, examples)
    except PlaygroundError as err:
        show_error(err)


def _kind(result: RunResult) -> str:
    spec = datasets.DATASETS.get(result.summary.dataset)
    return spec.kind if spec else "tabular"


def _show(result: RunResult, examples: evaluation.CellExamples) -> None:
    kind = _kind(result)
    if kind == "text":
        _reviews(result, examples)
        return
    data = result.summary.config.data
    # 2-D points in the model's (scaled) plane, where the boundary is drawn; other inputs raw.
    dataset = backend.load_dataset(data if kind == "points2d" else replace(data, scaling="none"))
    if not _same_test_set(dataset.y_test, result.y_true):
        return
    if kind == "points2d" and result.grid is not None:
        _points(result, dataset.x_test[examples.rows])
    elif kind == "image":
        _images(dataset.x_test[examples.rows], examples.confidence)
    else:
        _rows(result, dataset, examples)


def _same_test_set(y_test, y_true) -> bool:
    """Whether the reloaded test labels are the run's; if not, says so."""
    y_test, y_true = np.asarray(y_test).ravel(), np.asarray(y_true).ravel()
    if len(y_test) == len(y_true) and np.array_equal(y_test, y_true.astype(y_test.dtype)):
        return True
    st.warning(t("eval.examples_data_changed", saved=len(y_true), loaded=len(y_test)))
    return False


def _names(result: RunResult, examples: evaluation.CellExamples) -> tuple[str, str]:
    names = result.summary.class_names
    return str(names[examples.actual]), str(names[examples.predicted])


def _confidence_column() -> dict:
    return {
        t("eval.examples_col_confidence"): st.column_config.ProgressColumn(
            format="percent", min_value=0.0, max_value=1.0
        )
    }


def _images(images: np.ndarray, confidence: np.ndarray) -> None:
    st.plotly_chart(
        charts.image_grid_figure(
            images, [f"{p:.0%}" for p in confidence], lang(), cols=IMAGE_COLUMNS
        ),
        key="examples_images",
        config={"displayModeBar": False},
    )


def _rows(result: RunResult, dataset, examples: evaluation.CellExamples) -> None:
    actual, predicted = _names(result, examples)
    info = [
        t("eval.examples_col_actual"),
        t("eval.examples_col_predicted"),
        t("eval.examples_col_confidence"),
    ]
    features = np.asarray(dataset.x_test)[examples.rows].reshape(len(examples.rows), -1)
    # A CSV column may itself be called "actual": every column keeps its own name.
    names = datasets.unique_names([*info, *(str(name) for name in dataset.feature_names)])
    frame = pd.DataFrame(features, columns=names[len(info) :])
    for position, (column, values) in enumerate(
        zip(info, [actual, predicted, examples.confidence])
    ):
        frame.insert(position, column, values)
    frame.index = pd.Index(examples.rows, name=t("eval.examples_col_row"))
    st.dataframe(frame, column_config=_confidence_column(), key="examples_table")


def _reviews(result: RunResult, examples: evaluation.CellExamples) -> None:
    texts, y_test = imdb.test_reviews(result.summary.config.data, examples.rows)
    if not _same_test_set(y_test, result.y_true):
        return
    if texts is None:
        st.info(t("eval.examples_no_words"))
        return
    frame = pd.DataFrame(
        {
            t("eval.examples_col_confidence"): examples.confidence,
            t("eval.examples_col_review"): texts,
        },
        index=pd.Index(examples.rows, name=t("eval.examples_col_row")),
    )
    st.dataframe(
        frame,
        column_config={
            **_confidence_column(),
            t("eval.examples_col_review"): st.column_config.TextColumn(width="large"),
        },
        key="examples_reviews",
    )


def _points(result: RunResult, points: np.ndarray) -> None:
    fig = final_boundary_figure(result)
    charts.highlight_points(fig, points, t("eval.examples_points"))
    st.plotly_chart(fig, key="examples_boundary")
