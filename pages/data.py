"""Data page: pick a dataset, split and scale it, and preview it."""

import pandas as pd
import streamlit as st

from playground import charts, datasets
from playground.config import SCALINGS, TASK_CHOICES
from playground.errors import PlaygroundError
from playground.limits import TRAIN_ROWS, data_ranges
from ui.backend import load_dataset, settings
from ui.bounded import in_range
from ui.csv_upload import stored_upload, upload_limit_mb
from ui.navigation import ensure_app_navigation
from ui.run_status import sidebar_run_status
from ui.i18n import lang, show_error, t
from ui.state import config

ensure_app_navigation()
sidebar_run_status()

cfg = config()
data = cfg.data
st.title(t("data.title"))

ids = list(datasets.DATASETS)
chosen = st.selectbox(t("data.dataset"), ids, index=ids.index(data.name) if data.name in ids else 0,
                      format_func=lambda name: t(f"data.name.{name}"))
if chosen != data.name:
    data.name = chosen
    data.n_samples = datasets.DEFAULT_SAMPLES.get(chosen, data.n_samples)
spec = datasets.DATASETS[data.name]
st.caption(t(f"data.about.{data.name}"))

ranges = data_ranges(data.name, settings())


def _bounded(name: str):
    """(value, low, high) of `data.<name>` for a widget: the value within its range."""
    allowed = ranges[name]
    return in_range(f"data.{name}", getattr(data, name), allowed), allowed.low, allowed.high


left, right = st.columns(2)
with left:
    if spec.kind == "points2d":
        value, low, high = _bounded("n_samples")
        data.n_samples = st.slider(t("data.n_samples"), low, high, value, step=10,
                                   help=t("data.n_samples_help", maximum=high))
        value, low, high = _bounded("noise")
        data.noise = st.slider(t("data.noise"), low, high, value, step=0.05)
    elif data.name in TRAIN_ROWS:
        value, low, high = _bounded("n_samples")
        data.n_samples = int(st.number_input(
            t("data.train_limit"), low, high, value, step=1000,
            help=t("data.train_limit_help", total=TRAIN_ROWS[data.name],
                   default=datasets.DEFAULT_SAMPLES[data.name])))
    if not spec.has_official_test_split:
        value, low, high = _bounded("test_fraction")
        data.test_fraction = st.slider(t("data.test_fraction"), low, high, value, step=0.05)
    else:
        st.caption(t("data.official_split"))
with right:
    data.scaling = st.radio(t("data.scaling"), SCALINGS, index=SCALINGS.index(data.scaling)
                            if data.scaling in SCALINGS else 0,
                            format_func=lambda s: t(f"data.scaling.{s}"), horizontal=True,
                            help=t("data.scaling_help"))
    value, low, high = _bounded("seed")
    data.seed = int(st.number_input(t("data.seed"), low, high, value))

if data.name == "csv":
    limit_mb = upload_limit_mb()
    upload = st.file_uploader(t("data.csv_upload", limit=limit_mb), type=["csv", "tsv", "txt"],
                              max_upload_size=limit_mb, help=t("data.csv_upload_help"))
    if upload is not None:
        try:
            data.csv_file = stored_upload(upload)
        except PlaygroundError as err:
            show_error(err)
            st.stop()
    if not data.csv_file:
        st.info(t("data.csv_needed"))
        st.stop()
    try:
        with st.spinner(t("data.csv_reading")):
            columns = datasets.read_csv_columns(data.csv_file)
    except PlaygroundError as err:
        show_error(err)
        st.stop()
    if data.target not in columns:
        data.target = columns[-1]
    data.target = st.selectbox(t("data.target"), columns, index=columns.index(data.target))
    data.task = st.selectbox(t("data.task"), TASK_CHOICES,
                             index=TASK_CHOICES.index(data.task) if data.task in TASK_CHOICES else 0,
                             format_func=lambda s: t(f"task.{s}"))

try:
    with st.spinner(t("data.loading")):
        dataset = load_dataset(data)
except PlaygroundError as err:
    show_error(err)
    st.stop()

st.divider()
cols = st.columns([2, 1, 1, 1])
cols[0].metric(t("data.task_label"), t(f"task.{dataset.task}"))
cols[1].metric(t("data.train_rows"), f"{len(dataset.y_train):,}")
cols[2].metric(t("data.test_rows"), f"{len(dataset.y_test):,}")
cols[3].metric(t("data.input_shape"), " × ".join(map(str, dataset.input_shape)))
st.caption(t("data.input_range", low=f"{dataset.x_train.min():.3g}", high=f"{dataset.x_train.max():.3g}"))
for key, params in dataset.notes:
    st.info(t(key, **params), icon="ℹ️")

if dataset.kind == "points2d":
    st.plotly_chart(charts.scatter_2d_figure(dataset.x_train, dataset.y_train, dataset.class_names, lang()))
elif dataset.kind == "image":
    count = min(16, len(dataset.y_train))
    labels = [dataset.class_names[int(y)] for y in dataset.y_train[:count]]
    st.plotly_chart(charts.image_grid_figure(dataset.x_train[:count], labels, lang()))
    st.caption(t("data.mnist_credit"))
elif dataset.kind == "text":
    for review, label in zip(dataset.preview_text, dataset.y_train):
        with st.container(border=True):
            st.caption(dataset.class_names[int(label)])
            st.write(review[:600] + ("…" if len(review) > 600 else ""))

st.subheader(t("data.balance"))
if dataset.task == "regression":
    st.plotly_chart(charts.target_histogram(dataset.y_train, lang()))
else:
    st.plotly_chart(charts.class_balance_figure(dataset.y_train, lang(), class_names=dataset.class_names))

st.subheader(t("data.table"))
rows = dataset.x_train[:20].reshape(min(20, len(dataset.x_train)), -1)
shown_names = dataset.feature_names[:200]
table = pd.DataFrame(rows[:, :200], columns=shown_names)
target = dataset.y_train[:20]
# A CSV may have a column named like the label ("target", "타깃"); the label gets a free name.
target_label = datasets.unique_names([*shown_names, t("data.target_column")])[-1]
table.insert(0, target_label,
             [dataset.class_names[int(y)] for y in target] if dataset.class_names else target)
st.dataframe(table, hide_index=True)
if dataset.n_features > 200:
    st.caption(t("data.table_truncated", shown=200, total=dataset.n_features))
st.page_link("pages/model.py", label=t("data.next"), icon="➡️")
