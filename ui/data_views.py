"""The Data page's views: the dataset's settings, and a preview of what the network will see."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from playground import charts, datasets
from playground.config import SCALINGS, DataConfig
from playground.datasets import Dataset
from playground.i18n.escape import escape_markdown
from playground.limits import TRAIN_ROWS, data_ranges
from ui.backend import settings
from ui.bounded import in_range
from ui.controls import widget
from ui.i18n import lang, t

TABLE_ROWS, TABLE_COLUMNS = 20, 200
REVIEW_CHARS = 600


def settings_controls(data: DataConfig) -> None:
    """Sample count and noise (toy sets), rows kept (MNIST, IMDB), test split, scaling, seed."""
    spec = datasets.DATASETS[data.name]
    ranges = data_ranges(data.name, settings())

    def bounded(name: str):
        allowed = ranges[name]
        return in_range(f"data.{name}", getattr(data, name), allowed), allowed.low, allowed.high

    left, right = st.columns(2)
    with left:
        if spec.kind == "points2d":
            value, low, high = bounded("n_samples")
            data.n_samples = widget(
                "data.n_samples",
                data.n_samples,
                st.slider,
                t("data.n_samples"),
                low,
                high,
                value,
                step=10,
                help=t("data.n_samples_help", maximum=high),
            )
            value, low, high = bounded("noise")
            data.noise = widget(
                "data.noise", data.noise, st.slider, t("data.noise"), low, high, value, step=0.05
            )
        elif data.name in TRAIN_ROWS:
            value, low, high = bounded("n_samples")
            data.n_samples = int(
                widget(
                    "data.n_samples",
                    data.n_samples,
                    st.number_input,
                    t("data.train_limit"),
                    low,
                    high,
                    value,
                    step=1000,
                    help=t(
                        "data.train_limit_help",
                        total=TRAIN_ROWS[data.name],
                        default=datasets.DEFAULT_SAMPLES[data.name],
                    ),
                )
            )
        if not spec.has_official_test_split:
            value, low, high = bounded("test_fraction")
            data.test_fraction = widget(
                "data.test_fraction",
                data.test_fraction,
                st.slider,
                t("data.test_fraction"),
                low,
                high,
                value,
                step=0.05,
            )
        else:
            st.caption(t("data.official_split"))
    with right:
        data.scaling = widget(
            "data.scaling",
            data.scaling,
            st.radio,
            t("data.scaling"),
            SCALINGS,
            index=SCALINGS.index(data.scaling) if data.scaling in SCALINGS else 0,
            format_func=lambda s: t(f"data.scaling.{s}"),
            horizontal=True,
            help=t("data.scaling_help"),
        )
        value, low, high = bounded("seed")
        data.seed = int(
            widget("data.seed", data.seed, st.number_input, t("data.seed"), low, high, value)
        )


def preview(dataset: Dataset) -> None:
    """Task and sizes, the loader's notes, a picture of the data, its balance and its first rows."""
    cols = st.columns([2, 1, 1, 1])
    cols[0].metric(t("data.task_label"), t(f"task.{dataset.task}"))
    cols[1].metric(t("data.train_rows"), f"{len(dataset.y_train):,}")
    cols[2].metric(t("data.test_rows"), f"{len(dataset.y_test):,}")
    cols[3].metric(t("data.input_shape"), " × ".join(map(str, dataset.input_shape)))
    st.caption(
        t(
            "data.input_range",
            low=f"{dataset.x_train.min():.3g}",
            high=f"{dataset.x_train.max():.3g}",
        )
    )
    for key, params in dataset.notes:
        st.info(t(key, **params), icon="ℹ️")
    _picture(dataset)
    st.subheader(t("data.balance"))
    if dataset.task == "regression":
        st.plotly_chart(charts.target_histogram(dataset.y_train, lang()))
    else:
        st.plotly_chart(
            charts.class_balance_figure(dataset.y_train, lang(), class_names=dataset.class_names)
        )
    st.subheader(t("data.table"))
    st.dataframe(_first_rows(dataset), hide_index=True)
    if dataset.n_features > TABLE_COLUMNS:
        st.caption(t("data.table_truncated", shown=TABLE_COLUMNS, total=dataset.n_features))


def _picture(dataset: Dataset) -> None:
    if dataset.kind == "points2d":
        st.plotly_chart(
            charts.scatter_2d_figure(dataset.x_train, dataset.y_train, dataset.class_names, lang())
        )
    elif dataset.kind == "image":
        count = min(16, len(dataset.y_train))
        labels = [dataset.class_names[int(y)] for y in dataset.y_train[:count]]
        st.plotly_chart(charts.image_grid_figure(dataset.x_train[:count], labels, lang()))
        st.caption(t("data.mnist_credit"))
    elif dataset.kind == "text":
        for review, label in zip(dataset.preview_text, dataset.y_train):
            with st.container(border=True):
                st.caption(dataset.class_names[int(label)])
                st.markdown(
                    escape_markdown(
                        review[:REVIEW_CHARS] + ("…" if len(review) > REVIEW_CHARS else "")
                    )
                )


def _first_rows(dataset: Dataset) -> pd.DataFrame:
    """The first training rows with their target in front."""
    count = min(TABLE_ROWS, len(dataset.x_train))
    names = dataset.feature_names[:TABLE_COLUMNS]
    table = pd.DataFrame(
        dataset.x_train[:count].reshape(count, -1)[:, :TABLE_COLUMNS], columns=names
    )
    target = dataset.y_train[:count]
    # A CSV may have a column named like the label ("target", "타깃"); the label gets a free name.
    label = datasets.unique_names([*names, t("data.target_column")])[-1]
    table.insert(
        0, label, [dataset.class_names[int(y)] for y in target] if dataset.class_names else target
    )
    return table
