"""Model page: hidden layers, output head, compile and fit settings, summary, checks."""

import pandas as pd
import streamlit as st

from playground import models
from playground.config import (ACTIVATIONS, LABEL_ENCODINGS, LOSSES, OPTIMIZERS,
                               OUTPUT_ACTIVATIONS, LayerConfig)
from playground.errors import PlaygroundError
from ui.backend import load_dataset, settings
from ui.navigation import ensure_app_navigation
from ui.run_status import sidebar_run_status
from ui.i18n import show_error, t
from ui.problems import show_problems
from ui.state import config

ensure_app_navigation()
sidebar_run_status()

cfg = config()
st.title(t("model.title"))
try:
    dataset = load_dataset(cfg.data)
except PlaygroundError as err:
    show_error(err)
    st.page_link("pages/data.py", label=t("model.fix_data"), icon="📊")
    st.stop()
st.caption(t("model.dataset_line", dataset=t(f"data.name.{dataset.name}"), task=t(f"task.{dataset.task}"),
             inputs=dataset.n_features, classes=dataset.n_classes))


def _option_index(options, value) -> int:
    return options.index(value) if value in options else 0


# ------------------------------------------------------------- hidden layers
st.subheader(t("model.hidden_layers"))
st.caption(t("model.hidden_help"))
version = st.session_state.setdefault("layers_version", 0)


def _edit_layers(change) -> None:
    change(cfg.layers)
    st.session_state["layers_version"] += 1


for index, layer in enumerate(cfg.layers):
    units_col, act_col, up_col, down_col, del_col = st.columns([3, 3, 1, 1, 1],
                                                               vertical_alignment="bottom")
    layer.units = int(units_col.number_input(t("model.units", n=index + 1), min_value=0,
                                             max_value=1_000_000, value=int(layer.units),
                                             key=f"units_{version}_{index}"))
    layer.activation = act_col.selectbox(t("model.activation"), ACTIVATIONS,
                                         index=_option_index(ACTIVATIONS, layer.activation),
                                         format_func=lambda a: t(f"act.{a}"),
                                         key=f"act_{version}_{index}")
    up_col.button("↑", key=f"up_{version}_{index}", disabled=index == 0, help=t("model.move_up"),
                  on_click=_edit_layers, args=(lambda ls, i=index: ls.insert(i - 1, ls.pop(i)),))
    down_col.button("↓", key=f"down_{version}_{index}", disabled=index == len(cfg.layers) - 1,
                    help=t("model.move_down"),
                    on_click=_edit_layers, args=(lambda ls, i=index: ls.insert(i + 1, ls.pop(i)),))
    del_col.button("✕", key=f"del_{version}_{index}", help=t("model.remove"),
                   on_click=_edit_layers, args=(lambda ls, i=index: ls.pop(i),))

st.button(t("model.add_layer"), icon="➕", key="add_layer",
          on_click=_edit_layers, args=(lambda ls: ls.append(LayerConfig(16, "relu")),))

# ------------------------------------------------------------- output head
st.subheader(t("model.output"))
auto = models.auto_head(cfg, dataset)
st.caption(t("model.auto_head", units=auto.units, activation=auto.activation, loss=auto.loss))
out_cols = st.columns(4)
cfg.output_activation = out_cols[0].selectbox(
    t("model.output_activation"), OUTPUT_ACTIVATIONS,
    index=_option_index(OUTPUT_ACTIVATIONS, cfg.output_activation), format_func=lambda a: t(f"act.{a}"))
cfg.output_units = int(out_cols[1].number_input(t("model.output_units"), 0, 100_000,
                                                int(cfg.output_units), help=t("model.output_units_help")))
cfg.loss = out_cols[2].selectbox(t("model.loss"), LOSSES, index=_option_index(LOSSES, cfg.loss),
                                 format_func=lambda l: t(f"loss.{l}"))
if dataset.task != "regression":
    cfg.label_encoding = out_cols[3].radio(
        t("model.labels"), LABEL_ENCODINGS, index=_option_index(LABEL_ENCODINGS, cfg.label_encoding),
        format_func=lambda e: t(f"labels.{e}"), help=t("model.labels_help"))

# ------------------------------------------------------------- compile & fit
st.subheader(t("model.training"))
fit_cols = st.columns(4)
cfg.optimizer = fit_cols[0].selectbox(t("model.optimizer"), OPTIMIZERS,
                                      index=_option_index(OPTIMIZERS, cfg.optimizer),
                                      format_func=lambda o: t(f"opt.{o}"))
cfg.learning_rate = float(fit_cols[1].number_input(t("model.learning_rate"), min_value=0.0,
                                                   max_value=1e4, value=float(cfg.learning_rate),
                                                   format="%g", step=0.001))
if cfg.optimizer == "sgd":
    cfg.momentum = float(fit_cols[2].slider(t("model.momentum"), 0.0, 0.99, float(cfg.momentum)))
fit_cols = st.columns(4)
cfg.epochs = int(fit_cols[0].number_input(t("model.epochs"), 0, 100_000, int(cfg.epochs)))
cfg.batch_size = int(fit_cols[1].number_input(t("model.batch_size"), 0, 100_000, int(cfg.batch_size)))
cfg.validation_split = float(fit_cols[2].slider(t("model.validation_split"), 0.0, 0.5,
                                                float(cfg.validation_split), step=0.05))
cfg.seed = int(fit_cols[3].number_input(t("model.seed"), 0, 10_000, int(cfg.seed)))
es_cols = st.columns(3, vertical_alignment="bottom")
cfg.early_stopping = es_cols[0].checkbox(t("model.early_stopping"), value=cfg.early_stopping,
                                         help=t("model.early_stopping_help"))
if cfg.early_stopping:
    cfg.patience = int(es_cols[1].number_input(t("model.patience"), 0, 1000, int(cfg.patience)))
    cfg.restore_best_weights = es_cols[2].checkbox(t("model.restore_best"),
                                                   value=cfg.restore_best_weights)

# ------------------------------------------------------------- summary & checks
st.subheader(t("model.summary"))
rows = models.summary_rows(cfg, dataset)
st.dataframe(pd.DataFrame([{t("model.col_layer"): f"{r.name} ({r.layer_type})",
                            t("model.col_shape"): r.output_shape,
                            t("model.col_params"): f"{r.params:,}"} for r in rows]),
             hide_index=True)
st.metric(t("model.total_params"), f"{models.total_params(rows):,}")

show_problems(cfg, dataset, settings())
st.page_link("pages/train.py", label=t("model.next"), icon="➡️")
