"""Data page: pick a dataset, split and scale it, and preview it."""

import streamlit as st

from playground import datasets
from playground.errors import PlaygroundError
from ui.backend import load_dataset
from ui.controls import widget
from ui.csv_upload import choose_csv
from ui.data_views import preview, settings_controls
from ui.i18n import show_error, t
from ui.page import begin, link
from ui.state import config


def choose_dataset(data) -> None:
    """The dataset select; a new dataset starts from its own sample count."""
    ids = list(datasets.DATASETS)
    chosen = widget(
        "data.name",
        data.name,
        st.selectbox,
        t("data.dataset"),
        ids,
        index=ids.index(data.name) if data.name in ids else 0,
        format_func=lambda name: t(f"data.name.{name}"),
    )
    if chosen != data.name:
        data.name = chosen
        data.n_samples = datasets.DEFAULT_SAMPLES.get(chosen, data.n_samples)
    st.caption(t(f"data.about.{data.name}"))


begin()
data = config().data
st.title(t("data.title"))
choose_dataset(data)
settings_controls(data)
if data.name == "csv":
    choose_csv(data)
try:
    with st.spinner(t("data.loading")):
        dataset = load_dataset(data)
except PlaygroundError as err:
    show_error(err)
    st.stop()
st.divider()
preview(dataset)
link("model", t("data.next"))
