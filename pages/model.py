"""Model page: hidden layers, output head, compile and fit settings, summary, checks."""

import pandas as pd
import streamlit as st

from playground import models
from playground.config import (ACTIVATIONS, LABEL_ENCODINGS, LOSSES, OPTIMIZERS,
                               OUTPUT_ACTIVATIONS, ExperimentConfig, LayerConfig)
from playground.errors import PlaygroundError
from playground.limits import model_ranges
from ui.backend import load_dataset, settings
from ui.bounded import in_range
from ui.navigation import ensure_app_navigation
from ui.run_status import sidebar_run_status
from ui.i18n import show_error, t
from ui.problems import show_problems
from ui.state import config

ensure_app_navigation()
sidebar_run_status()

cfg = config()
ranges = model_ranges(settings())
keras_defaults = ExperimentConfig()
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
    with units_col:
        units = in_range(f"layers[{index + 1}].units", layer.units, ranges["units"])
        layer.units = int(st.number_input(t("model.units", n=index + 1), min_value=ranges["units"].low,
                                          max_value=ranges["units"].high, value=units,
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
with out_cols[1]:
    output_units = in_range("output_units", cfg.output_units, ranges["output_units"])
    cfg.output_units = int(st.number_input(t("model.output_units"), ranges["output_units"].low,
                                           ranges["output_units"].high, output_units,
                                           help=t("model.output_units_help")))
cfg.loss = out_cols[2].selectbox(t("model.loss"), LOSSES, index=_option_index(LOSSES, cfg.loss),
                                 format_func=lambda l: t(f"loss.{l}"))
if dataset.task != "regression":
    cfg.label_encoding = out_cols[3].radio(
        t("model.labels"), LABEL_ENCODINGS, index=_option_index(LABEL_ENCODINGS, cfg.label_encoding),
        format_func=lambda e: t(f"labels.{e}"), help=t("model.labels_help"))

# ------------------------------------------------------------- compile & fit
st.subheader(t("model.training"))
st.caption(t("model.keras_defaults"))


def _number(column, name: str, label: str, help_text: str, **options):
    """A number input for config field `name`, within its range."""
    allowed = ranges[name]
    with column:
        value = in_range(name, getattr(cfg, name), allowed)
        return st.number_input(label, min_value=allowed.low, max_value=allowed.high, value=value,
                               help=help_text, **options)


def _slider(column, name: str, label: str, help_text: str, **options):
    """A slider for config field `name`, within its range."""
    allowed = ranges[name]
    with column:
        value = in_range(name, getattr(cfg, name), allowed)
        return st.slider(label, allowed.low, allowed.high, value, help=help_text, **options)


fit_cols = st.columns(4)
cfg.switch_optimizer(fit_cols[0].selectbox(t("model.optimizer"), OPTIMIZERS,
                                           index=_option_index(OPTIMIZERS, cfg.optimizer),
                                           format_func=lambda o: t(f"opt.{o}")))
cfg.learning_rate = float(_number(fit_cols[1], "learning_rate", t("model.learning_rate"),
                                  t("model.learning_rate_help"), format="%g", step=0.001))
if cfg.optimizer == "sgd":
    cfg.momentum = float(_slider(fit_cols[2], "momentum", t("model.momentum"),
                                 t("model.momentum_help")))
fit_cols = st.columns(4)
cfg.epochs = int(_number(fit_cols[0], "epochs", t("model.epochs"),
                         t("model.epochs_help", default=keras_defaults.epochs)))
cfg.batch_size = int(_number(fit_cols[1], "batch_size", t("model.batch_size"),
                             t("model.batch_size_help")))
cfg.validation_split = float(_slider(fit_cols[2], "validation_split", t("model.validation_split"),
                                     t("model.validation_split_help",
                                       default=keras_defaults.validation_split), step=0.05))
cfg.seed = int(_number(fit_cols[3], "seed", t("model.seed"), t("model.seed_help")))
es_cols = st.columns(3, vertical_alignment="bottom")
cfg.early_stopping = es_cols[0].checkbox(t("model.early_stopping"), value=cfg.early_stopping,
                                         help=t("model.early_stopping_help"))
if cfg.early_stopping:
    cfg.patience = int(_number(es_cols[1], "patience", t("model.patience"), t("model.patience_help")))
    cfg.restore_best_weights = es_cols[2].checkbox(t("model.restore_best"),
                                                   value=cfg.restore_best_weights,
                                                   help=t("model.restore_best_help"))

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
