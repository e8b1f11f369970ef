"""Model page: hidden layers, output head, compile and fit settings, summary, checks."""

import streamlit as st

from ui import model_views
from ui.backend import settings
from ui.i18n import t
from ui.page import begin, dataset_or_explain, link
from ui.problems import show_problems
from ui.state import config

begin()
cfg = config()
st.title(t("model.title"))
dataset = dataset_or_explain(cfg)
st.caption(
    t(
        "model.dataset_line",
        dataset=t(f"data.name.{dataset.name}"),
        task=t(f"task.{dataset.task}"),
        inputs=dataset.n_features,
        classes=dataset.n_classes,
    )
)
model_views.layer_editor(cfg)
model_views.regularization_editor(cfg)
model_views.output_head(cfg, dataset)
model_views.training_settings(cfg)
model_views.summary(cfg, dataset)
show_problems(cfg, dataset, settings())
link("train", t("model.next"))
